package dev.storecrm.domain.campaign;

import java.math.BigInteger;
import java.util.Objects;

/**
 * What one {@link LiftCell} has counted so far, kept as sums so that each event adds to it (a DynamoDB
 * {@code ADD}) and no report reads a member: the members assigned to each arm, the messages and SMS segments that
 * went, the discounts of the journey's redeemed coupons, and per arm the converted members and the sum and sum of
 * squares of per-member revenue net of refunds (minor units; the squares outgrow a {@code long}). A tally is also
 * the change an event makes: the sum of the changes is the tally, in whatever order they arrive.
 */
public record LiftTally(long sent, long skipped, long heldOut, long emails, long smsSegments, long couponCostMinor,
                        Arm treated, Arm held) {

    public static final LiftTally ZERO = new LiftTally(0, 0, 0, 0, 0, 0, Arm.ZERO, Arm.ZERO);

    public LiftTally {
        Objects.requireNonNull(treated, "treated");
        Objects.requireNonNull(held, "held");
    }

    /** One arm's conversions and revenue. */
    public record Arm(long converters, long revenueMinor, BigInteger revenueSquares) {
        public static final Arm ZERO = new Arm(0, 0, BigInteger.ZERO);

        public Arm {
            Objects.requireNonNull(revenueSquares, "revenueSquares");
        }

        Arm plus(Arm other) {
            return new Arm(converters + other.converters, Math.addExact(revenueMinor, other.revenueMinor),
                    revenueSquares.add(other.revenueSquares));
        }

        /** The change when a member's revenue in an assignment goes from {@code before} to {@code after}. */
        static Arm revenueChange(boolean newlyConverted, long before, long after) {
            BigInteger squares = BigInteger.valueOf(after).pow(2).subtract(BigInteger.valueOf(before).pow(2));
            return new Arm(newlyConverted ? 1 : 0, after - before, squares);
        }
    }

    /** Members assigned to the cell: sent, skipped at send time, held out. */
    public long eligible() {
        return sent + skipped + heldOut;
    }

    /** Members assigned to get the message (sent or skipped at send time): the treated group. */
    public long assignedToSend() {
        return sent + skipped;
    }

    public LiftTally plus(LiftTally other) {
        return new LiftTally(sent + other.sent, skipped + other.skipped, heldOut + other.heldOut, emails + other.emails,
                smsSegments + other.smsSegments, Math.addExact(couponCostMinor, other.couponCostMinor),
                treated.plus(other.treated), held.plus(other.held));
    }

    /** The change of one assignment: a message that went (by e-mail, or as SMS segments), skipped or held out. */
    public static LiftTally assigned(Settled settled, int smsSegments) {
        return switch (settled) {
            case SENT -> new LiftTally(1, 0, 0, smsSegments == 0 ? 1 : 0, smsSegments, 0, Arm.ZERO, Arm.ZERO);
            case SKIPPED -> new LiftTally(0, 1, 0, 0, 0, 0, Arm.ZERO, Arm.ZERO);
            case HELD_OUT -> new LiftTally(0, 0, 1, 0, 0, 0, Arm.ZERO, Arm.ZERO);
        };
    }

    /** The change of a redeemed coupon: its discount, minor units. */
    public static LiftTally couponCost(long discountMinor) {
        return new LiftTally(0, 0, 0, 0, 0, discountMinor, Arm.ZERO, Arm.ZERO);
    }

    /** The change of a member's revenue in an assignment of the given arm. */
    static LiftTally revenue(boolean heldOut, boolean newlyConverted, long before, long after) {
        Arm change = Arm.revenueChange(newlyConverted, before, after);
        return heldOut ? new LiftTally(0, 0, 0, 0, 0, 0, Arm.ZERO, change)
                : new LiftTally(0, 0, 0, 0, 0, 0, change, Arm.ZERO);
    }
}
