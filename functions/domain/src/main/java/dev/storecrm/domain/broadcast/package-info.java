/**
 * Broadcasts: one-off marketing campaigns a marketer defines for a segment, an audience or a list of members,
 * with A/B variants, a send window in the members' local time, an optional coupon and a holdout; and the page by
 * page fan-out that hands each member's message to the outbox (docs/campaigns.md).
 */
package dev.storecrm.domain.broadcast;
