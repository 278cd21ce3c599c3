package dev.storecrm.domain.member;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;

/** Overflow-checked sums of the archive's totals: an event that would overflow one is refused, never wrapped. */
final class Totals {

    private Totals() {}

    static long add(long a, long b, String what) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException overflow) {
            throw new InvalidInputException(RejectReason.TOTAL_OVERFLOW, "the event would take " + what
                    + " past the largest total the archive holds");
        }
    }

    static long multiply(long a, long b, String what) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException overflow) {
            throw new InvalidInputException(RejectReason.TOTAL_OVERFLOW, "the event would take " + what
                    + " past the largest total the archive holds");
        }
    }
}
