package dev.storecrm.domain.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.rfm.RfmChange.Group;
import dev.storecrm.domain.rfm.RfmChange.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RfmChangeTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final RfmRules RULES = RfmRules.defaults();

    private static Optional<RfmState> state(long daysAgo, long orders, long spend, RfmBoundaries boundaries) {
        RfmInputs in = new RfmInputs(NOW.minus(Duration.ofDays(daysAgo)), orders, spend, 0, 1, 0);
        return RULES.evaluate("c-1", Optional.of(in), List.of("o-" + orders), boundaries, Optional.empty(),
                Optional.empty(), NOW);
    }

    @Test
    void aNewOrderMovesTheMemberBetweenBucketsAndSegmentsByDifference() {
        Optional<RfmState> before = state(200, 1, 9_900, RfmBoundaries.MIDDLE);
        Optional<RfmState> after = state(0, 2, 19_800, RfmBoundaries.MIDDLE);
        RfmChange change = new RfmChange("c-1", before, after);
        assertEquals(0, change.membersDelta());
        assertEquals(Map.of(1, -1L, 2, 1L), change.frequencyDeltas());
        assertEquals(2, change.weekDeltas().size(), "out of its old week, into this one");
        assertTrue(change.left().isEmpty() && change.joined().isEmpty(), "MIDDLE scores and under 360 days both"
                + " times: the same segment and audiences");
    }

    @Test
    void aLapseIntoTheDormantYearSwapsOneAudienceForAnother() {
        RfmChange change = new RfmChange("c-1", state(359, 1, 9_900, RfmBoundaries.MIDDLE),
                state(360, 1, 9_900, RfmBoundaries.MIDDLE));
        assertEquals(List.of(new Group(Kind.AUDIENCE, "bought-360d")), change.left());
        assertEquals(List.of(new Group(Kind.AUDIENCE, "no-order-360d")), change.joined());
        assertEquals(0, change.membersDelta());
    }

    @Test
    void aMemberWhoseOrdersWereAllTakenBackLeavesEverything() {
        Optional<RfmState> before = state(10, 1, 9_900, RfmBoundaries.MIDDLE);
        RfmChange change = new RfmChange("c-1", before, Optional.empty());
        assertEquals(-1, change.membersDelta());
        assertEquals(before.get().audiences().size() + 1, change.left().size(), "its segment and its audiences");
        assertTrue(change.joined().isEmpty());
    }

    @Test
    void theNextCheckIsTheEarliestOfRefreshAndRulesAndTheRefreshCanBeTurnedOff() {
        RfmState state = state(100, 1, 9_900, RfmBoundaries.MIDDLE).orElseThrow();
        assertEquals(Optional.of(NOW.plus(RfmRules.DEFAULT_REFRESH)), state.nextCheck());
        RfmRules noRefresh = new RfmRules(RULES.segments(), RULES.audiences(), Duration.ZERO);
        RfmInputs in = state.inputs();
        RfmState withoutRefresh = noRefresh.evaluate("c-1", Optional.of(in), List.of(), RfmBoundaries.MIDDLE,
                Optional.empty(), Optional.empty(), NOW).orElseThrow();
        assertEquals(Optional.of(in.lastOrderAt().plus(Duration.ofDays(360))), withoutRefresh.nextCheck(),
                "the day the silence reaches 360 days");
    }
}
