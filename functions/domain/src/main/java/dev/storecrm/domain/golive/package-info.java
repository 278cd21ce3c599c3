/**
 * The go-live guard: journeys act on what happens after the store goes live on this stack, while an
 * imported history (years of members, orders, carts and disputes published on the first day) fills
 * the archive and the lists without firing every step that history would have made due. The policy
 * is pure data and arithmetic ({@link dev.storecrm.domain.golive.GoLivePolicy}); the functions that
 * start journeys ask it at the one point where a journey's step is planned or sent. See docs/go-live.md.
 */
package dev.storecrm.domain.golive;
