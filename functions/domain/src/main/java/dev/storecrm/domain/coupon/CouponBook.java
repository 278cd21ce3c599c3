package dev.storecrm.domain.coupon;

import dev.storecrm.domain.money.Money;
import java.time.Instant;
import java.util.Optional;

/**
 * The coupons the product issues. Issuing is idempotent per business key: the same key always
 * gets the same coupon (its code is derived from the key with a secret, so it is unguessable and a
 * retried issue cannot make a second coupon). Redeeming is single-use: the first order that carries
 * a valid code wins it.
 */
public interface CouponBook {

    /** What to issue: for whom, for which campaign and business key, worth what, valid for how long. */
    record Issue(String businessKey, String campaign, String customerId, CouponValue value, Instant issuedAt,
                 Instant expiresAt) {}

    /** Issues the coupon of this business key, or returns the one already issued for it. */
    Coupon issue(Issue issue);

    Optional<Coupon> find(String code);

    /**
     * Marks the coupon redeemed by an order, if it is one of ours, valid at {@code at} and not used
     * yet; returns it when this order is the one that redeemed it (again true for the same order
     * repeated), empty otherwise (unknown code, expired, or used by another order).
     */
    Optional<Coupon> redeem(String code, String orderId, String customerId, Money orderTotal, Instant at);

    /**
     * Ends the coupon of this campaign and business key at {@code at}, for {@code reason}, if it is not
     * redeemed and still valid: its expiry moves to that moment, so no order can redeem it after; returns it
     * as it is now. Empty when there is no such coupon, or it was redeemed or had expired already (then it
     * stays as it was). Revoking again changes nothing.
     */
    Optional<Coupon> revoke(String campaign, String businessKey, String reason, Instant at);
}
