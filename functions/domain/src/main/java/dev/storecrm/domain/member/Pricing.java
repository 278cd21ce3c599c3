package dev.storecrm.domain.member;

import java.time.Instant;
import java.util.Optional;

/**
 * How an order's points are decided: a payment made while the customer was an active member earns
 * the points of the order's net amount times the birthday multiplier in effect then
 * ({@link BirthdayBonus}); any other payment earns none. The multiplier is decided from the member's
 * timeline at the payment (membership, status changes, birthday and time-zone settings), so an event
 * that arrives late and changes that timeline prices the payments it concerns again.
 */
public final class Pricing {

    private Pricing() {}

    /** The multiplier of a payment made at {@code paidAt}: 0 unless the customer was an active member then. */
    public static int multiplierAt(MemberRecord record, MemberPolicy policy, Instant paidAt) {
        Optional<Instant> since = MemberSummary.memberSince(record, policy);
        if (!MemberSummary.statusAt(record, since, paidAt).earnsBenefits()) {
            return 0;
        }
        return policy.birthdayBonus().multiplierFor(record, paidAt);
    }

    /** The credit of an order with these facts, priced at {@code multiplier}. */
    public static Credit credit(OrderFacts facts, int multiplier, MemberPolicy policy) {
        if (!facts.isPaid()) {
            return Credit.NONE;
        }
        long points = facts.counts()
                ? Totals.multiply(policy.pointsFor(facts.netMinor()), multiplier, "an order's points")
                : 0;
        return new Credit(multiplier, points);
    }

    /** The credit of an order priced from the record's timeline now. */
    public static Credit priced(MemberRecord record, MemberPolicy policy, OrderFacts facts) {
        return facts.isPaid() ? credit(facts, multiplierAt(record, policy, facts.paidAt()), policy) : Credit.NONE;
    }
}
