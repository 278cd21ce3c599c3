package dev.storecrm.domain.caremail;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The store's working hours, in its time zone, with its holidays, for counting answer deadlines:
 * {@code Mon-Fri 09:00-18:00} or several parts ({@code Mon-Fri 09:00-18:00; Sat 10:00-14:00}); holidays
 * are dates ({@code 2027-01-01}) and ranges ({@code 2027-02-10..2027-02-16}). No hours at all ({@link #always})
 * counts every hour. Time is counted in the local time of each day, so a daylight saving change neither
 * adds nor loses a working hour.
 */
public final class WorkingHours {

    private static final int MAX_DAYS = 3 * 366;
    private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY,
            "sat", DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);

    private record Window(LocalTime open, LocalTime close) {}

    private final ZoneId zone;
    private final Map<DayOfWeek, Window> week;
    private final Set<LocalDate> holidays;

    private WorkingHours(ZoneId zone, Map<DayOfWeek, Window> week, Set<LocalDate> holidays) {
        this.zone = zone;
        this.week = week;
        this.holidays = Set.copyOf(holidays);
    }

    /** Every hour counts. */
    public static WorkingHours always(ZoneId zone) {
        return new WorkingHours(zone, Map.of(), Set.of());
    }

    /** Reads {@code spec} (blank: {@link #always}) and {@code holidays} (comma-separated dates and ranges). */
    public static WorkingHours parse(String spec, String holidays, ZoneId zone) {
        Set<LocalDate> days = holidays(holidays);
        if (spec == null || spec.isBlank()) {
            return new WorkingHours(zone, Map.of(), days);
        }
        Map<DayOfWeek, Window> week = new EnumMap<>(DayOfWeek.class);
        for (String part : spec.split(";")) {
            String[] fields = part.strip().split("\\s+");
            if (fields.length != 2) {
                throw new IllegalStateException("working hours look like Mon-Fri 09:00-18:00, not " + part.strip());
            }
            Window window = window(fields[1]);
            for (DayOfWeek day : days(fields[0])) {
                week.put(day, window);
            }
        }
        return new WorkingHours(zone, week, days);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The moment {@code work} of working time after {@code start}. */
    public Instant plus(Instant start, Duration work) {
        if (week.isEmpty() && holidays.isEmpty()) {
            return start.plus(work);
        }
        Duration left = work;
        ZonedDateTime from = start.atZone(zone);
        LocalDate date = from.toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, date = date.plusDays(1)) {
            if (holidays.contains(date)) {
                continue;
            }
            Window window = week.isEmpty() ? new Window(LocalTime.MIN, LocalTime.MAX) : week.get(date.getDayOfWeek());
            if (window == null) {
                continue;
            }
            LocalTime open = i == 0 && from.toLocalTime().isAfter(window.open()) ? from.toLocalTime() : window.open();
            if (!open.isBefore(window.close())) {
                continue;
            }
            Duration available = Duration.between(open, window.close());
            if (window.close().equals(LocalTime.MAX)) {
                available = available.plusNanos(1);
            }
            if (left.compareTo(available) <= 0) {
                return date.atTime(open).plus(left).atZone(zone).toInstant();
            }
            left = left.minus(available);
        }
        throw new IllegalStateException("no working time within " + MAX_DAYS + " days: check the working hours");
    }

    private static List<DayOfWeek> days(String range) {
        String[] ends = range.toLowerCase(Locale.ROOT).split("-");
        DayOfWeek first = day(ends[0]);
        DayOfWeek last = ends.length > 1 ? day(ends[1]) : first;
        List<DayOfWeek> days = new java.util.ArrayList<>();
        for (DayOfWeek d = first; ; d = d.plus(1)) {
            days.add(d);
            if (d == last) {
                return days;
            }
        }
    }

    private static DayOfWeek day(String name) {
        DayOfWeek day = DAYS.get(name.length() >= 3 ? name.substring(0, 3) : name);
        if (day == null) {
            throw new IllegalStateException("working hours: unknown day " + name + " (Mon, Tue ... Sun)");
        }
        return day;
    }

    private static Window window(String times) {
        String[] ends = times.split("-");
        try {
            LocalTime open = LocalTime.parse(ends[0]);
            LocalTime close = ends[1].equals("24:00") ? LocalTime.MAX : LocalTime.parse(ends[1]);
            if (!open.isBefore(close)) {
                throw new IllegalStateException("working hours: " + times + " closes before it opens");
            }
            return new Window(open, close);
        } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalStateException("working hours look like 09:00-18:00, not " + times, e);
        }
    }

    private static Set<LocalDate> holidays(String spec) {
        Set<LocalDate> days = new HashSet<>();
        if (spec == null || spec.isBlank()) {
            return days;
        }
        try {
            for (String part : spec.split(",")) {
                String[] ends = part.strip().split("\\.\\.");
                LocalDate first = LocalDate.parse(ends[0].strip());
                LocalDate last = ends.length > 1 ? LocalDate.parse(ends[1].strip()) : first;
                for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                    days.add(d);
                }
            }
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("holidays look like 2027-01-01,2027-02-10..2027-02-16, not " + spec, e);
        }
        return days;
    }
}
