package dev.storecrm.localcloud;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge schedule expression as template.yaml writes it, {@code rate(1 minute)} or
 * {@code cron(0 * * * ? *)} (minutes, hours, day of month, month, day of week, year; in UTC unless
 * the schedule names a time zone), so that the local cloud fires scheduled functions when AWS would.
 * Supported in cron fields: {@code *}, {@code ?}, numbers, ranges {@code a-b}, lists {@code a,b},
 * steps {@code * /n} and {@code a/n}, and day and month names ({@code MON}, {@code JAN}). {@code L},
 * {@code W} and {@code #} are refused rather than misread.
 */
public final class ScheduleExpression {

    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.+)\\)");
    /** {@code L}, {@code LW}, {@code 15W}, {@code 5L}, {@code 6#3}: not played locally. */
    private static final Pattern UNSUPPORTED = Pattern.compile("(^|[-/])L|\\d[LW]|#");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final String text;
    private final Duration rate;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;
    private final ZoneId zone;

    private ScheduleExpression(String text, Duration rate, String[] cron, ZoneId zone) {
        this.text = text;
        this.rate = rate;
        this.zone = zone;
        if (cron == null) {
            minutes = null;
            hours = null;
            daysOfMonth = null;
            months = null;
            daysOfWeek = null;
            anyDayOfMonth = true;
            anyDayOfWeek = true;
            return;
        }
        minutes = field(cron[0], 0, 59, List.of(), 0);
        hours = field(cron[1], 0, 23, List.of(), 0);
        anyDayOfMonth = cron[2].equals("*") || cron[2].equals("?");
        daysOfMonth = field(cron[2], 1, 31, List.of(), 1);
        months = field(cron[3], 1, 12, MONTHS, 1);
        anyDayOfWeek = cron[4].equals("*") || cron[4].equals("?");
        daysOfWeek = field(cron[4], 1, 7, DAYS, 1);
        if (!cron[5].equals("*")) {
            throw new IllegalArgumentException("cron years other than * are not supported: " + text);
        }
    }

    /** Parses an expression; {@code timeZone} is the schedule's ScheduleExpressionTimezone, or null for UTC. */
    public static ScheduleExpression parse(String expression, String timeZone) {
        ZoneId zone = timeZone == null || timeZone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timeZone);
        String text = expression.trim();
        Matcher rate = RATE.matcher(text);
        if (rate.matches()) {
            long amount = Long.parseLong(rate.group(1));
            if (amount < 1) {
                throw new IllegalArgumentException("a rate must be at least 1: " + text);
            }
            ChronoUnit unit = rate.group(2).startsWith("minute") ? ChronoUnit.MINUTES
                    : rate.group(2).startsWith("hour") ? ChronoUnit.HOURS : ChronoUnit.DAYS;
            return new ScheduleExpression(text, Duration.of(amount, unit), null, zone);
        }
        Matcher cron = CRON.matcher(text);
        if (cron.matches()) {
            String[] fields = cron.group(1).trim().split("\\s+");
            if (fields.length != 6) {
                throw new IllegalArgumentException("a cron expression has 6 fields: " + text);
            }
            return new ScheduleExpression(text, null, fields, zone);
        }
        throw new IllegalArgumentException("not a schedule expression: " + text);
    }

    /**
     * The first firing strictly after {@code after}. A rate fires at whole multiples of its period
     * counted from the epoch (EventBridge starts a rate when the rule is created; any fixed phase
     * keeps the spacing).
     */
    public Instant nextAfter(Instant after) {
        if (rate != null) {
            long period = rate.toSeconds();
            long next = Math.floorDiv(after.getEpochSecond(), period) * period + period;
            return Instant.ofEpochSecond(next);
        }
        ZonedDateTime t = after.atZone(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        for (int guard = 0; guard < 366 * 24 * 60 * 5; guard++) {
            if (!months.get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
                continue;
            }
            if (!dayMatches(t)) {
                t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
                continue;
            }
            if (!hours.get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
                continue;
            }
            if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
                continue;
            }
            return t.toInstant();
        }
        throw new IllegalStateException("the schedule never fires: " + text);
    }

    private boolean dayMatches(ZonedDateTime t) {
        int dayOfWeek = t.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : t.getDayOfWeek().getValue() + 1;
        boolean dom = daysOfMonth.get(t.getDayOfMonth());
        boolean dow = daysOfWeek.get(dayOfWeek);
        if (anyDayOfMonth && anyDayOfWeek) {
            return true;
        }
        return anyDayOfMonth ? dow : anyDayOfWeek ? dom : dom && dow;
    }

    private static BitSet field(String spec, int min, int max, List<String> names, int nameBase) {
        BitSet bits = new BitSet(max + 1);
        for (String part : spec.toUpperCase(Locale.ROOT).split(",")) {
            if (UNSUPPORTED.matcher(part).find()) {
                throw new IllegalArgumentException("cron field '" + spec + "' is not supported locally");
            }
            int step = 1;
            String range = part;
            if (part.contains("/")) {
                step = Integer.parseInt(part.substring(part.indexOf('/') + 1));
                range = part.substring(0, part.indexOf('/'));
            }
            int from;
            int to;
            if (range.equals("*") || range.equals("?")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                from = value(range.substring(0, range.indexOf('-')), names, nameBase);
                to = value(range.substring(range.indexOf('-') + 1), names, nameBase);
            } else {
                from = value(range, names, nameBase);
                to = part.contains("/") ? max : from;
            }
            if (from < min || to > max || from > to) {
                throw new IllegalArgumentException("cron field '" + spec + "' is out of range " + min + "-" + max);
            }
            for (int v = from; v <= to; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int value(String token, List<String> names, int nameBase) {
        int named = names.indexOf(token);
        return named >= 0 ? named + nameBase : Integer.parseInt(token);
    }

    @Override
    public String toString() {
        return text + (zone.equals(ZoneOffset.UTC) ? "" : " " + zone);
    }

    /** For messages: the local date-time of a firing in the schedule's zone. */
    public LocalDateTime local(Instant firing) {
        return LocalDateTime.ofInstant(firing, zone);
    }
}
