package dev.storecrm.domain.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The festivals' dates, computed from their rules, held for the ten years 2027-2036 against the Hong Kong
 * Observatory's Gregorian-Lunar Calendar Conversion Table (香港天文台 公历与农历日期对照表), which the
 * Purple Mountain Observatory's 中国天文年历 agrees with for these days. Spring Festival 2027 is 6 February
 * (ICU4J alone has the 7th: the correction is data, lunar-corrections.csv), and 2030's is 3 February.
 */
class FestivalCalendarTest {

    private final FestivalCalendar calendar = FestivalCalendar.withOverrides("");

    @ParameterizedTest(name = "{0}: 春节 {1}, 元宵 {2}, 端午 {3}, 七夕 {4}, 中秋 {5}")
    @CsvSource({
        "2027, 2027-02-06, 2027-02-20, 2027-06-09, 2027-08-08, 2027-09-15",
        "2028, 2028-01-26, 2028-02-09, 2028-05-28, 2028-08-26, 2028-10-03",
        "2029, 2029-02-13, 2029-02-27, 2029-06-16, 2029-08-16, 2029-09-22",
        "2030, 2030-02-03, 2030-02-17, 2030-06-05, 2030-08-05, 2030-09-12",
        "2031, 2031-01-23, 2031-02-06, 2031-06-24, 2031-08-24, 2031-10-01",
        "2032, 2032-02-11, 2032-02-25, 2032-06-12, 2032-08-12, 2032-09-19",
        "2033, 2033-01-31, 2033-02-14, 2033-06-01, 2033-08-01, 2033-09-08",
        "2034, 2034-02-19, 2034-03-05, 2034-06-20, 2034-08-20, 2034-09-27",
        "2035, 2035-02-08, 2035-02-22, 2035-06-10, 2035-08-10, 2035-09-16",
        "2036, 2036-01-28, 2036-02-11, 2036-05-30, 2036-08-28, 2036-10-04"})
    void theLunarFestivalsFallOnThePublishedDays(int year, LocalDate spring, LocalDate lantern, LocalDate dragonBoat,
                                                 LocalDate qixi, LocalDate midAutumn) {
        assertEquals(spring, calendar.next("spring-festival", LocalDate.of(year, 1, 1)));
        assertEquals(spring.minusDays(1), calendar.next("chinese-new-years-eve", LocalDate.of(year, 1, 1)),
                "除夕 is the last day of the twelfth month, 29 or 30 days long");
        assertEquals(lantern, calendar.next("lantern-festival", LocalDate.of(year, 1, 1)));
        assertEquals(dragonBoat, calendar.next("dragon-boat", LocalDate.of(year, 1, 1)));
        assertEquals(qixi, calendar.next("qixi", LocalDate.of(year, 1, 1)));
        assertEquals(midAutumn, calendar.next("mid-autumn", LocalDate.of(year, 1, 1)));
    }

    @ParameterizedTest(name = "{0}: Mother's Day {1}, Father's Day {2}, Thanksgiving {3}, Black Friday {4}")
    @CsvSource({
        "2027, 2027-05-09, 2027-06-20, 2027-11-25, 2027-11-26",
        "2028, 2028-05-14, 2028-06-18, 2028-11-23, 2028-11-24",
        "2029, 2029-05-13, 2029-06-17, 2029-11-22, 2029-11-23",
        "2030, 2030-05-12, 2030-06-16, 2030-11-28, 2030-11-29"})
    void theWeekdayFestivalsFollowTheirRule(int year, LocalDate mothers, LocalDate fathers, LocalDate thanksgiving,
                                            LocalDate blackFriday) {
        LocalDate january = LocalDate.of(year, 1, 1);
        assertEquals(mothers, calendar.next("mothers-day", january));
        assertEquals(fathers, calendar.next("fathers-day", january));
        assertEquals(thanksgiving, calendar.next("thanksgiving", january));
        assertEquals(blackFriday, calendar.next("black-friday", january));
    }

    @Test
    void aPeriodListsItsFestivalsInOrderIncludingTheEveOfTheNextLunarYear() {
        List<FestivalCalendar.Dated> february = calendar.between(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 28));
        assertEquals(List.of("chinese-new-years-eve 2027-02-05", "spring-festival 2027-02-06",
                "valentines-day 2027-02-14", "lantern-festival 2027-02-20"),
                february.stream().map(d -> d.festival().key() + " " + d.date()).toList());
        assertEquals(List.of("chinese-new-years-eve 2028-01-25"), calendar.between(LocalDate.of(2028, 1, 25),
                LocalDate.of(2028, 1, 25)).stream().map(d -> d.festival().key() + " " + d.date()).toList());
    }

    @Test
    void aStoreMovesDropsAndAddsFestivalsByItsOverrides() {
        FestivalCalendar store =
                FestivalCalendar.withOverrides(" 618=date:06-01; black-friday=off;store-day=date:09-18");
        assertEquals(LocalDate.of(2027, 6, 1), store.next("618", LocalDate.of(2027, 1, 1)));
        assertEquals("618 年中大促", store.festival("618").orElseThrow().nameZh(), "a moved festival keeps its names");
        assertFalse(store.festival("black-friday").isPresent());
        assertEquals(LocalDate.of(2027, 9, 18), store.next("store-day", LocalDate.of(2027, 1, 1)));
        assertEquals("store-day", store.festival("store-day").orElseThrow().nameEn());
        assertTrue(store.festival("mid-autumn").isPresent());
    }

    @Test
    void aMalformedOverrideIsRefusedWithTheEntryNamed() {
        assertEquals("festival store-day (lunar:13-1): a lunar month is 1 to 12",
                assertThrows(IllegalArgumentException.class,
                        () -> FestivalCalendar.withOverrides("store-day=lunar:13-1")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> FestivalCalendar.withOverrides("store-day=every friday")).getMessage()
                .startsWith("festival store-day (every friday): the rule is lunar:M-D, date:MM-DD or weekday:M:N:DAY"));
        assertEquals("FestivalOverrides: easter=off names no shipped festival",
                assertThrows(IllegalArgumentException.class,
                        () -> FestivalCalendar.withOverrides("easter=off")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> FestivalCalendar.withOverrides("Store Day=date:09-18")).getMessage()
                .startsWith("a festival's key is lower-case letters"));
    }

    @Test
    void theShippedFestivalsAllHaveTheirNamesInBothLanguages() {
        List<Festival> shipped = FestivalCalendar.shipped();
        assertEquals(20, shipped.size());
        shipped.forEach(f -> assertFalse(f.nameZh().isBlank() || f.nameEn().isBlank(), f.key()));
    }
}
