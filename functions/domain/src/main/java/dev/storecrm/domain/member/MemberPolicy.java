package dev.storecrm.domain.member;

import dev.storecrm.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Currency;
import java.util.Objects;

/**
 * The store's membership rules, as data: the store currency, how customers become members, how
 * many points a unit of currency earns, and the tier ladder.
 *
 * @param enrolmentSpendMinor for {@link Enrolment#SPEND_THRESHOLD}: gross paid spend that makes a member
 * @param pointsPerUnit points per major unit of the store currency (1 yuan, 1 dollar); rounded down per order
 * @param birthdayBonus the points multiplier of orders paid in the member's birthday window
 * @param memberDays    the store's member days and their multipliers by tier
 */
public record MemberPolicy(Currency storeCurrency, Enrolment enrolment, long enrolmentSpendMinor,
                           BigDecimal pointsPerUnit, TierLadder tiers, BirthdayBonus birthdayBonus,
                           MemberDays memberDays) {

    /** The window for trailing spend and for holding a tier. */
    public static final Duration YEAR = Duration.ofDays(365);

    /** How a customer becomes a member without registering. */
    public enum Enrolment {
        /** The first paid order makes the customer a member. */
        FIRST_PAID_ORDER,
        /** Paid orders adding up to {@code enrolmentSpendMinor} make the customer a member. */
        SPEND_THRESHOLD,
        /** Only registration (MemberRegistered) makes a member. */
        REGISTRATION_ONLY
    }

    /** A policy without birthday double points. */
    public MemberPolicy(Currency storeCurrency, Enrolment enrolment, long enrolmentSpendMinor, BigDecimal pointsPerUnit,
                        TierLadder tiers) {
        this(storeCurrency, enrolment, enrolmentSpendMinor, pointsPerUnit, tiers, BirthdayBonus.NONE);
    }

    /** A policy without member days. */
    public MemberPolicy(Currency storeCurrency, Enrolment enrolment, long enrolmentSpendMinor, BigDecimal pointsPerUnit,
                        TierLadder tiers, BirthdayBonus birthdayBonus) {
        this(storeCurrency, enrolment, enrolmentSpendMinor, pointsPerUnit, tiers, birthdayBonus, MemberDays.NONE);
    }

    /** This policy with the store's member days. */
    public MemberPolicy withMemberDays(MemberDays days) {
        return new MemberPolicy(storeCurrency, enrolment, enrolmentSpendMinor, pointsPerUnit, tiers, birthdayBonus,
                days);
    }

    public MemberPolicy {
        Objects.requireNonNull(birthdayBonus, "birthdayBonus");
        Objects.requireNonNull(memberDays, "memberDays");
        Objects.requireNonNull(storeCurrency, "storeCurrency");
        Objects.requireNonNull(enrolment, "enrolment");
        Objects.requireNonNull(tiers, "tiers");
        if (pointsPerUnit.signum() < 0) {
            throw new IllegalArgumentException("points per unit cannot be negative");
        }
        if (enrolment == Enrolment.SPEND_THRESHOLD && enrolmentSpendMinor <= 0) {
            throw new IllegalArgumentException("SPEND_THRESHOLD enrolment needs a positive spend threshold");
        }
    }

    /** Points for a net amount in the store currency, rounded down. */
    public long pointsFor(long netMinor) {
        return BigDecimal.valueOf(netMinor)
                .multiply(pointsPerUnit)
                .divide(BigDecimal.valueOf(Money.minorPerMajor(storeCurrency)), 0, RoundingMode.DOWN)
                .longValueExact();
    }
}
