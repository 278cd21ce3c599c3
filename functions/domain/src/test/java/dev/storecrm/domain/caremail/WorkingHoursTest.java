package dev.storecrm.domain.caremail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class WorkingHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Instant at(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), SHANGHAI).toInstant();
    }

    @Test
    void aFridayEveningMailIsDueOnTuesdayAcrossTheWeekendAndAMondayHoliday() {
        // Fri 2027-01-08 17:00 leaves 1 working hour on Friday; Sat, Sun and the holiday Mon 11 do not count;
        // Tue 12 gives 9 (09:00-18:00), Wed 13 the remaining 14 - 1 - 9 = 4 hours, up to 13:00.
        WorkingHours hours = WorkingHours.parse("Mon-Fri 09:00-18:00", "2027-01-11", SHANGHAI);
        assertEquals(at("2027-01-13T13:00"), hours.plus(at("2027-01-08T17:00"), Duration.ofHours(14)));
    }

    @Test
    void twentyFourWorkingHoursFromAMondayMorningEndOnThursdayMorning() {
        WorkingHours hours = WorkingHours.parse("Mon-Fri 09:00-18:00", "", SHANGHAI);
        // Mon 9 h, Tue 9 h, Wed 6 h: Wed 15:00.
        assertEquals(at("2027-01-06T15:00"), hours.plus(at("2027-01-04T08:30"), Duration.ofHours(24)));
    }

    @Test
    void aHolidayRangeAndASaturdayMorningAreCountedAsTheStoreSays() {
        WorkingHours hours = WorkingHours.parse("Mon-Fri 09:00-18:00; Sat 10:00-14:00",
                "2027-02-05..2027-02-10", SHANGHAI);
        // Thu 2027-02-04 17:00: 1 h; Fri 5 to Wed 10 are holidays but Sat 6 is one too; Thu 11 from 09:00: 3 h.
        assertEquals(at("2027-02-11T12:00"), hours.plus(at("2027-02-04T17:00"), Duration.ofHours(4)));
        // Sat 2027-02-13 13:00 leaves one hour that day, then Mon 15 from 09:00.
        assertEquals(at("2027-02-15T10:00"), hours.plus(at("2027-02-13T13:00"), Duration.ofHours(2)));
    }

    @Test
    void withoutWorkingHoursEveryHourCounts() {
        WorkingHours hours = WorkingHours.parse("", "", SHANGHAI);
        assertEquals(at("2027-01-10T17:00"), hours.plus(at("2027-01-09T17:00"), Duration.ofHours(24)));
    }

    @Test
    void hoursThatDoNotReadAreRefusedWithTheRule() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> WorkingHours.parse("Mon-Fri 9-18", "", SHANGHAI));
        assertEquals("working hours look like 09:00-18:00, not 9-18", e.getMessage());
        assertThrows(IllegalStateException.class, () -> WorkingHours.parse("Mon-Fri 09:00-18:00", "2027-13-01",
                SHANGHAI));
    }
}
