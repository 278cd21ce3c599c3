package dev.storecrm.domain.time;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A birthday of the Chinese lunar calendar (农历生日): the month (1 to 12), whether it is the leap
 * month of that number (闰月), and the day (1 to 30). The year is not kept: the lunar calendar's
 * year of birth adds nothing a greeting needs.
 *
 * <p>Which Gregorian day it falls on each year is {@link LunarCalendar}'s; where the date does not
 * exist in a year, {@link LunarCalendar#occurrence} documents the rule. Text form:
 * {@code lunar-06-15}, or {@code lunar-leap-06-15} for the 15th of the leap sixth month.
 */
public record LunarDate(int month, int day, boolean leapMonth) implements AnnualDate {

    static final String PREFIX = "lunar-";
    private static final Pattern TEXT = Pattern.compile("lunar-(leap-)?(\\d{2})-(\\d{2})");
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    public LunarDate {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("a lunar month is 1 to 12");
        }
        if (day < 1 || day > 30) {
            throw new IllegalArgumentException("a lunar day is 1 to 30");
        }
    }

    /**
     * Parses the text form.
     *
     * @throws IllegalArgumentException for a malformed or impossible date, without repeating the value
     */
    public static LunarDate parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected lunar-MM-DD or lunar-leap-MM-DD");
        }
        return new LunarDate(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(1) != null);
    }

    /** The Gregorian date of this birthday in the lunar year that begins in Gregorian {@code year}. */
    @Override
    public LocalDate occurrenceIn(int year, LeapDayRule leapDayRule) {
        return LunarCalendar.standard().occurrence(this, year);
    }

    @Override
    public Optional<Integer> knownYear() {
        return Optional.empty();
    }

    @Override
    public String iso() {
        return text();
    }

    public String text() {
        return String.format("%s%s%02d-%02d", PREFIX, leapMonth ? "leap-" : "", month, day);
    }

    /** The date as Chinese readers write it: {@code 闰六月十五}, {@code 正月初一}, {@code 腊月廿九}. */
    public String chinese() {
        String monthName = switch (month) {
            case 1 -> "正";
            case 11 -> "冬";
            case 12 -> "腊";
            default -> NUMERALS[month - 1];
        };
        String dayName = switch (day / 10) {
            case 0 -> "初" + NUMERALS[day - 1];
            case 1 -> day == 10 ? "初十" : "十" + NUMERALS[day - 11];
            case 2 -> day == 20 ? "二十" : "廿" + NUMERALS[day - 21];
            default -> "三十";
        };
        return (leapMonth ? "闰" : "") + monthName + "月" + dayName;
    }

    @Override
    public String toString() {
        return text();
    }
}
