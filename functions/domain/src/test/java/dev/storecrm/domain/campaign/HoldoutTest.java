package dev.storecrm.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HoldoutTest {

    private static final int MEMBERS = 40_000;

    @Test
    void holdsOutTheConfiguredShareOfMembers() {
        Holdout fivePercent = Holdout.percent("5");
        long held = IntStream.range(0, MEMBERS).filter(i -> fivePercent.holdsOut("c-" + i, "birthday", "2026"))
                .count();
        // 5 % of 40,000 is 2,000; the binomial standard deviation is about 44, so 4 sigma is ±175.
        assertTrue(Math.abs(held - 2_000) < 175, "held out " + held + " of " + MEMBERS);
    }

    @Test
    void theSameRecipientJourneyAndPeriodAlwaysGetTheSameAnswer() {
        Holdout holdout = Holdout.percent("10");
        for (int i = 0; i < 1_000; i++) {
            String member = "c-" + i;
            assertEquals(holdout.holdsOut(member, "win-back", "2026-03-01"),
                    new Holdout(1_000).holdsOut(member, "win-back", "2026-03-01"), member);
        }
    }

    @Test
    void beingHeldOutOfOneJourneyOrPeriodSaysNothingOfAnother() {
        Holdout holdout = Holdout.percent("20");
        int both = 0;
        int birthday = 0;
        int nextYear = 0;
        for (int i = 0; i < MEMBERS; i++) {
            String member = "c-" + i;
            boolean a = holdout.holdsOut(member, "birthday", "2026");
            boolean b = holdout.holdsOut(member, "win-back", "2026-03-01");
            boolean c = holdout.holdsOut(member, "birthday", "2027");
            birthday += a ? 1 : 0;
            both += a && b ? 1 : 0;
            nextYear += a && c ? 1 : 0;
        }
        // Independent: 20 % of the 20 % held out of the birthday are also held out of win-back (and of next year's
        // birthday), 1,600 of 40,000; the same member for every journey would make it 8,000.
        assertTrue(Math.abs(both - 1_600) < 200, "held out of both journeys: " + both + " (birthday " + birthday + ")");
        assertTrue(Math.abs(nextYear - 1_600) < 200, "held out of both years: " + nextYear);
    }

    @Test
    void zeroHoldsNobodyOut() {
        assertFalse(IntStream.range(0, 10_000).anyMatch(i -> Holdout.percent("0").holdsOut("c-" + i, "cart", "x")));
        assertFalse(Holdout.NONE.holdsOut("c-1", "cart", "x"));
    }

    @Test
    void readsPercentagesWithDecimalsAndRefusesWhatIsNotOne() {
        assertEquals(new Holdout(250), Holdout.percent("2.5"));
        assertEquals(new Holdout(5_000), Holdout.percent(" 50 "));
        assertEquals("2.5", Holdout.percent("2.50").describe());
        assertEquals("5", Holdout.percent("5").describe());
        assertThrows(IllegalArgumentException.class, () -> Holdout.percent("51"));
        assertThrows(IllegalArgumentException.class, () -> Holdout.percent("-1"));
        assertThrows(IllegalArgumentException.class, () -> Holdout.percent("five"));
        IllegalArgumentException precise = assertThrows(IllegalArgumentException.class,
                () -> Holdout.percent("2.125"));
        assertTrue(precise.getMessage().contains("two decimals"), precise.getMessage());
    }
}
