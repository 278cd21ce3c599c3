package dev.storecrm.domain.campaign;

import dev.storecrm.domain.StableHash;
import java.math.BigDecimal;

/**
 * Who is held out of a journey: a fixed share of the recipients, chosen by a hash of the recipient,
 * the journey and the period (a birthday's year, a win-back episode, a cart), so that the choice is
 * the same however often it is made, a member held out of one journey or period is no more likely
 * to be held out of another, and a member stays held out of every step of one period. A held-out
 * recipient gets neither the message nor its coupon; the journey records the step as held out.
 * Transactional mail is never held out.
 *
 * @param basisPoints the share held out, in hundredths of a percent (500 = 5 %); 0 holds nobody out
 */
public record Holdout(int basisPoints) {

    /** The most a store can hold out: beyond half, the journey is the control, not the treatment. */
    public static final int MAX_BASIS_POINTS = 5_000;
    public static final Holdout NONE = new Holdout(0);
    private static final int RANGE = 10_000;

    public Holdout {
        if (basisPoints < 0 || basisPoints > MAX_BASIS_POINTS) {
            throw new IllegalArgumentException("a holdout is between 0 and 50 percent, not " + basisPoints / 100.0);
        }
    }

    /**
     * A percentage as the template's parameter gives it: {@code 5}, {@code 2.5}, {@code 0} (off), at most two
     * decimals and at most 50.
     */
    public static Holdout percent(String text) {
        BigDecimal percent;
        try {
            percent = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the holdout percentage must be a number such as 5 or 2.5, not '"
                    + text + "'");
        }
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(50)) > 0 || percent.scale() > 2) {
            throw new IllegalArgumentException("the holdout percentage must be between 0 and 50 with at most two"
                    + " decimals, not " + text);
        }
        return new Holdout(percent.movePointRight(2).intValueExact());
    }

    /** Whether the recipient is held out of this journey in this period. */
    public boolean holdsOut(String recipient, String journey, String period) {
        return basisPoints > 0 && StableHash.bucket(recipient + "\u0000" + journey + "\u0000" + period, RANGE)
                < basisPoints;
    }

    /** The share as a percentage, for reports ({@code 5}, {@code 2.5}). */
    public String describe() {
        return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString();
    }
}
