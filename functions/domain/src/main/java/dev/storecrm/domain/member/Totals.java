package dev.storecrm.domain.member;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import java.util.function.LongSupplier;

/** Overflow-checked sums of the archive's totals: an event that would overflow one is refused, never wrapped. */
final class Totals {

    private Totals() {}

    static long add(long a, long b, String what) {
        return exact(() -> Math.addExact(a, b), what);
    }

    static long multiply(long a, long b, String what) {
        return exact(() -> Math.multiplyExact(a, b), what);
    }

    /** {@code a} times {@code multiplier}, rounded down. */
    static long multiply(long a, java.math.BigDecimal multiplier, String what) {
        return exact(() -> java.math.BigDecimal.valueOf(a).multiply(multiplier)
                .setScale(0, java.math.RoundingMode.DOWN).longValueExact(), what);
    }

    private static long exact(LongSupplier arithmetic, String what) {
        try {
            return arithmetic.getAsLong();
        } catch (ArithmeticException overflow) {
            throw new InvalidInputException(RejectReason.TOTAL_OVERFLOW, "the event would take " + what
                    + " past the largest total the archive holds");
        }
    }
}
