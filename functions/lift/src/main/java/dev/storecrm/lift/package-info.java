/**
 * LiftFunction: feeds the lift report with the store's orders: each {@code OrderPaid} and {@code OrderRefunded}
 * from the store bus counts for the member's journey assignments whose attribution window holds it (the sender
 * records the assignments as it settles marketing messages); each {@code OrderPlaced} with coupon codes adds the
 * discount of a journey's coupon to its message's line ({@code couponCost}). docs/campaigns.md, "The lift report".
 */
package dev.storecrm.lift;
