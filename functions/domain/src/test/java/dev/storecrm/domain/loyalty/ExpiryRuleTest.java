package dev.storecrm.domain.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExpiryRuleTest {

    @Test
    void monthsEndAtTheEndOfTheNthMonthAfterTheMonthOfEarning() {
        ExpiryRule rule = ExpiryRule.parse("months:12");
        assertEquals(LocalDate.of(2028, 2, 1), rule.expiresOn(LocalDate.of(2027, 1, 15)),
                "earned 15 January 2027: usable through 31 January 2028");
        assertEquals(LocalDate.of(2028, 2, 1), rule.expiresOn(LocalDate.of(2027, 1, 1)),
                "the whole month shares a date");
        assertEquals(LocalDate.of(2028, 2, 1), rule.expiresOn(LocalDate.of(2027, 1, 31)));
        assertEquals(LocalDate.of(2029, 1, 1), rule.expiresOn(LocalDate.of(2027, 12, 31)), "across a year end");
        assertEquals(LocalDate.of(2029, 3, 1), rule.expiresOn(LocalDate.of(2028, 2, 29)), "a leap day is in February");
        assertEquals(LocalDate.of(2027, 3, 1), ExpiryRule.parse("months:1").expiresOn(LocalDate.of(2027, 1, 31)));
    }

    @Test
    void daysEndAtTheEndOfTheNthDayAfterEarning() {
        ExpiryRule rule = ExpiryRule.parse(" DAYS:365 ");
        assertEquals(LocalDate.of(2028, 1, 16), rule.expiresOn(LocalDate.of(2027, 1, 15)),
                "usable through 15 January 2028, the 365th day after");
        assertEquals(LocalDate.of(2029, 3, 1), rule.expiresOn(LocalDate.of(2028, 2, 29)), "a leap year has 366 days");
    }

    @Test
    void neverIsAFarDateThatNoTimerWaitsFor() {
        assertFalse(ExpiryRule.parse("never").expires());
        assertEquals(ExpiryRule.NEVER_DATE, ExpiryRule.NEVER.expiresOn(LocalDate.of(2027, 1, 15)));
    }

    @Test
    void aRuleThatCannotBeReadIsRefusedWithItsForm() {
        for (String bad : new String[] {"", "12", "months", "months:0", "months:x", "weeks:3", "days:4000",
                "never:1"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ExpiryRule.parse(bad),
                    bad);
            assertFalse(refused.getMessage().isBlank());
        }
        assertEquals("months:12", ExpiryRule.parse("months:12").spec());
    }
}
