package dev.storecrm.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduleExpressionTest {

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void aRateFiresAtWholePeriods() {
        ScheduleExpression everyMinute = ScheduleExpression.parse("rate(1 minute)", null);
        assertEquals(at("2026-11-23T10:16:00Z"), everyMinute.nextAfter(at("2026-11-23T10:15:00Z")));
        assertEquals(at("2026-11-23T10:16:00Z"), everyMinute.nextAfter(at("2026-11-23T10:15:59.900Z")));
        assertEquals(at("2026-11-23T12:00:00Z"), ScheduleExpression.parse("rate(2 hours)", null)
                .nextAfter(at("2026-11-23T10:15:00Z")));
    }

    @Test
    void hourlyCronFiresAtTheTopOfEachHour() {
        ScheduleExpression hourly = ScheduleExpression.parse("cron(0 * * * ? *)", null);
        assertEquals(at("2026-11-23T11:00:00Z"), hourly.nextAfter(at("2026-11-23T10:00:00Z")));
        assertEquals(at("2026-11-24T00:00:00Z"), hourly.nextAfter(at("2026-11-23T23:59:30Z")));
    }

    @Test
    void daysOfWeekMonthsListsAndSteps() {
        ScheduleExpression weekdayMornings = ScheduleExpression.parse("cron(30 1 ? * MON-FRI *)", null);
        // 2026-11-21 is a Saturday: the next weekday morning is Monday the 23rd.
        assertEquals(at("2026-11-23T01:30:00Z"), weekdayMornings.nextAfter(at("2026-11-21T00:00:00Z")));
        ScheduleExpression quarterHours = ScheduleExpression.parse("cron(0/15 * * * ? *)", null);
        assertEquals(at("2026-11-23T10:30:00Z"), quarterHours.nextAfter(at("2026-11-23T10:15:00Z")));
        ScheduleExpression summer = ScheduleExpression.parse("cron(0 0 1 JUN-AUG ? *)", null);
        assertEquals(at("2027-06-01T00:00:00Z"), summer.nextAfter(at("2026-11-23T10:15:00Z")));
        ScheduleExpression firstOfQuarter = ScheduleExpression.parse("cron(0 0 1 JAN,APR,JUL,OCT ? *)", null);
        assertEquals(at("2027-01-01T00:00:00Z"), firstOfQuarter.nextAfter(at("2026-11-23T10:15:00Z")));
    }

    @Test
    void aScheduleTimeZoneIsHonouredAcrossDaylightSaving() {
        ScheduleExpression nineInBerlin = ScheduleExpression.parse("cron(0 9 * * ? *)", "Europe/Berlin");
        assertEquals(at("2026-10-24T07:00:00Z"), nineInBerlin.nextAfter(at("2026-10-24T00:00:00Z")), "summer time");
        assertEquals(at("2026-10-25T08:00:00Z"), nineInBerlin.nextAfter(at("2026-10-24T08:00:00Z")), "winter time");
    }

    @Test
    void unsupportedOrMalformedExpressionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 0 L * ? *)", null));
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 0 * *)", null));
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("every minute", null));
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(61 * * * ? *)", null));
    }
}
