package dev.storecrm.domain.member;

import dev.storecrm.domain.member.Credit.Rate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * How an order's points are decided: a payment made while the customer was an active member earns
 * the points of the order's net amount times the birthday multiplier in effect then
 * ({@link BirthdayBonus}) or, on a member day, the multiplier of the member's tier ({@link MemberDays}),
 * whichever is larger (they do not stack; on a tie the birthday's counts); any other payment earns
 * none. The multiplier is decided from the member's timeline at the payment (membership, status
 * changes, birthday and time-zone settings, the tier at the start of a member day's month), so an event
 * that arrives late and changes that timeline prices the payments it concerns again.
 */
public final class Pricing {

    private Pricing() {}

    /** The rate of a payment made at {@code paidAt}: {@link Rate#NONE} unless the customer was an active member. */
    public static Rate rateAt(MemberRecord record, MemberPolicy policy, Instant paidAt) {
        Optional<Instant> since = MemberSummary.memberSince(record, policy);
        if (!MemberSummary.statusAt(record, since, paidAt).earnsBenefits()) {
            return Rate.NONE;
        }
        int birthday = policy.birthdayBonus().multiplierFor(record, paidAt);
        BigDecimal memberDay = policy.memberDays().multiplierAt(paidAt, at -> tierAt(record, policy, at));
        return memberDay.compareTo(BigDecimal.valueOf(birthday)) > 0 ? new Rate(memberDay, true) : Rate.of(birthday);
    }

    /** The credit of an order with these facts, priced at {@code rate}. */
    public static Credit credit(OrderFacts facts, Rate rate, MemberPolicy policy) {
        if (!facts.isPaid()) {
            return Credit.NONE;
        }
        long points = facts.counts()
                ? Totals.multiply(policy.pointsFor(facts.netMinor()), rate.multiplier(), "an order's points")
                : 0;
        return new Credit(rate.multiplier(), points, rate.memberDay());
    }

    /** The credit of an order priced from the record's timeline now. */
    public static Credit priced(MemberRecord record, MemberPolicy policy, OrderFacts facts) {
        return facts.isPaid() ? credit(facts, rateAt(record, policy, facts.paidAt()), policy) : Credit.NONE;
    }

    /** The tier held at {@code at}: by spend, unless an operator's override of a tier on the ladder holds then. */
    static String tierAt(MemberRecord record, MemberPolicy policy, Instant at) {
        String bySpend = policy.tiers().nameOf(record.purchases().standingAt(policy.tiers(), at).rank());
        return record.tierOverrideAt(at).filter(o -> policy.tiers().rankOf(o.tier()).isPresent())
                .map(TierOverride::tier).orElse(bySpend);
    }
}
