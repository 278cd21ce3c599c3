package dev.storecrm.domain.winback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WinBackPolicyTest {

    private static final WinBackPolicy POLICY = new WinBackPolicy(
            WinBackPolicy.parseSteps("60,90,180", "*=5%;*=10%;*=15%"), Duration.ofDays(360), Duration.ofDays(14),
            Duration.ofDays(14));
    private static final Instant EPISODE = Instant.parse("2026-06-01T02:00:00Z");

    @Test
    void aStepTakenOnTimeLeavesTheNextAtItsDaysOfSilence() {
        WinBackPolicy.Step first = POLICY.steps().get(0);
        WinBackPolicy.Step second = POLICY.steps().get(1);
        assertEquals(EPISODE.plus(Duration.ofDays(90)), POLICY.nextDue(EPISODE, first, second,
                EPISODE.plus(Duration.ofDays(60))));
    }

    @Test
    void aStepTakenLateKeepsTheSpacingToTheNext() {
        WinBackPolicy.Step second = POLICY.steps().get(1);
        WinBackPolicy.Step third = POLICY.steps().get(2);
        Instant rampedAt = EPISODE.plus(Duration.ofDays(177));
        assertEquals(rampedAt.plus(Duration.ofDays(90)), POLICY.nextDue(EPISODE, second, third, rampedAt),
                "step 2 sent at 177 days of silence (the go-live ramp): step 3 follows 90 days later, not in 3 days");
        Instant minuteLate = EPISODE.plus(Duration.ofDays(60)).plusSeconds(59);
        assertEquals(minuteLate.plus(Duration.ofDays(30)), POLICY.nextDue(EPISODE, POLICY.steps().get(0), second,
                minuteLate), "a sweep a minute late moves the next step by that minute");
    }
}
