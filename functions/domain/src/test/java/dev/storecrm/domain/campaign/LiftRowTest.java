package dev.storecrm.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A cell's tally turned into the report's line, against figures worked out by hand. */
class LiftRowTest {

    private static final LiftCell CELL = new LiftCell("cart", "coupon", "-", "2026-W49");
    private static final LiftPricing PRICING = new LiftPricing(new BigDecimal("0.4"), new BigDecimal("0.07"),
            new BigDecimal("5"));

    @Test
    void theIncrementsAndTheReturnAreWorkedOutFromTheSums() {
        // Sent 3 members and skipped 1, revenue 100, 0, 300, 0; held out 2, revenue 0, 100; a coupon of 50 redeemed.
        LiftTally tally = new LiftTally(3, 1, 2, 3, 0, 50, new LiftTally.Arm(2, 400, BigInteger.valueOf(100_000)),
                new LiftTally.Arm(1, 100, BigInteger.valueOf(10_000)));
        LiftRow row = LiftRow.of(CELL, tally, PRICING);

        assertEquals(6, row.tally().eligible(), "3 sent, 1 skipped, 2 held out");
        assertEquals(0.21, row.sendCostMinor(), 1e-9, "3 mails at 0.07");
        assertEquals(0, row.incrementalConversions().orElseThrow().estimate(), 1e-9, "0.5 against 0.5");
        Lift.Interval revenue = row.incrementalRevenueMinor().orElseThrow();
        assertEquals(200, revenue.estimate(), 1e-9, "(100 - 50) per member times the 4 treated");
        // Welch: variances 20000 and 5000, standard error sqrt(5000 + 2500) = 86.60, df = 3.857, t = 2.8.
        assertEquals(86.6025 * Lift.tQuantile975(3.857142857) * 4, revenue.high() - 200, 0.01);
        assertTrue(Lift.tQuantile975(3.857142857) > 2.78 && Lift.tQuantile975(3.857142857) < 2.82);
        assertEquals((200 * 0.4 - 50.21) / 50.21, row.returnOnInvestment().orElseThrow(), 1e-9);
    }

    @Test
    void aCellWithoutHoldoutOrCostsHasCountsButNoEstimate() {
        LiftTally tally = new LiftTally(3, 0, 0, 0, 6, 0, new LiftTally.Arm(1, 500, BigInteger.valueOf(250_000)),
                LiftTally.Arm.ZERO);
        LiftRow row = LiftRow.of(CELL, tally, PRICING);

        assertEquals(30, row.sendCostMinor(), 1e-9, "6 SMS segments at 5");
        assertEquals(Optional.empty(), row.incrementalConversions());
        assertEquals(Optional.empty(), row.incrementalRevenueMinor());
        assertEquals(Optional.empty(), row.returnOnInvestment());
        LiftRow free = LiftRow.of(CELL, LiftTally.assigned(Settled.HELD_OUT, 0)
                .plus(LiftTally.assigned(Settled.HELD_OUT, 0)).plus(LiftTally.assigned(Settled.SKIPPED, 0))
                .plus(LiftTally.assigned(Settled.SKIPPED, 0)),
                new LiftPricing(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO));
        assertTrue(free.incrementalRevenueMinor().isPresent());
        assertEquals(Optional.empty(), free.returnOnInvestment(), "nothing spent: no return to speak of");
    }

    @Test
    void aMarginOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new LiftPricing(new BigDecimal("1.5"), BigDecimal.ZERO, BigDecimal.ZERO));
    }
}
