package dev.storecrm.domain.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RecurringDateTest {

    @Test
    void readsDatesWithAndWithoutYear() {
        assertEquals("1990-05-20", RecurringDate.parse("1990-05-20").iso());
        assertEquals("--02-29", RecurringDate.parse("--02-29").iso());
        assertFalse(RecurringDate.parse("--02-29").knownYear().isPresent());
    }

    @Test
    void refusesDaysThatDoNotExist() {
        assertThrows(IllegalArgumentException.class, () -> RecurringDate.parse("2001-02-29"));
        assertThrows(IllegalArgumentException.class, () -> RecurringDate.parse("--02-30"));
        assertThrows(IllegalArgumentException.class, () -> RecurringDate.parse("--13-01"));
        assertThrows(IllegalArgumentException.class, () -> RecurringDate.parse("20-05-2001"));
    }

    @Test
    void aLeapDayFallsOnTheConfiguredDayInCommonYears() {
        RecurringDate leap = RecurringDate.parse("2000-02-29");
        assertEquals(LocalDate.of(2028, 2, 29), leap.occurrenceIn(2028, LeapDayRule.FEBRUARY_28));
        assertEquals(LocalDate.of(2027, 2, 28), leap.occurrenceIn(2027, LeapDayRule.FEBRUARY_28));
        assertEquals(LocalDate.of(2027, 3, 1), leap.occurrenceIn(2027, LeapDayRule.MARCH_1));
    }
}
