package dev.storecrm.domain.member;

import dev.storecrm.domain.event.Stamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A member's purchases in numbers, bounded whatever the history: the order facts themselves live in
 * the OrdersTable, and every figure here is kept up to date by the difference an order's change
 * makes (see {@link MemberLedger}).
 *
 * @param orderCount counted orders: paid, not cancelled, not fully refunded
 * @param refundCount refunds of all orders
 * @param refundedMinor refunded money of paid orders, each order's up to its payment
 * @param points the sum of every order's {@link Credit}
 * @param firstOrderAt the first counted order's payment (to the millisecond), or {@code null}
 * @param lastOrderAt the last counted order's payment (to the millisecond), or {@code null}: the R of
 *        RFM and the start of a silence
 * @param firstPayment the earliest payment of any order (enrolment by the first paid order), or {@code null}
 * @param enrolment enrolment by spend, kept only under {@code SPEND_THRESHOLD}, or {@code null}
 * @param months net spend by calendar month (UTC) of payment, the {@link ArchiveLimits#SPEND_MONTHS}
 *        months up to the latest payment: enough for the trailing year and for every tier still held
 * @param recent the latest payments of any order, newest first, at most {@link ArchiveLimits#RECENT_PAYMENTS}
 * @param repricing a re-pricing of earlier payments still under way, or {@code null}
 */
public record Purchases(long orderCount, long lifetimeSpendMinor, long refundCount, long refundedMinor, long points,
                        Instant firstOrderAt, Instant lastOrderAt, Stamp firstPayment, Enrolment enrolment,
                        SortedMap<YearMonth, MonthSpend> months, List<Payment> recent, Repricing repricing) {

    public static final Purchases NONE =
            new Purchases(0, 0, 0, 0, 0, null, null, null, null, new TreeMap<>(), List.of(), null);

    /** Net spend of the counted orders paid in a month, and the first and last of their payments. */
    public record MonthSpend(long netMinor, Instant first, Instant last) {
        public MonthSpend {
            first = first.truncatedTo(ChronoUnit.MILLIS);
            last = last.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    /** A payment the member item names. */
    public record Payment(String orderId, Stamp stamp, long amountMinor) {}

    /**
     * Enrolment by spend: the payment that took the paid total to the threshold ({@code null} until
     * one did), and the paid total of the payments before it (of all payments until then).
     */
    public record Enrolment(Stamp crossing, long grossBefore) {}

    /**
     * Payments with a payment time in [{@code from}, {@code to}) are being priced again; those up to
     * the stamp {@code after} ({@code null}: none yet) are done.
     */
    public record Repricing(Instant from, Instant to, Stamp after) {
        public Repricing {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    public Purchases {
        months = Collections.unmodifiableSortedMap(new TreeMap<>(months));
        recent = List.copyOf(recent);
        firstOrderAt = firstOrderAt == null ? null : firstOrderAt.truncatedTo(ChronoUnit.MILLIS);
        lastOrderAt = lastOrderAt == null ? null : lastOrderAt.truncatedTo(ChronoUnit.MILLIS);
    }

    public static YearMonth monthOf(Instant paidAt) {
        return YearMonth.from(paidAt.atOffset(ZoneOffset.UTC));
    }

    /** The latest payment of any order, cancelled or not. */
    public Optional<Payment> lastPayment() {
        return recent.stream().findFirst();
    }

    /** The earliest of the latest payments made after {@code after}: an order that followed it. */
    public Optional<Payment> firstPaymentAfter(Stamp after) {
        return recent.stream().filter(p -> p.stamp().isAfter(after)).reduce((newer, older) -> older);
    }

    /**
     * Net spend of counted orders paid in the 365 days ending at {@code end} (inclusive), from the
     * months: a month wholly inside counts, one wholly outside does not, and the one month the
     * window's start falls inside, when it had payments on both sides of it, counts whole.
     */
    public long spendInYearEndingAt(Instant end) {
        Instant start = end.minus(MemberPolicy.YEAR);
        long sum = 0;
        for (MonthSpend month : months.values()) {
            if (month.last().isAfter(start) && !month.first().isAfter(end)) {
                sum = Totals.add(sum, month.netMinor(), "the trailing spend");
            }
        }
        return sum;
    }

    /** A tier rank reached and how long it is held. */
    public record Standing(int rank, Instant heldUntil) {}

    /**
     * The highest rank held at {@code now}: each month's last payment qualifies for the rank of the
     * trailing year's spend at that moment, and holds it for 365 days.
     */
    public Standing standingAt(TierLadder tiers, Instant now) {
        int bestRank = 0;
        Instant heldUntil = null;
        for (MonthSpend month : months.values()) {
            Instant until = month.last().plus(MemberPolicy.YEAR);
            if (month.last().isAfter(now) || !until.isAfter(now)) {
                continue;
            }
            int rank = tiers.rankFor(spendInYearEndingAt(month.last()));
            if (rank > bestRank || (rank == bestRank && rank > 0 && until.isAfter(heldUntil))) {
                bestRank = rank;
                heldUntil = until;
            }
        }
        return new Standing(bestRank, heldUntil);
    }

    Purchases withPoints(long newPoints) {
        return new Purchases(orderCount, lifetimeSpendMinor, refundCount, refundedMinor, newPoints, firstOrderAt,
                lastOrderAt, firstPayment, enrolment, months, recent, repricing);
    }

    Purchases withRepricing(Repricing newRepricing) {
        return new Purchases(orderCount, lifetimeSpendMinor, refundCount, refundedMinor, points, firstOrderAt,
                lastOrderAt, firstPayment, enrolment, months, recent, newRepricing);
    }
}
