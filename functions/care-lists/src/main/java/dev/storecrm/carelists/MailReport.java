package dev.storecrm.carelists;

import dev.storecrm.domain.coupon.CouponOutcomes;
import dev.storecrm.domain.messaging.MailOutcomes;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What became of the messages per day (store time zone), journey and outcome: {@code SENT}, or why not (the send
 * ledger's reason, e.g. {@code SUPPRESSED}, {@code NO_MARKETING_CONSENT}, {@code EXPIRED_UNDER_CAP},
 * {@code HELD_OUT}, {@code EXPIRED_WHILE_PAUSED}, {@code REJECTED_BY_SES}), as the sender counted them when it
 * settled each message. One Query over the period's counters; a period is at most {@link MailOutcomes#MAX_DAYS}
 * days. Only what happened is listed: a day, journey and outcome without messages has no row. Beside them, the
 * coupon book's own daily counters: the coupons issued and redeemed per day and campaign ({@link #coupons}).
 */
final class MailReport {

    static final List<String> COLUMNS = List.of("day", "journey", "outcome", "messages");
    static final List<String> COUPON_COLUMNS = List.of("day", "journey", "issued", "redeemed", "discount");

    private final MailOutcomes outcomes;
    private final CouponOutcomes coupons;

    MailReport(MailOutcomes outcomes, CouponOutcomes coupons) {
        this.outcomes = outcomes;
        this.coupons = coupons;
    }

    /**
     * The coupons issued and redeemed per day and journey (the coupon's campaign: {@code birthday}, {@code win-back},
     * {@code cart}, {@code referral}, {@code broadcast}, …), with the discounts redeemed in minor units of the store
     * currency; at most
     * {@link CouponOutcomes#MAX_DAYS} days, one Query. A day and journey without coupons has no row.
     */
    Table coupons(LocalDate from, LocalDate to) {
        if (ChronoUnit.DAYS.between(from, to) >= CouponOutcomes.MAX_DAYS) {
            throw new IllegalArgumentException("the coupons' outcomes are read at most " + CouponOutcomes.MAX_DAYS
                    + " days at a time; ask for a shorter period");
        }
        Table table = new Table(COUPON_COLUMNS);
        for (CouponOutcomes.Count count : coupons.between(from, to)) {
            table.add(List.of(count.day().toString(), count.campaign(), Long.toString(count.issued()),
                    Long.toString(count.redeemed()), Long.toString(count.discountMinor())));
        }
        return table;
    }

    Table between(LocalDate from, LocalDate to) {
        if (ChronoUnit.DAYS.between(from, to) >= MailOutcomes.MAX_DAYS) {
            throw new IllegalArgumentException("the mail's outcomes are read at most " + MailOutcomes.MAX_DAYS
                    + " days at a time; ask for a shorter period");
        }
        Table table = new Table(COLUMNS);
        for (MailOutcomes.Count count : outcomes.between(from, to)) {
            table.add(List.of(count.day().toString(), count.journey(), count.outcome(), Long.toString(count.count())));
        }
        return table;
    }
}
