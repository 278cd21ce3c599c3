package dev.storecrm.domain.time;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A day the store's members celebrate or shop on, by the rule that puts it on a Gregorian date each year,
 * written as text so that festivals are data ({@code festivals.csv}, and the store's overrides):
 * <ul>
 *   <li>{@code lunar:M-D}: a day of the Chinese lunar calendar, e.g. {@code lunar:1-1} (春节),
 *       {@code lunar:8-15} (中秋), through {@link LunarCalendar} (official dates);</li>
 *   <li>{@code date:MM-DD}: a fixed Gregorian date, e.g. {@code date:11-11} (双十一), {@code date:12-25};</li>
 *   <li>{@code weekday:M:N:DAY}: the Nth (1-4, or {@code last}) weekday of a month, e.g.
 *       {@code weekday:5:2:sunday} (Mother's Day), {@code weekday:11:4:thursday} (Thanksgiving);</li>
 * </ul>
 * each optionally followed by a space and an offset in days, {@code -1d} or {@code +1d}: {@code lunar:1-1 -1d} is
 * New Year's Eve (除夕, whatever the length of the twelfth month), {@code weekday:11:4:thursday +1d} Black
 * Friday. A lunar festival's year is the lunar year that begins in that Gregorian year, so 除夕 of 2027 is
 * on 5 February 2027, the eve of the year of 2027. A fixed 29 February falls on 28 February in other years.
 *
 * @param key  lower-case letters, digits and hyphens, 1 to 40: the name campaigns use
 * @param rule the rule's text, as written
 */
public record Festival(String key, String rule, String nameZh, String nameEn) {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern RULE = Pattern.compile(
            "(?:lunar:(\\d{1,2})-(\\d{1,2})|date:(\\d{2})-(\\d{2})|weekday:(\\d{1,2}):([1-4]|last):([a-z]+))"
                    + "(?:\\s+([+-]\\d{1,2})d)?");

    public Festival {
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a festival's key is lower-case letters, digits and hyphens (1 to 40),"
                    + " such as mid-autumn; got " + key);
        }
        Objects.requireNonNull(rule, "rule");
        dateIn(2000, LunarCalendar.standard(), rule, key); // refuses a malformed rule now, not on its day
    }

    /** The Gregorian date of this festival in {@code year}. */
    public LocalDate in(int year, LunarCalendar lunar) {
        return dateIn(year, lunar, rule, key);
    }

    private static LocalDate dateIn(int year, LunarCalendar lunar, String rule, String key) {
        Matcher m = RULE.matcher(rule.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw refused(key, rule, "the rule is lunar:M-D, date:MM-DD or weekday:M:N:DAY, with an optional "
                    + "offset such as \" -1d\"");
        }
        LocalDate day;
        try {
            if (m.group(1) != null) {
                day = lunar.occurrence(new LunarDate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        false), year);
            } else if (m.group(3) != null) {
                day = MonthDay.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))).atYear(year);
            } else {
                DayOfWeek weekday = DayOfWeek.valueOf(m.group(7).toUpperCase(Locale.ROOT));
                LocalDate first = LocalDate.of(year, Integer.parseInt(m.group(5)), 1);
                day = m.group(6).equals("last") ? first.with(TemporalAdjusters.lastInMonth(weekday))
                        : first.with(TemporalAdjusters.dayOfWeekInMonth(Integer.parseInt(m.group(6)), weekday));
            }
        } catch (DateTimeException | IllegalArgumentException e) {
            throw refused(key, rule, e.getMessage());
        }
        return m.group(8) == null ? day : day.plusDays(Integer.parseInt(m.group(8)));
    }

    private static IllegalArgumentException refused(String key, String rule, String why) {
        return new IllegalArgumentException("festival " + key + " (" + rule + "): " + why);
    }
}
