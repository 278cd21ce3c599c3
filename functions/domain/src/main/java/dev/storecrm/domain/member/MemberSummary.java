package dev.storecrm.domain.member;

import dev.storecrm.domain.member.MemberPolicy.Enrolment;
import dev.storecrm.domain.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the archive shows of a member at a moment: membership, purchase history in numbers, the raw
 * inputs of RFM (recency = {@code lastOrderAt}, frequency = {@code orderCount}, monetary =
 * {@code lifetimeSpendMinor}), points and tier. A pure function of the {@link MemberRecord}, the
 * {@link MemberPolicy} and the moment, so it is the same whatever order the events came in.
 *
 * <p><b>Counted orders</b> are paid, not cancelled and not fully refunded; spend is net of refunds.
 *
 * <p><b>Points</b>: each counted order paid while the membership was active earns
 * {@link MemberPolicy#pointsFor} of its net amount, times the {@link BirthdayBonus} multiplier when
 * paid in the member's birthday window; refunds and cancellations take them back.
 *
 * <p><b>Tier</b>: upgrade at once, downgrade after a year. At each counted payment the trailing
 * 365-day net spend qualifies for a rank of the ladder; a rank is held for 365 days from the last
 * payment that qualified for it. The tier is the highest rank still held, else the base tier.
 */
public record MemberSummary(String customerId, MembershipStatus status, Optional<Instant> memberSince,
                            int orderCount, long lifetimeSpendMinor, long trailingYearSpendMinor,
                            Optional<Instant> firstOrderAt, Optional<Instant> lastOrderAt, long points,
                            Optional<String> tier, Optional<Instant> tierHeldUntil, int refundCount,
                            long refundedMinor) {

    public static MemberSummary of(MemberRecord record, MemberPolicy policy, Instant now) {
        List<OrderFacts> counted = record.orders().values().stream()
                .filter(OrderFacts::counts)
                .sorted(Comparator.comparing(OrderFacts::paidAt))
                .toList();
        Optional<Instant> memberSince = memberSince(record, policy);
        MembershipStatus status = statusAt(record, memberSince, now);

        long lifetime = Money.total(counted.stream().mapToLong(OrderFacts::netMinor));
        long trailing = spendInYearEndingAt(counted, now);
        long points = Money.total(counted.stream()
                .filter(o -> statusAt(record, memberSince, o.paidAt()).earnsBenefits())
                .mapToLong(o -> Money.multiplyExact(policy.pointsFor(o.netMinor()),
                        policy.birthdayBonus().multiplierFor(record, o.paidAt()))));

        int bestRank = 0;
        Instant heldUntil = null;
        for (OrderFacts order : counted) {
            Instant until = order.paidAt().plus(MemberPolicy.YEAR);
            if (order.paidAt().isAfter(now) || !until.isAfter(now)) {
                continue;
            }
            int rank = policy.tiers().rankFor(spendInYearEndingAt(counted, order.paidAt()));
            if (rank > bestRank || (rank == bestRank && rank > 0 && until.isAfter(heldUntil))) {
                bestRank = rank;
                heldUntil = until;
            }
        }
        Optional<String> tier = status == MembershipStatus.NONE
                ? Optional.empty() : Optional.of(policy.tiers().nameOf(bestRank));

        int refundCount = record.orders().values().stream().mapToInt(o -> o.refunds().size()).sum();
        long refunded = Money.total(record.orders().values().stream().filter(OrderFacts::isPaid)
                .mapToLong(o -> Math.min(o.refundedMinor(), o.payment().amountMinor())));
        return new MemberSummary(record.customerId(), status, memberSince, counted.size(), lifetime, trailing,
                counted.stream().findFirst().map(OrderFacts::paidAt),
                counted.isEmpty() ? Optional.empty() : Optional.of(counted.getLast().paidAt()),
                points, tier, bestRank > 0 ? Optional.of(heldUntil) : Optional.empty(), refundCount, refunded);
    }

    /** Days since the last counted order, the R of RFM; empty if the member never bought. */
    public Optional<Long> recencyDays(Instant now) {
        return lastOrderAt.map(last -> Duration.between(last, now).toDays());
    }

    /**
     * When the customer became a member: the earliest of registration and, by the enrolment
     * policy, the payment that qualified. A later refund does not undo membership.
     */
    static Optional<Instant> memberSince(MemberRecord record, MemberPolicy policy) {
        Optional<Instant> byRegistration = Optional.ofNullable(record.registered()).map(s -> s.at());
        List<OrderFacts> paid = record.orders().values().stream()
                .filter(OrderFacts::isPaid)
                .sorted(Comparator.comparing((OrderFacts o) -> o.payment().stamp()))
                .toList();
        Optional<Instant> byOrders = Optional.empty();
        if (policy.enrolment() == Enrolment.FIRST_PAID_ORDER && !paid.isEmpty()) {
            byOrders = Optional.of(paid.getFirst().paidAt());
        } else if (policy.enrolment() == Enrolment.SPEND_THRESHOLD) {
            long gross = 0;
            for (OrderFacts order : paid) {
                gross = Money.addExact(gross, order.payment().amountMinor());
                if (gross >= policy.enrolmentSpendMinor()) {
                    byOrders = Optional.of(order.paidAt());
                    break;
                }
            }
        }
        if (byRegistration.isEmpty()) {
            return byOrders;
        }
        if (byOrders.isEmpty()) {
            return byRegistration;
        }
        return Optional.of(byRegistration.get().isBefore(byOrders.get()) ? byRegistration.get() : byOrders.get());
    }

    /**
     * The status at a moment: not a member before joining; after joining, the latest status change
     * at or before the moment, or active if there was none.
     */
    static MembershipStatus statusAt(MemberRecord record, Optional<Instant> memberSince, Instant moment) {
        if (memberSince.isEmpty() || memberSince.get().isAfter(moment)) {
            return MembershipStatus.NONE;
        }
        MembershipStatus status = MembershipStatus.ACTIVE;
        for (StatusEntry entry : record.statusLog()) {
            if (!entry.stamp().at().isAfter(moment)) {
                status = entry.status();
            }
        }
        return status;
    }

    /** Net spend of counted orders paid in the 365 days ending at {@code end} (inclusive). */
    private static long spendInYearEndingAt(List<OrderFacts> counted, Instant end) {
        Instant start = end.minus(MemberPolicy.YEAR);
        return Money.total(counted.stream()
                .filter(o -> o.paidAt().isAfter(start) && !o.paidAt().isAfter(end))
                .mapToLong(OrderFacts::netMinor));
    }
}
