package dev.storecrm.domain.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The hours of the recipient's night when no marketing mail goes out, in the recipient's own time
 * zone, e.g. 21:00 to 09:00. A window may wrap midnight. The end is resolved on the local calendar,
 * so a daylight-saving change neither skips nor doubles it.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public static QuietHours parse(String spec) {
        String[] parts = spec.split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("quiet hours look like 21:00-09:00");
        }
        return new QuietHours(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
    }

    /** When the quiet window that {@code now} falls in ends, or empty if {@code now} is not quiet. */
    public Optional<Instant> endIfQuiet(Instant now, ZoneId zone) {
        if (start.equals(end)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate date = local.toLocalDate();
        boolean wraps = start.isAfter(end);
        if (!wraps) {
            return !time.isBefore(start) && time.isBefore(end) ? Optional.of(at(date, end, zone)) : Optional.empty();
        }
        if (!time.isBefore(start)) {
            return Optional.of(at(date.plusDays(1), end, zone));
        }
        if (time.isBefore(end)) {
            return Optional.of(at(date, end, zone));
        }
        return Optional.empty();
    }

    /**
     * The last moment by {@code deadline} for marketing: the deadline itself, or, if it falls in
     * the quiet hours, the start of that quiet window (when marketing stops).
     */
    public Instant lastMomentBy(Instant deadline, ZoneId zone) {
        if (endIfQuiet(deadline, zone).isEmpty()) {
            return deadline;
        }
        ZonedDateTime local = deadline.atZone(zone);
        LocalDate date = local.toLocalDate();
        boolean startedTheDayBefore = start.isAfter(end) && local.toLocalTime().isBefore(start);
        return at(startedTheDayBefore ? date.minusDays(1) : date, start, zone);
    }

    private static Instant at(LocalDate date, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
