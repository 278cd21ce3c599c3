package dev.storecrm.domain.time;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.SimpleTimeZone;
import com.ibm.icu.util.ULocale;
import com.ibm.icu.util.VersionInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The lunar years as a maintained library computes them, the source of truth of {@code lunar-months.csv}:
 * ICU4J's {@link ChineseCalendar} does the astronomy, and {@code lunar-corrections.csv} (test data) sets the
 * few months where the official calendar of the Hong Kong Observatory and the Purple Mountain Observatory
 * starts a month on another day. ICU4J is a test dependency only: the functions read the table.
 */
final class IcuLunarYears {

    /** A month the official calendar starts on another day than the library does. */
    record Correction(int year, int month, boolean leap, LocalDate libraryStart, LocalDate officialStart) {
        Correction {
            Objects.requireNonNull(libraryStart, "libraryStart");
            Objects.requireNonNull(officialStart, "officialStart");
        }
    }

    /** The command that rewrites the table from the library (documented in the table and docs/lunar-birthdays.md). */
    static final String REGENERATE = "./dev mvn -pl functions/domain test -Dtest=LunarTableTest"
            + " -Dlunar.regenerate=src/main/resources/dev/storecrm/domain/time/" + LunarCalendar.TABLE;

    private static final SimpleTimeZone UTC = new SimpleTimeZone(0, "UTC");

    private final List<Correction> corrections;
    private final Map<LocalDate, LocalDate> officialStarts;

    IcuLunarYears(List<Correction> corrections) {
        this.corrections = List.copyOf(corrections);
        this.officialStarts = this.corrections.stream()
                .collect(Collectors.toUnmodifiableMap(Correction::libraryStart, Correction::officialStart));
    }

    /** The library with the corrections this project keeps. */
    static IcuLunarYears official() {
        return new IcuLunarYears(readCorrections());
    }

    /** The library alone. */
    static IcuLunarYears libraryOnly() {
        return new IcuLunarYears(List.of());
    }

    List<Correction> corrections() {
        return corrections;
    }

    /** The months of the lunar year that begins in Gregorian {@code year}, in order (12 or 13). */
    List<LunarCalendar.Month> months(int year) {
        ChineseCalendar calendar = new ChineseCalendar(UTC, ULocale.ROOT);
        // The first month begins between 21 January and 20 February: by 1 March the year has begun.
        calendar.setTimeInMillis(LocalDate.of(year, 3, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
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
            starts.add(official(calendar.getTimeInMillis()));
            calendar.add(Calendar.MONTH, 1);
        } while (calendar.get(Calendar.MONTH) != 0 || calendar.get(Calendar.IS_LEAP_MONTH) != 0);
        starts.add(official(calendar.getTimeInMillis()));
        List<LunarCalendar.Month> months = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            int length = (int) ChronoUnit.DAYS.between(starts.get(i), starts.get(i + 1));
            months.add(new LunarCalendar.Month(numbers.get(i)[0], numbers.get(i)[1] == 1, starts.get(i), length));
        }
        return List.copyOf(months);
    }

    /** The whole table, header and rows, as {@code lunar-months.csv} holds it. */
    String table() {
        StringBuilder text = new StringBuilder(header());
        for (int year = LunarCalendar.FIRST_YEAR; year <= LunarCalendar.LAST_YEAR; year++) {
            text.append(row(year, months(year))).append('\n');
        }
        return text.toString();
    }

    /** One row of the table: {@code year,first day,leap month (0: none),the months' lengths in order}. */
    static String row(int year, List<LunarCalendar.Month> months) {
        int leap = months.stream().filter(LunarCalendar.Month::leap).mapToInt(LunarCalendar.Month::month)
                .findFirst().orElse(0);
        return year + "," + months.getFirst().start() + "," + leap + ","
                + months.stream().map(m -> String.valueOf(m.length())).collect(Collectors.joining(" "));
    }

    private static String header() {
        return """
                # The Chinese lunisolar calendar (农历) for the lunar years %d to %d, read by LunarCalendar. One row a
                # lunar year, named by the Gregorian year its first month (正月) begins in: that first day, the number
                # of its leap month (闰月; 0 when it has none; the leap month follows the ordinary month of its number)
                # and its months' lengths in days, in order (12 or 13 months of 29 or 30 days).
                # Generated from ICU4J %s's ChineseCalendar (com.ibm.icu:icu4j, a test dependency only) with
                # lunar-corrections.csv (functions/domain/src/test/resources) applied: the official dates of the Hong
                # Kong Observatory and the Purple Mountain Observatory where they differ. LunarTableTest holds this
                # file equal to them; after bumping ICU4J, regenerate it from the repository's root (the path is
                # relative to functions/domain) with
                #   %s
                # year,first day,leap month,month lengths
                """.formatted(LunarCalendar.FIRST_YEAR, LunarCalendar.LAST_YEAR, version(), REGENERATE);
    }

    /** The library's version as its Maven artifact names it ({@code 79.1}). */
    static String version() {
        return VersionInfo.ICU_VERSION.getMajor() + "." + VersionInfo.ICU_VERSION.getMinor();
    }

    private LocalDate official(long millis) {
        LocalDate libraryStart = Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC).toLocalDate();
        return officialStarts.getOrDefault(libraryStart, libraryStart);
    }

    private static List<Correction> readCorrections() {
        List<Correction> list = new ArrayList<>();
        try (InputStream in = IcuLunarYears.class.getResourceAsStream("lunar-corrections.csv")) {
            Objects.requireNonNull(in, "lunar-corrections.csv is missing from the test classpath");
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
