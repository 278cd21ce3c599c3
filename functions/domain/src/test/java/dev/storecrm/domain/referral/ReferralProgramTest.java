package dev.storecrm.domain.referral;

import static dev.storecrm.domain.referral.ReferralRulesTest.POLICY;
import static dev.storecrm.domain.referral.ReferralRulesTest.order;
import static dev.storecrm.domain.referral.ReferralRulesTest.party;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storecrm.domain.member.MembershipStatus;
import dev.storecrm.domain.referral.ReferralProgram.Outcome;
import dev.storecrm.domain.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReferralProgramTest {

    private final ReferralInMemory stores = new ReferralInMemory();
    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2027-02-10T09:00:00Z"));
    private final ReferralProgram program = new ReferralProgram(stores, stores, stores, reward -> stores, POLICY,
            clock);
    private final ReferralDue due = new ReferralDue("c-b");

    @BeforeEach
    void members() {
        stores.members.put("c-a", party("c-a", MembershipStatus.ACTIVE, "a@example.com", null, null));
        stores.members.put("c-b", party("c-b", MembershipStatus.ACTIVE, "b@example.com", null, "c-a"));
    }

    @Test
    void theRewardWaitsForTheRefundWindowAndIsGivenOnceHoweverOftenTheTimerFires() {
        assertEquals(Outcome.PENDING, program.onOrder(order("o-1", "2027-02-10T08:00:00Z", false)));
        assertEquals(Map.of("c-b", Instant.parse("2027-03-12T08:00:00Z")), stores.timers);
        assertEquals(Outcome.UNCHANGED, program.onOrder(order("o-1", "2027-02-10T08:00:00Z", false)));
        clock.advance(Duration.ofDays(10));
        assertEquals(Outcome.NOT_YET, program.due(due), "an early firing rearms");
        assertEquals(0, stores.memberReads, "nothing is read about the members before the window ends");
        clock.advance(Duration.ofDays(21));
        assertEquals(Outcome.REWARDED, program.due(due));
        assertEquals(Outcome.UNCHANGED, program.due(due), "a timer delivered twice");
        assertEquals(Map.of("c-a", 500L, "c-b", 200L), stores.points);
        assertEquals(Map.of("referral:c-b", 500L, "referral-welcome:c-b", 200L), stores.applied);
    }

    @Test
    void aRefundOfTheFirstOrderAfterTheRewardTakesItBackOnce() {
        program.onOrder(order("o-1", "2027-02-10T08:00:00Z", false));
        clock.advance(Duration.ofDays(31));
        program.due(due);
        stores.points.merge("c-a", -100L, Long::sum);
        assertEquals(Outcome.REVERSED, program.onOrder(order("o-1", "2027-02-10T08:00:00Z", true)));
        assertEquals(Outcome.UNCHANGED, program.onOrder(order("o-1", "2027-02-10T08:00:00Z", true)));
        assertEquals(Map.of("c-a", 0L, "c-b", 0L), stores.points, "the referrer had spent 100 of the 500");
        assertEquals(-400L, stores.applied.get("referral:c-b:reversal"));
        assertEquals("reversed", stores.referrals.get("c-b").value().status().wire());
    }

    @Test
    void aRefundWithinTheWindowMeansNoRewardAndNoTimer() {
        program.onOrder(order("o-1", "2027-02-10T08:00:00Z", false));
        assertEquals(Outcome.REVERSED, program.onOrder(order("o-1", "2027-02-10T08:00:00Z", true)));
        assertEquals(Map.of(), stores.timers);
        clock.advance(Duration.ofDays(31));
        assertEquals(Outcome.UNCHANGED, program.due(due));
        assertEquals(Map.of(), stores.points);
    }

    @Test
    void aCrashBetweenTheDecisionAndThePointsIsMadeGoodByTheRedelivery() {
        program.onOrder(order("o-1", "2027-02-10T08:00:00Z", false));
        clock.advance(Duration.ofDays(31));
        stores.failNextGive = true;
        assertThrows(IllegalStateException.class, () -> program.due(due));
        assertEquals(Map.of(), stores.points);
        assertEquals(Outcome.UNCHANGED, program.due(due), "the message comes back: the referral is decided");
        assertEquals(Map.of("c-a", 500L, "c-b", 200L), stores.points);
    }

    @Test
    void aLoopIsRefusedWithItsPathAndTheChainReadIsBounded() {
        stores.members.put("c-a", party("c-a", MembershipStatus.ACTIVE, null, null, "c-c"));
        stores.members.put("c-c", party("c-c", MembershipStatus.ACTIVE, null, null, "c-d"));
        stores.members.put("c-d", party("c-d", MembershipStatus.ACTIVE, null, null, "c-e"));
        stores.members.put("c-e", party("c-e", MembershipStatus.ACTIVE, null, null, "c-f"));
        stores.members.put("c-f", party("c-f", MembershipStatus.ACTIVE, null, null, "c-b"));
        program.onOrder(order("o-1", "2027-02-10T08:00:00Z", false));
        clock.advance(Duration.ofDays(31));
        assertEquals(Outcome.REWARDED, program.due(due), "the loop closes 5 referrers up, beyond the depth of 3");
        assertEquals(5, stores.memberReads, "referrer, referee and 3 up");

        stores.members.put("c-x", party("c-x", MembershipStatus.ACTIVE, null, null, "c-y"));
        stores.members.put("c-y", party("c-y", MembershipStatus.ACTIVE, null, null, "c-x"));
        program.onOrder(new ReferralOrder("c-y", Optional.of("c-x"), "o-9", Optional.of(clock.instant()), false));
        clock.advance(Duration.ofDays(31));
        assertEquals(Outcome.REFUSED, program.due(new ReferralDue("c-y")));
        assertEquals(Optional.of("referral loop: c-y -> c-x -> c-y"),
                stores.referrals.get("c-y").value().reason());
        assertEquals(Outcome.UNCHANGED, program.onOrder(new ReferralOrder("c-y", Optional.of("c-x"), "o-9",
                Optional.of(Instant.parse("2027-03-13T09:00:00Z")), true)), "a refused referral stays refused");
        assertEquals(2, stores.recordedIn(YearMonth.of(2027, 2), Optional.empty(), 10).referrals().size()
                + stores.recordedIn(YearMonth.of(2027, 3), Optional.empty(), 10).referrals().size());
    }
}
