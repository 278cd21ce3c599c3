package dev.storecrm.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The statistics against published values. */
class LiftTest {

    @Test
    void newcombesHybridScoreIntervalMatchesHisPaper() {
        // Newcombe (1998), Statistics in Medicine 17:873-890, table II, method 10.
        assertInterval(0.2, 0.0524, 0.3339, Lift.conversionDifference(group(70, 56), group(80, 48)));
        assertInterval(0.6, 0.1705, 0.8090, Lift.conversionDifference(group(10, 9), group(10, 3)));
        Lift.Interval none = Lift.conversionDifference(group(10, 0), group(10, 0));
        assertTrue(none.low() < 0 && none.high() > 0 && none.low() >= -1 && none.high() <= 1,
                "no conversion anywhere: an interval around 0 inside [-1, 1], where Wald's collapses to a point");
    }

    @Test
    void wilsonsIntervalMatchesAKnownValue() {
        // 81 of 263 (Newcombe 1998, Statistics in Medicine 17:857-872): 0.2553 to 0.3662.
        assertInterval(81 / 263.0, 0.2553, 0.3662, Lift.wilson(81, 263));
    }

    @Test
    void studentsQuantileMatchesTheTables() {
        assertEquals(12.7062, Lift.tQuantile975(1), 1e-4);
        assertEquals(2.5706, Lift.tQuantile975(5), 1e-4);
        assertEquals(2.2281, Lift.tQuantile975(10), 1e-4);
        assertEquals(2.0423, Lift.tQuantile975(30), 1e-4);
        assertEquals(1.9840, Lift.tQuantile975(100), 1e-4);
        assertEquals(1.96, Lift.tQuantile975(1e6), 1e-3);
    }

    @Test
    void welchsIntervalMatchesTheTextbookExample() {
        // Welch's t-test, example 1 on Wikipedia: t = -2.46, 25.0 degrees of freedom (15 and 15 samples).
        Lift.Group a = new Lift.Group(15, 15, 312.3, 6612.23);
        Lift.Group b = new Lift.Group(15, 15, 344.8, 7979.18);
        assertEquals(24.99, Lift.welchDegreesOfFreedom(a, b), 0.01);
        Lift.Interval difference = Lift.revenueDifference(a, b);
        double se = 0.882425;
        assertEquals(-2.46, difference.estimate() / se, 0.01);
        assertInterval(-2.16667, -2.16667 - 2.0595 * se, -2.16667 + 2.0595 * se, difference);
    }

    @Test
    void incrementalFiguresAndReturnOnInvestment() {
        Lift.Interval perMember = Lift.conversionDifference(group(70, 56), group(80, 48));
        assertInterval(14, 0.0524315 * 70, 0.3338727 * 70, perMember.times(70));
        assertEquals(Optional.of(1.0), Lift.returnOnInvestment(10_000, 0.4, 2_000), "(4,000 - 2,000) / 2,000");
        assertEquals(Optional.of(-1.0), Lift.returnOnInvestment(0, 0.4, 2_000), "all spent, nothing back");
        assertEquals(Optional.empty(), Lift.returnOnInvestment(10_000, 0.4, 0), "nothing spent: no ratio");
        assertThrows(IllegalArgumentException.class, () -> group(10, 11));
    }

    private static Lift.Group group(long members, long converters) {
        return new Lift.Group(members, converters, 0, 0);
    }

    private static void assertInterval(double estimate, double low, double high, Lift.Interval actual) {
        assertEquals(estimate, actual.estimate(), 1e-3, "estimate " + actual);
        assertEquals(low, actual.low(), 1e-3, "low " + actual);
        assertEquals(high, actual.high(), 1e-3, "high " + actual);
    }
}
