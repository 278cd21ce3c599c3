package dev.storecrm.domain.occasion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.time.LeapDayRule;
import dev.storecrm.domain.time.LunarDate;
import dev.storecrm.domain.time.RecurringDate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GreetingCalendarTest {

    private static GreetingCalendar calendar(LocalTime at, LeapDayRule rule) {
        return new GreetingCalendar(new OccasionPolicy(List.of("birthday"), at, rule, Map.of(), Duration.ofDays(30),
                Duration.ofDays(30)));
    }

    private static final GreetingCalendar NINE = calendar(LocalTime.of(9, 0), LeapDayRule.FEBRUARY_28);

    private static Occasion birthday(String date, String zone) {
        return new Occasion("c-1", "birthday", RecurringDate.parse(date), ZoneId.of(zone), Instant.EPOCH);
    }

    /** The run that greets it reads a range that finds it. */
    private static void assertFoundByItsRun(GreetingCalendar.Due due) {
        assertTrue(GreetingCalendar.rangesFor(due.runAt())
                        .contains(new GreetingCalendar.Range(due.localDay(), due.hourKey())),
                due + " is in the ranges of its run");
    }

    @Test
    void nineInTheMorningInEachMembersOwnTimeZone() {
        Instant jan1 = Instant.parse("2026-01-01T00:00:00Z");
        GreetingCalendar.Due kiritimati = NINE.next(birthday("--05-20", "Pacific/Kiritimati"), jan1);
        assertEquals(Instant.parse("2026-05-19T19:00:00Z"), kiritimati.greetAt(), "UTC+14: the day before in UTC");
        assertEquals("2026-05-20", kiritimati.localDay());
        assertEquals("-1|19|", kiritimati.hourKey());
        GreetingCalendar.Due honolulu = NINE.next(birthday("--05-20", "Pacific/Honolulu"), jan1);
        assertEquals(Instant.parse("2026-05-20T19:00:00Z"), honolulu.greetAt(), "UTC-10");
        assertEquals("0|19|", honolulu.hourKey());
        GreetingCalendar.Due shanghai = NINE.next(birthday("--05-20", "Asia/Shanghai"), jan1);
        assertEquals(Instant.parse("2026-05-20T01:00:00Z"), shanghai.greetAt());
        GreetingCalendar.Due kolkata = NINE.next(birthday("--05-20", "Asia/Kolkata"), jan1);
        assertEquals(Instant.parse("2026-05-20T04:00:00Z"), kolkata.runAt(), "09:00 IST is 03:30 UTC: the 04:00 run");
        for (GreetingCalendar.Due due : List.of(kiritimati, honolulu, shanghai, kolkata)) {
            assertFoundByItsRun(due);
        }
    }

    @Test
    void aLunarBirthdayIsGreetedOnTheDayOfEachLunarYearIncludingLastYearsInJanuary() {
        Occasion layue15 = new Occasion("c-1", "birthday", new LunarDate(12, 15, false), ZoneId.of("Asia/Shanghai"),
                Instant.EPOCH);
        GreetingCalendar.Due jan2027 = NINE.next(layue15, Instant.parse("2027-01-10T00:00:00Z"));
        assertEquals(LocalDate.of(2027, 1, 22), jan2027.localDate(), "腊月十五 of lunar 2026 is still to come");
        assertEquals(2026, jan2027.year());
        assertEquals("BIRTHDAY#c-1#2026", layue15.greetingKey(jan2027.year()), "once a lunar year");
        GreetingCalendar.Due after = NINE.after(layue15, jan2027.year());
        assertEquals(LocalDate.of(2028, 1, 11), after.localDate(), "lunar 2027's, in January 2028");
        assertEquals(Instant.parse("2028-01-11T01:00:00Z"), after.greetAt());
        assertFoundByItsRun(after);
        Occasion spring = new Occasion("c-2", "birthday", new LunarDate(1, 1, false), ZoneId.of("America/New_York"),
                Instant.EPOCH);
        assertEquals(Instant.parse("2027-02-06T14:00:00Z"),
                NINE.next(spring, Instant.parse("2027-01-01T00:00:00Z")).greetAt(),
                "Spring Festival 2027 is 6 February (the official table; ICU4J alone says the 7th), 09:00 in New York");
    }

    @Test
    void daylightSavingMovesTheUtcHourNotTheLocalOne() {
        Instant jan1 = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals(Instant.parse("2026-03-28T08:00:00Z"),
                NINE.next(birthday("--03-28", "Europe/Berlin"), jan1).greetAt(),
                "28 March 2026: still winter time (UTC+1)");
        assertEquals(Instant.parse("2026-03-29T07:00:00Z"),
                NINE.next(birthday("--03-29", "Europe/Berlin"), jan1).greetAt(),
                "29 March 2026: summer time (UTC+2)");
        assertEquals(Instant.parse("2027-03-28T07:00:00Z"),
                NINE.after(birthday("--03-28", "Europe/Berlin"), 2026).greetAt(),
                "in 2027 summer time starts on 28 March");
    }

    @Test
    void aGreetingTimeInADaylightSavingGapOrOverlapHappensOnce() {
        GreetingCalendar halfPastTwo = calendar(LocalTime.of(2, 30), LeapDayRule.FEBRUARY_28);
        Instant jan1 = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"),
                halfPastTwo.next(birthday("--03-29", "Europe/Berlin"), jan1).greetAt(),
                "02:30 does not exist: 03:30 CEST");
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"),
                halfPastTwo.next(birthday("--10-25", "Europe/Berlin"), jan1).greetAt(),
                "02:30 exists twice: the first");
    }

    @Test
    void aLeapDayIsGreetedOnTheConfiguredDayInCommonYears() {
        Instant jan1 = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals(LocalDate.of(2026, 2, 28), NINE.next(birthday("2000-02-29", "Asia/Shanghai"), jan1).localDate());
        assertEquals(LocalDate.of(2026, 3, 1), calendar(LocalTime.of(9, 0), LeapDayRule.MARCH_1)
                .next(birthday("2000-02-29", "Asia/Shanghai"), jan1).localDate());
        GreetingCalendar.Due leapYear = NINE.after(birthday("2000-02-29", "Asia/Shanghai"), 2027);
        assertEquals(LocalDate.of(2028, 2, 29), leapYear.localDate());
        assertEquals("2028-02-29", leapYear.localDay());
    }

    @Test
    void aDateGivenLateOnTheDayIsGreetedAtOnceAndOneGivenTheDayAfterWaitsAYear() {
        Occasion today = birthday("--11-23", "Asia/Shanghai");
        Instant afternoon = Instant.parse("2026-11-23T07:10:00Z"); // 15:10 in Shanghai
        GreetingCalendar.Due late = NINE.next(today, afternoon);
        assertEquals(2026, late.year());
        assertEquals(Instant.parse("2026-11-23T08:00:00Z"), late.runAt(), "the next hourly run, still on the day");
        assertFoundByItsRun(late);
        assertEquals(2027, NINE.next(birthday("--11-22", "Asia/Shanghai"), afternoon).year());
    }

    @Test
    void thisYearsRunNeverFindsNextYearsGreeting() {
        Occasion birthday = birthday("--04-20", "Asia/Shanghai");
        GreetingCalendar.Due next = NINE.after(birthday, 2026);
        assertEquals(2027, next.year());
        assertTrue(GreetingCalendar.rangesFor(Instant.parse("2026-04-20T01:00:00Z")).stream()
                .noneMatch(range -> range.localDay().equals(next.localDay())),
                "2026's 04-20 run reads 2026-04-20 only");
    }

    @Test
    void anAnniversaryIsFirstCelebratedAYearAfterTheDay() {
        Occasion joined = new Occasion("c-1", "membership", RecurringDate.parse("2026-04-20"),
                ZoneId.of("Asia/Shanghai"), Instant.parse("2026-04-20T00:00:00Z"));
        assertEquals(2027, NINE.next(joined, Instant.parse("2026-04-20T00:00:00Z")).year(),
                "not on the joining day itself");
        assertEquals(2027, NINE.after(joined, 2025).year());
    }

    @Test
    void everyHourlyRunOfAYearFindsEachGreetingExactlyOnce() {
        for (String zone : List.of("Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kathmandu", "America/St_Johns",
                "Europe/Berlin", "Australia/Lord_Howe")) {
            for (String date : List.of("--01-01", "--03-29", "--10-25", "--12-31", "--02-29")) {
                GreetingCalendar.Due due = NINE.after(birthday(date, zone), 2025);
                int found = 0;
                for (Instant run = Instant.parse("2025-12-30T00:00:00Z");
                     run.isBefore(Instant.parse("2027-01-02T00:00:00Z"));
                     run = run.plus(Duration.ofHours(1))) {
                    if (GreetingCalendar.rangesFor(run)
                            .contains(new GreetingCalendar.Range(due.localDay(), due.hourKey()))
                            && run.equals(due.runAt())) {
                        found++;
                    }
                }
                assertEquals(1, found, date + " in " + zone);
                LocalTime local = due.runAt().atZone(ZoneId.of(zone)).toLocalTime();
                assertEquals(due.localDate(), due.runAt().atZone(ZoneId.of(zone)).toLocalDate(),
                        "greeted on the local date");
                assertTrue(!local.isBefore(LocalTime.of(9, 0)) && local.isBefore(LocalTime.of(10, 0)),
                        date + " in " + zone + " greeted at " + local);
            }
        }
    }
}
