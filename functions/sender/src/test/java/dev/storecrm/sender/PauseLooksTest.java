package dev.storecrm.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How often a message waiting on the paused reputation guard is looked at again. */
class PauseLooksTest {

    private static final PauseLooks LOOKS = new PauseLooks(Duration.ofMinutes(15), Duration.ofHours(1));
    private static final Instant PAUSED = Instant.parse("2026-12-05T09:00:00Z");

    @Test
    void theWaitIsAQuarterOfThePauseSoFarFromFifteenMinutesToAnHour() {
        assertEquals(Optional.of(PAUSED.plusSeconds(60 + 15 * 60)), next(Duration.ofMinutes(1), Optional.empty()));
        assertEquals(Optional.of(at(Duration.ofHours(2)).plus(Duration.ofMinutes(30))),
                next(Duration.ofHours(2), Optional.empty()));
        assertEquals(Optional.of(at(Duration.ofDays(2)).plus(Duration.ofHours(1))),
                next(Duration.ofDays(2), Optional.empty()));
    }

    @Test
    void aWeekendPauseCostsAFractionOfTheLooksItCostAtFifteenMinutes() {
        int looks = 0;
        Instant look = PAUSED;
        while (look.isBefore(PAUSED.plus(Duration.ofHours(48)))) {
            look = LOOKS.next(PAUSED, look, Optional.empty()).orElseThrow();
            looks++;
        }
        assertEquals(55, looks, "192 looks a message at a fixed 15 minutes");
    }

    @Test
    void aDeadlineBeforeTheLongerLookKeepsTheShortOneAndOnlyAnEarlierOneExpires() {
        Instant now = at(Duration.ofHours(4));
        assertEquals(Optional.of(now.plus(Duration.ofMinutes(15))),
                LOOKS.next(PAUSED, now, Optional.of(now.plus(Duration.ofMinutes(40)))));
        assertEquals(Optional.of(now.plus(Duration.ofMinutes(15))),
                LOOKS.next(PAUSED, now, Optional.of(now.plus(Duration.ofMinutes(15)))));
        assertEquals(Optional.empty(), LOOKS.next(PAUSED, now, Optional.of(now.plus(Duration.ofMinutes(10)))),
                "expired while paused");
    }

    @Test
    void settingsThatCannotWorkStopTheFunctionAtStartUp() {
        assertThrows(IllegalStateException.class, () -> new PauseLooks(Duration.ZERO, Duration.ofHours(1)));
        assertThrows(IllegalStateException.class,
                () -> new PauseLooks(Duration.ofMinutes(30), Duration.ofMinutes(15)));
    }

    private static Optional<Instant> next(Duration pausedFor, Optional<Instant> notAfter) {
        return LOOKS.next(PAUSED, at(pausedFor), notAfter);
    }

    private static Instant at(Duration pausedFor) {
        return PAUSED.plus(pausedFor);
    }
}
