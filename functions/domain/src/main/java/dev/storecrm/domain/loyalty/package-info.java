/**
 * The points ledger (会员积分): every movement of a member's points is an entry (earned per order,
 * birthday bonus, referral, adjustment, redemption, return of redeemed points, expiry, reversal),
 * the member's {@link dev.storecrm.domain.loyalty.PointsAccount} is the bounded summary the entries
 * add up to, points expire by a rule given as data ({@link dev.storecrm.domain.loyalty.ExpiryRule}),
 * and the store's checkout reserves, confirms and releases redemptions by order id. Plain Java, no
 * AWS SDK types: the storage and timers are ports.
 */
package dev.storecrm.domain.loyalty;
