package dev.storecrm.domain.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The lunar calendar held against the official Gregorian-lunar conversion tables of the Hong Kong
 * Observatory (香港天文台 公历与农历日期对照表) and the Purple Mountain Observatory, which agree for
 * these years: the first day of the year (春节) 2020-2036, every leap month of those years, and
 * festival days. Where ICU4J alone disagrees (2027, 2030) the correction data puts it right
 * ({@code LunarTableTest} holds the shipped table equal to ICU4J with the corrections).
 */
class LunarCalendarTest {

    private final LunarCalendar calendar = LunarCalendar.standard();
    private final IcuLunarYears official = IcuLunarYears.official();
    private final IcuLunarYears libraryOnly = IcuLunarYears.libraryOnly();

    @ParameterizedTest(name = "Spring Festival {0} is {1}")
    @CsvSource({
        "2020, 2020-01-25", "2021, 2021-02-12", "2022, 2022-02-01", "2023, 2023-01-22", "2024, 2024-02-10",
        "2025, 2025-01-29", "2026, 2026-02-17", "2027, 2027-02-06", "2028, 2028-01-26", "2029, 2029-02-13",
        "2030, 2030-02-03", "2031, 2031-01-23", "2032, 2032-02-11", "2033, 2033-01-31", "2034, 2034-02-19",
        "2035, 2035-02-08", "2036, 2036-01-28"})
    void springFestivalFallsOnThePublishedDay(int year, LocalDate official) {
        assertEquals(official, calendar.occurrence(new LunarDate(1, 1, false), year));
        assertEquals(new LunarDate(1, 1, false), calendar.lunarDateOf(official));
        assertEquals(new LunarDate(12, calendar.months(year - 1).getLast().length(), false),
                calendar.lunarDateOf(official.minusDays(1)), "the day before is New Year's Eve (除夕)");
    }

    @ParameterizedTest(name = "leap month {1} of {0} begins {2}")
    @CsvSource({
        "2020, 4, 2020-05-23", "2023, 2, 2023-03-22", "2025, 6, 2025-07-25", "2028, 5, 2028-06-23",
        "2031, 3, 2031-04-22", "2033, 11, 2033-12-22", "2036, 6, 2036-07-23"})
    void leapMonthsBeginOnThePublishedDay(int year, int month, LocalDate official) {
        List<LunarCalendar.Month> leaps = calendar.months(year).stream().filter(LunarCalendar.Month::leap).toList();
        assertEquals(1, leaps.size());
        assertEquals(month, leaps.getFirst().month());
        assertEquals(official, leaps.getFirst().start());
        assertEquals(official, calendar.occurrence(new LunarDate(month, 1, true), year));
        assertEquals(13, calendar.months(year).size());
    }

    @ParameterizedTest(name = "{0}/{1} of {2} is {3}")
    @CsvSource({
        "8, 15, 2024, 2024-09-17", "8, 15, 2025, 2025-10-06", "8, 15, 2026, 2026-09-25",
        "5, 5, 2024, 2024-06-10", "5, 5, 2025, 2025-05-31", "5, 5, 2026, 2026-06-19",
        "1, 15, 2025, 2025-02-12", "7, 7, 2025, 2025-08-29"})
    void festivalsFallOnThePublishedDay(int month, int day, int year, LocalDate official) {
        assertEquals(official, calendar.occurrence(new LunarDate(month, day, false), year));
    }

    @Test
    void yearsWithoutALeapMonthHaveTwelve() {
        assertEquals(12, calendar.months(2026).size());
        assertFalse(calendar.months(2027).stream().anyMatch(LunarCalendar.Month::leap));
    }

    @Test
    void aLeapMonthBirthdayIsCelebratedInTheOrdinaryMonthWhenTheYearHasNoSuchLeapMonth() {
        LunarDate leapSixth15 = new LunarDate(6, 15, true);
        assertEquals(LocalDate.of(2025, 8, 8), calendar.occurrence(leapSixth15, 2025));
        assertEquals(calendar.occurrence(new LunarDate(6, 15, false), 2026), calendar.occurrence(leapSixth15, 2026));
        assertEquals(LocalDate.of(2026, 7, 28), calendar.occurrence(leapSixth15, 2026));
    }

    @Test
    void anOrdinaryMonthBirthdayStaysInTheOrdinaryMonthInALeapYearOfThatMonth() {
        assertEquals(LocalDate.of(2025, 7, 9), calendar.occurrence(new LunarDate(6, 15, false), 2025));
    }

    @Test
    void theThirtiethOfAShortMonthIsCelebratedOnItsLastDay() {
        // 腊月 of lunar 2026 has 29 days officially (Spring Festival 2027 is 6 February): 除夕 is 5 February.
        assertEquals(29, calendar.months(2026).getLast().length());
        assertEquals(LocalDate.of(2027, 2, 5), calendar.occurrence(new LunarDate(12, 30, false), 2026));
        assertEquals(LocalDate.of(2027, 2, 5), calendar.occurrence(new LunarDate(12, 29, false), 2026));
        // ... while a 30-day month keeps its 30th.
        LunarCalendar.Month first2027 = calendar.months(2027).getFirst();
        assertEquals(30, first2027.length());
        assertEquals(LocalDate.of(2027, 3, 7), calendar.occurrence(new LunarDate(1, 30, false), 2027));
    }

    @Test
    void theLastMonthOfALunarYearMayFallInTheNextGregorianYear() {
        assertEquals(LocalDate.of(2027, 1, 22), calendar.occurrence(new LunarDate(12, 15, false), 2026));
    }

    @Test
    void eachCorrectionStillDiffersFromTheLibraryAndTheOfficialDateWins() {
        assertEquals(2, official.corrections().size());
        for (IcuLunarYears.Correction c : official.corrections()) {
            LunarDate first = new LunarDate(c.month(), 1, c.leap());
            assertEquals(c.libraryStart(), libraryOnly.months(c.year()).stream()
                    .filter(m -> m.month() == c.month() && m.leap() == c.leap()).findFirst().orElseThrow().start(),
                    "ICU4J now agrees with the official table for " + c + ": remove the correction");
            assertEquals(c.officialStart(), calendar.occurrence(first, c.year()));
            assertNotEquals(c.libraryStart(), c.officialStart());
        }
    }

    @Test
    void theCalendarServesEveryYearOfTheTableAsTheLibraryComputesIt() {
        for (int year = LunarCalendar.FIRST_YEAR; year <= LunarCalendar.LAST_YEAR; year++) {
            List<LunarCalendar.Month> months = official.months(year);
            assertEquals(months, LunarCalendar.standard().months(year), "lunar year " + year + ", correct row: "
                    + IcuLunarYears.row(year, months));
        }
    }

    @Test
    void theFirstAndLastDayOfEveryMonthOfTheTableHaveTheLibrarysLunarDate() {
        for (int year = LunarCalendar.FIRST_YEAR; year <= LunarCalendar.LAST_YEAR; year++) {
            for (LunarCalendar.Month month : official.months(year)) {
                LocalDate last = month.start().plusDays(month.length() - 1L);
                assertEquals(new LunarDate(month.month(), 1, month.leap()),
                        LunarCalendar.standard().lunarDateOf(month.start()));
                assertEquals(new LunarDate(month.month(), month.length(), month.leap()),
                        LunarCalendar.standard().lunarDateOf(last));
            }
        }
    }

    @Test
    void aYearOutsideTheTableIsRefusedNamingTheYearsItCovers() {
        LunarCalendar calendar = LunarCalendar.standard();
        LunarDate springFestival = new LunarDate(1, 1, false);
        LocalDate first = official.months(LunarCalendar.FIRST_YEAR).getFirst().start();
        LunarCalendar.Month last = official.months(LunarCalendar.LAST_YEAR).getLast();
        assertEquals(new LunarDate(1, 1, false), calendar.lunarDateOf(first));
        assertEquals(new LunarDate(12, last.length(), false),
                calendar.lunarDateOf(last.start().plusDays(last.length() - 1L)));
        for (Executable outside : List.<Executable>of(() -> calendar.months(1899),
                () -> calendar.occurrence(springFestival, 2201), () -> springFestival.occurrenceIn(1899, null),
                () -> calendar.lunarDateOf(first.minusDays(1)),
                () -> calendar.lunarDateOf(last.start().plusDays(last.length())))) {
            String message = assertThrows(IllegalArgumentException.class, outside).getMessage();
            assertTrue(message.contains("covers the lunar years 1900 to 2200 (" + first + " to "), message);
        }
    }

    @Test
    void theTextFormRoundTripsAndNamesTheDateInChinese() {
        LunarDate leap = new LunarDate(6, 15, true);
        assertEquals("lunar-leap-06-15", leap.text());
        assertEquals(leap, AnnualDate.parse(leap.text()));
        assertEquals(new LunarDate(12, 30, false), AnnualDate.parse("lunar-12-30"));
        assertEquals(RecurringDate.parse("--05-20"), AnnualDate.parse("--05-20"));
        assertEquals("闰六月十五", leap.chinese());
        assertEquals("正月初一", new LunarDate(1, 1, false).chinese());
        assertEquals("腊月廿九", new LunarDate(12, 29, false).chinese());
        assertEquals("冬月初十", new LunarDate(11, 10, false).chinese());
        assertEquals("三月三十", new LunarDate(3, 30, false).chinese());
        assertEquals("八月二十", new LunarDate(8, 20, false).chinese());
        assertThrows(IllegalArgumentException.class, () -> LunarDate.parse("lunar-13-01"));
        assertThrows(IllegalArgumentException.class, () -> new LunarDate(1, 31, false));
    }
}
