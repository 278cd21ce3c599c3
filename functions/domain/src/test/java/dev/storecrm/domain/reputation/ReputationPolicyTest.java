package dev.storecrm.domain.reputation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storecrm.domain.reputation.ReputationGuard.Reason;
import dev.storecrm.domain.reputation.SendingReputation.Counts;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pause rule with the template's defaults: 0.08 % complaints or 4 % hard bounces of at least 1000 sends. */
class ReputationPolicyTest {

    private final ReputationPolicy policy = new ReputationPolicy(0.08, 4, 1000, Duration.ofHours(168));

    @Test
    void ratesAtOrOverTheirThresholdPauseComplaintsFirst() {
        assertEquals(Optional.empty(), policy.breach(new Counts(1250, 49, 0)));
        assertEquals(Optional.of(Reason.COMPLAINT_RATE), policy.breach(new Counts(1250, 0, 1)), "1 in 1250 is 0.08 %");
        assertEquals(Optional.empty(), policy.breach(new Counts(1251, 0, 1)));
        assertEquals(Optional.of(Reason.BOUNCE_RATE), policy.breach(new Counts(1250, 50, 0)), "50 in 1250 is 4 %");
        assertEquals(Optional.of(Reason.COMPLAINT_RATE), policy.breach(new Counts(1250, 50, 1)));
    }

    @Test
    void tooFewSendsAreNotJudged() {
        assertEquals(Optional.empty(), policy.breach(new Counts(999, 500, 500)));
        assertEquals(Optional.empty(), policy.breach(Counts.NONE));
    }

    @Test
    void aPolicyThatCouldNeverOrWouldAlwaysPauseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ReputationPolicy(0, 4, 1000, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new ReputationPolicy(0.08, 101, 1000, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new ReputationPolicy(0.08, 4, 0, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new ReputationPolicy(0.08, 4, 10, Duration.ofMinutes(59)));
    }
}
