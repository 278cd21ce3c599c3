package dev.storecrm.domain.campaign;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the report needs to turn counts into a return: the gross margin on revenue (0 to 1), and what one e-mail
 * and one SMS segment cost, in minor units of the store currency (fractions allowed: SES costs 0.07 fen a mail).
 */
public record LiftPricing(BigDecimal margin, BigDecimal costPerEmailMinor, BigDecimal costPerSmsSegmentMinor) {

    public LiftPricing {
        Objects.requireNonNull(margin, "margin");
        Objects.requireNonNull(costPerEmailMinor, "costPerEmailMinor");
        Objects.requireNonNull(costPerSmsSegmentMinor, "costPerSmsSegmentMinor");
        if (margin.signum() < 0 || margin.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("the margin is between 0 and 1, not " + margin.toPlainString());
        }
        if (costPerEmailMinor.signum() < 0 || costPerSmsSegmentMinor.signum() < 0) {
            throw new IllegalArgumentException("a send cost cannot be negative");
        }
    }

    /** What the tally's messages cost to send, minor units. */
    public double sendCostMinor(LiftTally tally) {
        return costPerEmailMinor.multiply(BigDecimal.valueOf(tally.emails()))
                .add(costPerSmsSegmentMinor.multiply(BigDecimal.valueOf(tally.smsSegments()))).doubleValue();
    }
}
