package dev.storecrm.domain.member;

import dev.storecrm.domain.member.Purchases.Standing;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the archive shows of a member at a moment: membership, purchase history in numbers, the raw
 * inputs of RFM (recency = {@code lastOrderAt}, frequency = {@code orderCount}, monetary =
 * {@code lifetimeSpendMinor}), points and tier. A function of the {@link MemberRecord}, the
 * {@link MemberPolicy} and the moment, so it is the same whatever order the events came in.
 *
 * <p><b>Counted orders</b> are paid, not cancelled and not fully refunded; spend is net of refunds.
 *
 * <p><b>Points</b>: each counted order paid while the membership was active earns
 * {@link MemberPolicy#pointsFor} of its net amount, times the {@link BirthdayBonus} multiplier when
 * paid in the member's birthday window; refunds and cancellations take them back ({@link Pricing}).
 *
 * <p><b>Tier</b>: upgrade at once, downgrade after a year. The last payment of each calendar month
 * qualifies for the rank its trailing 365-day net spend reaches ({@link Purchases#spendInYearEndingAt})
 * and holds it for 365 days from that payment. The tier is the highest rank still held, else the
 * base tier. An operator's tier override ({@link MemberRecord#tierOverrideAt}) of a tier on the
 * ladder replaces it, held until the override's end; then the spend rule governs again.
 */
public record MemberSummary(String customerId, MembershipStatus status, Optional<Instant> memberSince,
                            int orderCount, long lifetimeSpendMinor, long trailingYearSpendMinor,
                            Optional<Instant> firstOrderAt, Optional<Instant> lastOrderAt, long points,
                            Optional<String> tier, Optional<Instant> tierHeldUntil, int refundCount,
                            long refundedMinor) {

    public static MemberSummary of(MemberRecord record, MemberPolicy policy, Instant now) {
        MemberRecord current = new MemberLedger(policy).current(record);
        Purchases purchases = current.purchases();
        Optional<Instant> memberSince = memberSince(current, policy);
        MembershipStatus status = statusAt(current, memberSince, now);
        Standing standing = purchases.standingAt(policy.tiers(), now);
        Optional<String> tier = status == MembershipStatus.NONE
                ? Optional.empty() : Optional.of(policy.tiers().nameOf(standing.rank()));
        Optional<Instant> heldUntil = standing.rank() > 0 ? Optional.of(standing.heldUntil()) : Optional.empty();
        Optional<TierOverride> override = current.tierOverrideAt(now)
                .filter(o -> policy.tiers().rankOf(o.tier()).isPresent());
        if (override.isPresent() && tier.isPresent()) {
            tier = Optional.of(override.get().tier());
            heldUntil = Optional.of(override.get().until());
        }
        return new MemberSummary(current.customerId(), status, memberSince, Math.toIntExact(purchases.orderCount()),
                purchases.lifetimeSpendMinor(), purchases.spendInYearEndingAt(now),
                Optional.ofNullable(purchases.firstOrderAt()), Optional.ofNullable(purchases.lastOrderAt()),
                purchases.points(), tier, heldUntil, Math.toIntExact(purchases.refundCount()),
                purchases.refundedMinor());
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
        Purchases purchases = record.purchases();
        Optional<Instant> byOrders = switch (policy.enrolment()) {
            case FIRST_PAID_ORDER -> Optional.ofNullable(purchases.firstPayment()).map(s -> s.at());
            case SPEND_THRESHOLD -> Optional.ofNullable(SpendEnrolment.at(purchases.enrolment()));
            case REGISTRATION_ONLY -> Optional.empty();
        };
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
}
