/**
 * Coupons: what one takes off, codes derived from the business key with a secret (the same key always
 * gives the same coupon), per-member caps claimed before a coupon is promised, and the ports that
 * issue, redeem and cap them.
 */
package dev.storecrm.domain.coupon;
