package dev.storecrm.domain.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final QuietHours NIGHT = QuietHours.parse("21:00-09:00");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    @Test
    void lateEveningWaitsForNineTheNextMorningLocally() {
        assertEquals(Optional.of(Instant.parse("2026-11-24T01:00:00Z")),
                NIGHT.endIfQuiet(Instant.parse("2026-11-23T14:30:00Z"), SHANGHAI), "22:30 in Shanghai: until 09:00");
    }

    @Test
    void earlyMorningWaitsForNineTheSameDay() {
        assertEquals(Optional.of(Instant.parse("2026-11-23T17:00:00Z")),
                NIGHT.endIfQuiet(Instant.parse("2026-11-23T14:30:00Z"), LOS_ANGELES),
                "06:30 in Los Angeles: until 09:00");
    }

    @Test
    void daytimeIsNotQuietAndTheWindowEndsExactlyAtNine() {
        assertEquals(Optional.empty(), NIGHT.endIfQuiet(Instant.parse("2026-11-23T01:00:00Z"), SHANGHAI),
                "09:00 sharp");
        assertEquals(Optional.of(Instant.parse("2026-11-23T01:00:00Z")),
                NIGHT.endIfQuiet(Instant.parse("2026-11-23T00:59:59Z"), SHANGHAI), "08:59:59");
        assertEquals(Optional.empty(), NIGHT.endIfQuiet(Instant.parse("2026-11-23T12:59:59Z"), SHANGHAI), "20:59:59");
    }

    @Test
    void theEndFollowsTheLocalClockAcrossADaylightSavingChange() {
        // Los Angeles leaves daylight saving time on Sunday 1 November 2026 at 02:00 (clocks go back to 01:00).
        Instant saturdayNight = Instant.parse("2026-11-01T05:00:00Z"); // 22:00 PDT on 31 October
        assertEquals(Optional.of(Instant.parse("2026-11-01T17:00:00Z")), NIGHT.endIfQuiet(saturdayNight, LOS_ANGELES),
                "09:00 PST on 1 November, one hour more of night than usual");
        // Berlin enters summer time on 29 March 2026: 02:00 becomes 03:00.
        assertEquals(Optional.of(Instant.parse("2026-03-29T07:00:00Z")),
                NIGHT.endIfQuiet(Instant.parse("2026-03-28T22:00:00Z"), ZoneId.of("Europe/Berlin")), "09:00 CEST");
    }

    @Test
    void aWindowThatDoesNotWrapMidnightWorksToo() {
        QuietHours lunch = QuietHours.parse("12:00-13:30");
        assertEquals(Optional.of(Instant.parse("2026-11-23T05:30:00Z")),
                lunch.endIfQuiet(Instant.parse("2026-11-23T04:10:00Z"), SHANGHAI));
        assertEquals(Optional.empty(), lunch.endIfQuiet(Instant.parse("2026-11-23T06:10:00Z"), SHANGHAI));
    }
}
