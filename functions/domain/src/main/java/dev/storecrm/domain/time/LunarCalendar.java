package dev.storecrm.domain.time;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Chinese lunisolar calendar (农历) as the Gregorian days its months begin on, for the lunar
 * years {@value #FIRST_YEAR} to {@value #LAST_YEAR}: data ({@code lunar-months.csv}, one row a year:
 * its first day, its leap month and its months' lengths), so that no calendar library travels in a
 * function's jar. The table is generated from ICU4J's {@code ChineseCalendar} (the astronomy) with the
 * few months where the official calendar published by the Hong Kong Observatory and the Purple Mountain
 * Observatory starts a month on another day set right; {@code LunarTableTest} holds it equal to them.
 *
 * <p>A lunar year is named by the Gregorian year its first month (正月) begins in; its twelfth
 * month (腊月) often ends in the next Gregorian year.
 */
public final class LunarCalendar {

    /** One month of a lunar year: its number, whether it is the leap month, its first day and its length. */
    public record Month(int month, boolean leap, LocalDate start, int length) {}

    /** The first lunar year of the table. */
    public static final int FIRST_YEAR = 1900;
    /** The last lunar year of the table (it ends early in Gregorian {@code LAST_YEAR + 1}). */
    public static final int LAST_YEAR = 2200;
    static final String TABLE = "lunar-months.csv";
    private static final LunarCalendar STANDARD = new LunarCalendar(readTable());

    private final List<List<Month>> years;

    private LunarCalendar(List<List<Month>> years) {
        this.years = years;
    }

    /** The official calendar, from the table this project ships. */
    public static LunarCalendar standard() {
        return STANDARD;
    }

    /**
     * The Gregorian date of a lunar birthday in the lunar year that begins in Gregorian {@code year}.
     * Where the date does not exist that year, the birthday is celebrated on the nearest day of the
     * same month that does, never twice and never skipped:
     * <ul>
     *   <li>a leap month (闰月) the year does not have: in the ordinary month of that number;</li>
     *   <li>the 30th of a month that has 29 days (小月): on its last day, the 29th.</li>
     * </ul>
     * An ordinary month's birthday in a year that also has the leap month of that number is
     * celebrated in the ordinary month only.
     *
     * @throws IllegalArgumentException for a year outside {@value #FIRST_YEAR} to {@value #LAST_YEAR}
     */
    public LocalDate occurrence(LunarDate date, int year) {
        List<Month> months = months(year);
        Month month = months.stream().filter(m -> m.month() == date.month() && m.leap() == date.leapMonth())
                .findFirst()
                .orElseGet(() -> months.stream().filter(m -> m.month() == date.month() && !m.leap()).findFirst()
                        .orElseThrow());
        return month.start().plusDays(Math.min(date.day(), month.length()) - 1L);
    }

    /**
     * The months of the lunar year that begins in Gregorian {@code year}, in order (12 or 13).
     *
     * @throws IllegalArgumentException for a year outside {@value #FIRST_YEAR} to {@value #LAST_YEAR}
     */
    public List<Month> months(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("the lunar calendar covers the lunar years " + FIRST_YEAR + " to "
                    + LAST_YEAR + " (" + firstDay() + " to " + lastDay() + "); asked for " + year);
        }
        return years.get(year - FIRST_YEAR);
    }

    /**
     * The lunar date of a Gregorian day (the staff's view and the tests' check against published tables).
     *
     * @throws IllegalArgumentException for a day before lunar {@value #FIRST_YEAR} or after lunar {@value #LAST_YEAR}
     */
    public LunarDate lunarDateOf(LocalDate day) {
        if (day.isBefore(firstDay()) || day.isAfter(lastDay())) {
            throw new IllegalArgumentException("the lunar calendar covers the lunar years " + FIRST_YEAR + " to "
                    + LAST_YEAR + " (" + firstDay() + " to " + lastDay() + "); asked for " + day);
        }
        for (int y = Math.min(day.getYear(), LAST_YEAR); ; y--) {
            for (Month m : months(y)) {
                long offset = ChronoUnit.DAYS.between(m.start(), day);
                if (offset >= 0 && offset < m.length()) {
                    return new LunarDate(m.month(), (int) offset + 1, m.leap());
                }
            }
        }
    }

    private LocalDate firstDay() {
        return years.getFirst().getFirst().start();
    }

    private LocalDate lastDay() {
        Month last = years.getLast().getLast();
        return last.start().plusDays(last.length() - 1L);
    }

    /** The table's rows as months, checked: consecutive years, each beginning the day after the last one ends. */
    private static List<List<Month>> readTable() {
        List<List<Month>> years = new ArrayList<>();
        try (InputStream in = LunarCalendar.class.getResourceAsStream(TABLE)) {
            Objects.requireNonNull(in, TABLE + " is missing from the classpath");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            LocalDate next = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    List<Month> months = row(line, FIRST_YEAR + years.size(), next);
                    Month last = months.getLast();
                    next = last.start().plusDays(last.length());
                    years.add(months);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (years.size() != LAST_YEAR - FIRST_YEAR + 1) {
            throw new IllegalStateException(TABLE + " holds " + years.size() + " years, not " + FIRST_YEAR + " to "
                    + LAST_YEAR);
        }
        return List.copyOf(years);
    }

    /**
     * One row, {@code year,first day,leap month (0: none),lengths}: its months, the leap one after its namesake.
     * {@code start} is the day the year must begin on (the day after the row before ends; null for the first row).
     */
    private static List<Month> row(String line, int year, LocalDate start) {
        String[] f = line.split(",");
        if (f.length != 4 || !f[0].equals(String.valueOf(year)) || (start != null && !f[1].equals(start.toString()))) {
            throw new IllegalStateException(TABLE + ": the row " + line + " does not follow the one before");
        }
        LocalDate day = start == null ? LocalDate.parse(f[1]) : start;
        int leapMonth = Integer.parseInt(f[2]);
        String[] lengths = f[3].split(" ");
        if (lengths.length != (leapMonth == 0 ? 12 : 13)) {
            throw new IllegalStateException(TABLE + ": the row " + line + " does not have 12 months and its leap one");
        }
        List<Month> months = new ArrayList<>();
        int number = 1;
        for (String text : lengths) {
            int length = Integer.parseInt(text);
            if (length != 29 && length != 30) {
                throw new IllegalStateException(TABLE + ": a lunar month has 29 or 30 days, not " + length);
            }
            boolean leap = leapMonth > 0 && number == leapMonth + 1 && !months.getLast().leap();
            months.add(new Month(leap ? leapMonth : number, leap, day, length));
            number = leap ? number : number + 1;
            day = day.plusDays(length);
        }
        return List.copyOf(months);
    }
}
