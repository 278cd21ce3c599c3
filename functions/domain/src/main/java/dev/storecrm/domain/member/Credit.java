package dev.storecrm.domain.member;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the member's points hold for one order: the multiplier its payment was priced at (0 when it
 * was not paid as an active member, 1, the birthday multiplier, or a member day's multiplier of the
 * member's tier, which may have decimals) and the points it earns now (the points of its net amount
 * times the multiplier, rounded down; 0 once cancelled or fully refunded). Kept on the order, so a
 * refund takes back exactly what the order earned, whatever changed since.
 *
 * @param memberDay whether the multiplier is a member day's ({@link MemberDays}) rather than the birthday's
 */
public record Credit(BigDecimal multiplier, long points, boolean memberDay) {

    public static final Credit NONE = new Credit(0, 0);

    public Credit {
        Objects.requireNonNull(multiplier, "multiplier");
        if (multiplier.signum() < 0 || points < 0) {
            throw new IllegalArgumentException("a credit is not negative");
        }
        multiplier = Rate.normal(multiplier);
    }

    /** A credit at a whole multiplier (the plain rate or the birthday's). */
    public Credit(int multiplier, long points) {
        this(BigDecimal.valueOf(multiplier), points, false);
    }

    /** The rate the payment was priced at. */
    public Rate rate() {
        return new Rate(multiplier, memberDay);
    }

    /**
     * A payment's multiplier and what it comes from: {@link #NONE} (not paid as an active member),
     * the plain rate, the birthday's, or a member day's.
     */
    public record Rate(BigDecimal multiplier, boolean memberDay) {

        public static final Rate NONE = new Rate(BigDecimal.ZERO, false);

        public Rate {
            multiplier = normal(Objects.requireNonNull(multiplier, "multiplier"));
        }

        public static Rate of(int multiplier) {
            return new Rate(BigDecimal.valueOf(multiplier), false);
        }

        /** One scale per value, so that 2 and 2.0 are one multiplier. */
        static BigDecimal normal(BigDecimal value) {
            BigDecimal stripped = value.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
    }
}
