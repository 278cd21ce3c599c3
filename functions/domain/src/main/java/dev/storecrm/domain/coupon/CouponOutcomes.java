package dev.storecrm.domain.coupon;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The coupons issued and redeemed, counted per day (the store's time zone) and campaign (the journey that issued
 * them: {@code birthday}, {@code win-back}, {@code cart}, {@code referral}, {@code broadcast}, …) where the
 * coupon book's conditional write decides: a coupon issued again for its business key, or redeemed again by its
 * order, counts once. Each count is one small write, whatever the store's history; a report reads a period by
 * key, at most {@link #MAX_DAYS} days.
 */
public interface CouponOutcomes {

    /** The longest period a report reads (a quarter): its cost follows its days. */
    int MAX_DAYS = 92;

    /** A day's figures of one campaign: coupons issued, coupons redeemed and the discounts they gave. */
    record Count(LocalDate day, String campaign, long issued, long redeemed, long discountMinor) {}

    /** Counts a coupon of {@code campaign} issued at {@code at}. */
    void issued(String campaign, Instant at);

    /** Counts a coupon of {@code campaign} redeemed at {@code at} with its discount. */
    void redeemed(String campaign, long discountMinor, Instant at);

    /** The counts from {@code from} to {@code to}, both days included, by day and campaign. */
    List<Count> between(LocalDate from, LocalDate to);
}
