package dev.storecrm.domain.occasion;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * When an occasion is greeted, and under which keys the hourly greeting run finds it.
 *
 * <p>The greeting of year Y is due at {@code greetAt} on the occasion's local date of Y (29 February
 * moved by the leap-day rule in common years; for a lunar birthday, its Gregorian date in the lunar
 * year that begins in Y, see {@link dev.storecrm.domain.time.LunarCalendar}), resolved in the member's
 * zone on the local calendar: a time that does not exist that day (a daylight-saving gap) moves
 * forward, a time that exists twice (clocks going back) takes the first, so a greeting is neither skipped nor doubled.
 *
 * <p>The run at the top of each UTC hour greets what fell due in the hour before it. So an
 * occasion is filed under the local date of its next greeting (the index partition, with a shard;
 * the date includes the year, so that next year's greeting, filed under the same month-day, is not
 * found by this year's run) and a sort key made of the UTC day the greeting falls on relative to
 * the local date ({@code -1}, {@code 0} or {@code +1}: a member at UTC+14 is greeted on the previous
 * UTC day) and the UTC hour of the run that will greet it. A run therefore reads three small key
 * ranges, each holding only greetings due in that run.
 */
public final class GreetingCalendar {

    /** A greeting's place in time and in the index ({@code localDay}: the local date, ISO). */
    public record Due(int year, LocalDate localDate, Instant greetAt, Instant runAt, String localDay, String hourKey) {}

    /** One of the three key ranges a run reads: a local date and a sort-key prefix. */
    public record Range(String localDay, String hourPrefix) {}
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH");

    private final OccasionPolicy policy;

    public GreetingCalendar(OccasionPolicy policy) {
        this.policy = policy;
    }

    /**
     * The first greeting of the occasion not before the local date of {@code notBefore}: this
     * year's if its local date is still to come (or is today), else next year's. A greeting whose
     * time already passed today is due at once (greeted late rather than missed).
     */
    public Due next(Occasion occasion, Instant notBefore) {
        LocalDate today = notBefore.atZone(occasion.zone()).toLocalDate();
        // Last year's lunar date may still be to come: a lunar year's last month can fall in January.
        int year = Math.max(today.getYear() - 1, firstYear(occasion));
        LocalDate date = occasion.date().occurrenceIn(year, policy.leapDayRule());
        while (date.isBefore(today)) {
            year++;
            date = occasion.date().occurrenceIn(year, policy.leapDayRule());
        }
        Instant greetAt = ZonedDateTime.of(date, policy.greetAt(), occasion.zone()).toInstant();
        if (greetAt.isBefore(notBefore)) {
            greetAt = notBefore;
        }
        return due(year, date, greetAt);
    }

    /** The greeting after the one of {@code year}: the next year's. */
    public Due after(Occasion occasion, int year) {
        int next = Math.max(year + 1, firstYear(occasion));
        LocalDate date = occasion.date().occurrenceIn(next, policy.leapDayRule());
        return due(next, date, ZonedDateTime.of(date, policy.greetAt(), occasion.zone()).toInstant());
    }

    /** A date with a known year is first celebrated a year later: no greeting on the wedding or joining day itself. */
    private static int firstYear(Occasion occasion) {
        return occasion.date().knownYear().map(y -> y + 1).orElse(Integer.MIN_VALUE);
    }

    /** The key ranges the run at {@code runAt} (a whole UTC hour) reads. */
    public static List<Range> rangesFor(Instant runAt) {
        LocalDate utcDate = runAt.atOffset(ZoneOffset.UTC).toLocalDate();
        String hour = HOUR.format(runAt.atOffset(ZoneOffset.UTC));
        return List.of(
                new Range(utcDate.plusDays(1).toString(), "-1|" + hour + "|"),
                new Range(utcDate.toString(), "0|" + hour + "|"),
                new Range(utcDate.minusDays(1).toString(), "+1|" + hour + "|"));
    }

    /** The top of the first hour at or after {@code instant}: the run that greets something due then. */
    public static Instant runFor(Instant instant) {
        Instant hour = instant.truncatedTo(ChronoUnit.HOURS);
        return hour.equals(instant) ? hour : hour.plus(1, ChronoUnit.HOURS);
    }

    private static Due due(int year, LocalDate localDate, Instant greetAt) {
        Instant runAt = runFor(greetAt);
        LocalDate runDate = runAt.atOffset(ZoneOffset.UTC).toLocalDate();
        long offset = ChronoUnit.DAYS.between(localDate, runDate);
        String sign = offset == 0 ? "0" : offset > 0 ? "+" + offset : Long.toString(offset);
        String hourKey = sign + "|" + HOUR.format(runAt.atOffset(ZoneOffset.UTC)) + "|";
        return new Due(year, localDate, greetAt, runAt, localDate.toString(), hourKey);
    }
}
