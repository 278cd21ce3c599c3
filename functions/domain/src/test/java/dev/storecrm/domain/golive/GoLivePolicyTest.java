package dev.storecrm.domain.golive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GoLivePolicyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant GO_LIVE = Instant.parse("2027-01-04T00:00:00Z");
    private static final GoLivePolicy POLICY = new GoLivePolicy(Optional.of(GO_LIVE), Duration.ofDays(14));

    @Test
    void goLiveIsADateInTheStoreZoneOrAMomentWithOrWithoutItsOffset() {
        assertEquals(Optional.of(Instant.parse("2027-01-03T16:00:00Z")),
                GoLivePolicy.parse("2027-01-04", 14, SHANGHAI).at(), "a date is its start in the store's time zone");
        assertEquals(Optional.of(GO_LIVE), GoLivePolicy.parse("2027-01-04T08:00:00+08:00", 14, SHANGHAI).at());
        assertEquals(Optional.of(GO_LIVE), GoLivePolicy.parse("2027-01-04T00:00:00Z", 14, SHANGHAI).at());
        assertEquals(Optional.of(GO_LIVE), GoLivePolicy.parse(" 2027-01-04T08:00 ", 14, SHANGHAI).at(),
                "a local date and time is the store's");
        assertEquals(Optional.empty(), GoLivePolicy.parse("", 14, SHANGHAI).at());
        assertEquals(Duration.ofDays(30), GoLivePolicy.parse("", 30, SHANGHAI).ramp());
    }

    @Test
    void aMalformedGoLiveOrANegativeRampIsRefusedSayingWhatIsExpected() {
        IllegalArgumentException date = assertThrows(IllegalArgumentException.class,
                () -> GoLivePolicy.parse("04/01/2027", 14, SHANGHAI));
        assertTrue(date.getMessage().contains("GoLiveAt must be empty, a date (2027-01-04)"), date.getMessage());
        IllegalArgumentException ramp = assertThrows(IllegalArgumentException.class,
                () -> GoLivePolicy.parse("2027-01-04", -1, SHANGHAI));
        assertTrue(ramp.getMessage().contains("GoLiveRampDays"), ramp.getMessage());
    }

    @Test
    void aStepDueAfterGoLiveKeepsItsTime() {
        Instant due = GO_LIVE.plus(Duration.ofDays(3));
        assertEquals(due, POLICY.stepDue("c-1", due, GO_LIVE.minus(Duration.ofDays(200))), "armed long before go-live");
        assertEquals(due, POLICY.stepDue("c-1", due, GO_LIVE.plus(Duration.ofDays(1))), "armed after go-live");
    }

    @Test
    void aStepHistoryMadeDueGoesOnceAtTheMembersOwnPlaceInTheRamp() {
        Instant importedAt = GO_LIVE.plus(Duration.ofMinutes(7));
        Instant due = GO_LIVE.minus(Duration.ofDays(120));
        Instant slot = POLICY.stepDue("c-1", due, importedAt);
        assertFalse(slot.isBefore(importedAt), "never before the import reaches the member: " + slot);
        assertTrue(slot.isBefore(importedAt.plus(Duration.ofDays(14))), "within the ramp: " + slot);
        assertEquals(slot, POLICY.stepDue("c-1", GO_LIVE.minus(Duration.ofDays(3)), importedAt),
                "whichever step was due, and however often it is armed again, the member's place stays");
        assertTrue(POLICY.stepDue("c-2", due, importedAt).compareTo(slot) != 0, "another member, another place");
    }

    @Test
    void anImportBeforeGoLiveWaitsForGoLiveAndOneAfterItRampsFromItsArrival() {
        Instant early = GO_LIVE.minus(Duration.ofDays(5));
        Instant slot = POLICY.stepDue("c-1", GO_LIVE.minus(Duration.ofDays(1)), early);
        assertFalse(slot.isBefore(GO_LIVE), "a step falling due between the import and go-live waits: " + slot);
        Instant late = GO_LIVE.plus(Duration.ofDays(40));
        Instant rampedLate = POLICY.stepDue("c-1", GO_LIVE.minus(Duration.ofDays(1)), late);
        assertEquals(Duration.between(GO_LIVE, slot), Duration.between(late, rampedLate),
                "a history imported after go-live is spread from its arrival, not fired for the days gone by");
    }

    @Test
    void aThousandImportedSilencesAreSpreadEvenlyOverTheRampDays() {
        TreeMap<Long, Integer> perDay = new TreeMap<>();
        for (int n = 1; n <= 1000; n++) {
            Instant slot = POLICY.stepDue(String.format("sim-c-%05d", n), GO_LIVE.minus(Duration.ofDays(90)), GO_LIVE);
            perDay.merge(Duration.between(GO_LIVE, slot).toDays(), 1, Integer::sum);
        }
        assertEquals(14, perDay.size(), "every ramp day and no other: " + perDay);
        assertEquals(0L, perDay.firstKey());
        perDay.forEach((day, members) -> assertTrue(members >= 45 && members <= 100,
                "day " + day + " takes " + members + " of 1000 (an even share is 71): " + perDay));
    }

    @Test
    void withoutARampOrAGoLiveMomentTheRulesStillHold() {
        GoLivePolicy noRamp = new GoLivePolicy(Optional.of(GO_LIVE), Duration.ZERO);
        assertEquals(GO_LIVE, noRamp.stepDue("c-1", GO_LIVE.minus(Duration.ofDays(90)),
                GO_LIVE.minus(Duration.ofDays(2))));
        GoLivePolicy none = GoLivePolicy.none();
        Instant now = Instant.parse("2027-03-01T10:00:00Z");
        Instant overdue = none.stepDue("c-1", now.minus(Duration.ofDays(30)), now);
        assertTrue(!overdue.isBefore(now) && overdue.isBefore(now.plus(GoLivePolicy.DEFAULT_RAMP)),
                "a step overdue when its event arrives is spread from the arrival: " + overdue);
        assertEquals(now.plusSeconds(5), none.stepDue("c-1", now.plusSeconds(5), now));
        assertTrue(none.greets(Instant.EPOCH), "no go-live: every greeting goes");
        assertFalse(none.isHistory(Instant.EPOCH));
    }

    @Test
    void aCartStartsItsSequenceOnlyIfItsFirstStepComesAfterGoLiveAndItsLastAfterItsArrival() {
        Duration reminder = Duration.ofHours(1);
        Duration coupon = Duration.ofHours(24);
        Instant importedAt = GO_LIVE.plus(Duration.ofMinutes(3));
        assertFalse(POLICY.startsSequence(GO_LIVE.minus(Duration.ofDays(200)), reminder, coupon, importedAt),
                "a cart older than its sequence");
        assertFalse(POLICY.startsSequence(GO_LIVE.minus(Duration.ofHours(3)), reminder, coupon, importedAt),
                "a cart whose reminder was due before go-live (the store's former system had it)");
        assertTrue(POLICY.startsSequence(GO_LIVE.minus(Duration.ofMinutes(20)), reminder, coupon, importedAt),
                "a cart left minutes before go-live is reminded after it");
        Instant live = GO_LIVE.plus(Duration.ofDays(10));
        assertTrue(POLICY.startsSequence(live.minus(Duration.ofHours(3)), reminder, coupon, live),
                "after go-live, an event a few hours late still starts what is left of its sequence");
        assertFalse(POLICY.startsSequence(live.minus(Duration.ofHours(25)), reminder, coupon, live),
                "an event arriving after its whole sequence would have ended starts nothing");
        assertFalse(GoLivePolicy.none().startsSequence(live.minus(Duration.ofHours(25)), reminder, coupon, live));
        assertTrue(GoLivePolicy.none().startsSequence(live.minus(Duration.ofHours(3)), reminder, coupon, live));
    }

    @Test
    void greetingsAndDisputeMessagesBeforeGoLiveAreHistorys() {
        assertFalse(POLICY.greets(GO_LIVE.minusSeconds(1)));
        assertTrue(POLICY.greets(GO_LIVE));
        assertTrue(POLICY.isHistory(GO_LIVE.minus(Duration.ofDays(400))));
        assertFalse(POLICY.isHistory(GO_LIVE.plusSeconds(1)));
    }
}
