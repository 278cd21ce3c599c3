package dev.storecrm.domain.time;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date that comes back every year: a birthday or an anniversary, with or without the year it
 * started. Written as ISO 8601 {@code 1990-05-20}, or {@code --05-20} when the year is unknown.
 * 29 February is allowed without a year, and with a leap year. A year, when given, lies between
 * {@link #EARLIEST_YEAR} and {@link #LATEST_YEAR} (the event contract's range, in its JSON Schema too).
 */
public record RecurringDate(MonthDay monthDay, Integer year) implements AnnualDate {

    /** The earliest year a birthday or anniversary may name. */
    public static final int EARLIEST_YEAR = 1900;
    /** The latest year a birthday or anniversary may name. */
    public static final int LATEST_YEAR = 2100;

    private static final Pattern ISO = Pattern.compile("(?:(\\d{4})|-)-(\\d{2})-(\\d{2})");

    public RecurringDate {
        if (monthDay == null) {
            throw new IllegalArgumentException("month and day are required");
        }
        if (year != null) {
            if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
                throw new IllegalArgumentException("year out of range");
            }
            if (!monthDay.isValidYear(year)) {
                throw new IllegalArgumentException("29 February of a common year");
            }
        }
    }

    /**
     * Parses {@code YYYY-MM-DD} or {@code --MM-DD}.
     *
     * @throws IllegalArgumentException for a malformed or impossible date; the message never
     *     repeats the value, which may be personal data
     */
    public static RecurringDate parse(String text) {
        Matcher m = ISO.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected YYYY-MM-DD or --MM-DD");
        }
        try {
            MonthDay monthDay = MonthDay.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            Integer year = m.group(1) == null ? null : Integer.valueOf(m.group(1));
            return new RecurringDate(monthDay, year);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("no such day of the year", e);
        }
    }

    @Override
    public Optional<Integer> knownYear() {
        return Optional.ofNullable(year);
    }

    public boolean isLeapDay() {
        return monthDay.getMonthValue() == 2 && monthDay.getDayOfMonth() == 29;
    }

    /**
     * The date this recurs on in {@code year}. A 29 February date falls on the day the
     * {@code leapDayRule} names in common years.
     */
    @Override
    public LocalDate occurrenceIn(int year, LeapDayRule leapDayRule) {
        if (isLeapDay() && !Year.isLeap(year)) {
            return leapDayRule.dateInCommonYear(year);
        }
        return monthDay.atYear(year);
    }

    @Override
    public String iso() {
        return year == null ? monthDay.toString() : monthDay.atYear(year).toString();
    }

    @Override
    public String toString() {
        return iso();
    }
}
