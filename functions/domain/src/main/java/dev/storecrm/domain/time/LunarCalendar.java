package dev.storecrm.domain.time;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.SimpleTimeZone;
import com.ibm.icu.util.ULocale;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The Chinese lunisolar calendar (农历) as the Gregorian days its months begin on: ICU4J's
 * {@link ChineseCalendar} does the astronomy, and a small table of corrections (data, in
 * {@code lunar-corrections.csv}) sets the few months where the official calendar published by the
 * Hong Kong Observatory and the Purple Mountain Observatory starts a month on another day.
 *
 * <p>A lunar year is named by the Gregorian year its first month (正月) begins in; its twelfth
 * month (腊月) often ends in the next Gregorian year.
 */
public final class LunarCalendar {

    /** One month of a lunar year: its number, whether it is the leap month, its first day and its length. */
    public record Month(int month, boolean leap, LocalDate start, int length) {}

    /** A month the official calendar starts on another day than the library does. */
    public record Correction(int year, int month, boolean leap, LocalDate libraryStart, LocalDate officialStart) {
        public Correction {
            Objects.requireNonNull(libraryStart, "libraryStart");
            Objects.requireNonNull(officialStart, "officialStart");
        }
    }

    /** Years whose months are kept once computed: any greeting of this century and the next. */
    private static final int CACHED_FROM = 1900;
    private static final int CACHED_TO = 2200;
    private static final SimpleTimeZone UTC = new SimpleTimeZone(0, "UTC");
    private static final LunarCalendar STANDARD = new LunarCalendar(readCorrections());

    private final List<Correction> corrections;
    private final Map<LocalDate, LocalDate> officialStarts;
    private final Map<Integer, List<Month>> years = new ConcurrentHashMap<>();

    public LunarCalendar(List<Correction> corrections) {
        this.corrections = List.copyOf(corrections);
        this.officialStarts = this.corrections.stream()
                .collect(Collectors.toUnmodifiableMap(Correction::libraryStart, Correction::officialStart));
    }

    /** The calendar with the corrections this project ships. */
    public static LunarCalendar standard() {
        return STANDARD;
    }

    public List<Correction> corrections() {
        return corrections;
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
     */
    public LocalDate occurrence(LunarDate date, int year) {
        List<Month> months = months(year);
        Month month = months.stream().filter(m -> m.month() == date.month() && m.leap() == date.leapMonth())
                .findFirst()
                .orElseGet(() -> months.stream().filter(m -> m.month() == date.month() && !m.leap()).findFirst()
                        .orElseThrow());
        return month.start().plusDays(Math.min(date.day(), month.length()) - 1L);
    }

    /** The months of the lunar year that begins in Gregorian {@code year}, in order (12 or 13). */
    public List<Month> months(int year) {
        if (year < CACHED_FROM || year > CACHED_TO) {
            return compute(year);
        }
        return years.computeIfAbsent(year, this::compute);
    }

    /** The lunar date of a Gregorian day (the staff's view and the tests' check against published tables). */
    public LunarDate lunarDateOf(LocalDate day) {
        int year = day.getYear();
        for (int y = year; y >= year - 1; y--) {
            for (Month m : months(y)) {
                long offset = ChronoUnit.DAYS.between(m.start(), day);
                if (offset >= 0 && offset < m.length()) {
                    return new LunarDate(m.month(), (int) offset + 1, m.leap());
                }
            }
        }
        throw new IllegalStateException("no lunar month holds " + day);
    }

    private List<Month> compute(int year) {
        ChineseCalendar calendar = new ChineseCalendar(UTC, ULocale.ROOT);
        // The first month begins between 21 January and 20 February: by 1 March the year has begun.
        calendar.setTimeInMillis(millis(LocalDate.of(year, 3, 1)));
        int era = calendar.get(Calendar.ERA);
        int cycleYear = calendar.get(Calendar.YEAR);
        calendar.clear();
        calendar.set(Calendar.ERA, era);
        calendar.set(Calendar.YEAR, cycleYear);
        calendar.set(Calendar.MONTH, 0);
        calendar.set(Calendar.IS_LEAP_MONTH, 0);
        calendar.set(Calendar.DATE, 1);
        List<int[]> numbers = new ArrayList<>();
        List<LocalDate> starts = new ArrayList<>();
        do {
            numbers.add(new int[] {calendar.get(Calendar.MONTH) + 1, calendar.get(Calendar.IS_LEAP_MONTH)});
            starts.add(official(date(calendar.getTimeInMillis())));
            calendar.add(Calendar.MONTH, 1);
        } while (calendar.get(Calendar.MONTH) != 0 || calendar.get(Calendar.IS_LEAP_MONTH) != 0);
        starts.add(official(date(calendar.getTimeInMillis())));
        List<Month> months = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            int length = (int) ChronoUnit.DAYS.between(starts.get(i), starts.get(i + 1));
            months.add(new Month(numbers.get(i)[0], numbers.get(i)[1] == 1, starts.get(i), length));
        }
        return List.copyOf(months);
    }

    private LocalDate official(LocalDate libraryStart) {
        return officialStarts.getOrDefault(libraryStart, libraryStart);
    }

    private static long millis(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static LocalDate date(long millis) {
        return java.time.Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static List<Correction> readCorrections() {
        List<Correction> list = new ArrayList<>();
        try (InputStream in = LunarCalendar.class.getResourceAsStream("lunar-corrections.csv")) {
            Objects.requireNonNull(in, "lunar-corrections.csv is missing from the classpath");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",");
                list.add(new Correction(Integer.parseInt(f[0].trim()), Integer.parseInt(f[1].trim()),
                        Boolean.parseBoolean(f[2].trim()), LocalDate.parse(f[3].trim()), LocalDate.parse(f[4].trim())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(list);
    }
}
