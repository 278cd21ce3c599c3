package dev.storecrm.domain.rfm;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What RFM reads of a member: the archive's raw inputs (last counted order, counted orders, net
 * lifetime spend), the tier rank (0 = the base tier or none, 1 = the first tier above it, e.g. VIP1), and
 * how many of the member's latest payments (at most three, as the member item names them) used a coupon.
 */
public record RfmInputs(Instant lastOrderAt, long orders, long spendMinor, int tierRank, int recentOrders,
                        int recentWithCoupon) {

    public RfmInputs {
        Objects.requireNonNull(lastOrderAt, "lastOrderAt");
        if (orders < 1 || recentWithCoupon > recentOrders || recentWithCoupon < 0) {
            throw new IllegalArgumentException("RFM inputs need a counted order and coupons among the recent orders");
        }
    }

    /** Whole days since the last counted order. */
    public long recencyDays(Instant now) {
        return Math.max(0, Duration.between(lastOrderAt, now).toDays());
    }

    /** Most of the latest orders used a coupon (strictly more than half). */
    public boolean mostlyWithCoupons() {
        return recentWithCoupon * 2 > recentOrders;
    }
}
