package dev.storecrm.domain.campaign;

import dev.storecrm.domain.coupon.Coupon;
import dev.storecrm.domain.money.Money;
import java.time.Instant;
import java.util.Optional;

/**
 * What a coupon of ours cost when an order placed carried it, for the lift report's {@code couponCost}: the
 * discount the coupon book records for the order that redeems it ({@code CouponValue.discountOn} the order's
 * total: the fixed amount, at most the total, or the percentage of it), so the report agrees with the coupon
 * outcomes and the cart report. The order events carry no discount of their own.
 *
 * <p>An order counts the coupon if it is the one that redeemed it, or, while the coupon book has not yet seen the
 * order (the LiftQueue and the redeemers' queues run apart), if the coupon is unused and had not expired when the
 * order was placed: the same test the coupon book's redemption makes, so both agree. A coupon used by another
 * order, expired or revoked costs this order nothing. A cancelled or refunded order keeps the cost: the coupon
 * book never gives a redeemed coupon back.
 */
public final class CouponCost {

    private CouponCost() {}

    /** The discount the coupon gave the order, minor units; empty when it gave this order none. */
    public static Optional<Long> of(Coupon coupon, String orderId, Money orderTotal, Instant placedAt) {
        if (coupon.isRedeemed()) {
            return coupon.redemption().filter(r -> r.orderId().equals(orderId))
                    .map(Coupon.Redemption::discountMinor).filter(minor -> minor > 0);
        }
        return placedAt.isBefore(coupon.expiresAt())
                ? Optional.of(coupon.value().discountOn(orderTotal)).filter(minor -> minor > 0) : Optional.empty();
    }
}
