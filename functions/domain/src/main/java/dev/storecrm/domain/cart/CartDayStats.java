package dev.storecrm.domain.cart;

import java.time.LocalDate;
import java.util.Map;

/**
 * Cart recovery's figures for one day (in the store's time zone): the attribution report. Money
 * is in minor units of the store currency. {@code reminded} counts carts whose first message was
 * handed to the sender; {@code recovered} only orders placed within the attribution window after a
 * message the send ledger shows as sent; {@code heldOut} counts carts held out of the sequence (the
 * control group), and {@code heldOutRecovered} those of them ordered within the same window after their
 * first step would have gone (the send ledger's {@code HELD_OUT} record).
 */
public record CartDayStats(LocalDate day, long abandoned, long reminded, long couponsIssued, long recovered,
                           long recoveredRevenueMinor, long couponCostMinor, long heldOut, long heldOutRecovered,
                           long heldOutRevenueMinor) {

    public static CartDayStats of(LocalDate day, Map<CartMetric, Long> figures) {
        return new CartDayStats(day, figures.getOrDefault(CartMetric.ABANDONED, 0L),
                figures.getOrDefault(CartMetric.REMINDED, 0L), figures.getOrDefault(CartMetric.COUPONS_ISSUED, 0L),
                figures.getOrDefault(CartMetric.RECOVERED, 0L), figures.getOrDefault(CartMetric.RECOVERED_REVENUE, 0L),
                figures.getOrDefault(CartMetric.COUPON_COST, 0L), figures.getOrDefault(CartMetric.HELD_OUT, 0L),
                figures.getOrDefault(CartMetric.HELD_OUT_RECOVERED, 0L),
                figures.getOrDefault(CartMetric.HELD_OUT_REVENUE, 0L));
    }
}
