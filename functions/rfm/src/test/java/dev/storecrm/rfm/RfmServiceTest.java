package dev.storecrm.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.messaging.Timers;
import dev.storecrm.domain.rfm.RfmChange;
import dev.storecrm.domain.rfm.RfmRecheck;
import dev.storecrm.domain.rfm.RfmRules;
import dev.storecrm.domain.rfm.RfmState;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.StorePolicies;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.memory.InMemoryMembers;
import dev.storecrm.fixtures.memory.InMemoryRfmBook;
import dev.storecrm.fixtures.memory.InMemoryTimers;
import dev.storecrm.rfm.RfmService.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * RfmService with in-memory ports and the shipped segments and audiences: what a member's recheck writes and arms,
 * when it writes nothing, and what it reads. Members sliding through the segments over months, and a bad message
 * in a batch, through the real function are {@code RfmIT}'s.
 */
class RfmServiceTest {

    private static final Instant NOW = Instant.parse("2027-03-10T04:00:00Z");
    private static final Duration BOUNDARIES_FOR = Duration.ofMinutes(5);

    private final SimulatedClock clock = new SimulatedClock(NOW);
    private final StorePolicies policies = StorePolicies.defaults();
    private final InMemoryMembers members = new InMemoryMembers(policies.members(), clock);
    private final InMemoryRfmBook book = new InMemoryRfmBook();
    private final InMemoryTimers timers = new InMemoryTimers();
    private final List<List<String>> couponReads = new ArrayList<>();
    private final RfmService service = new RfmService(members, book, (customerId, orderIds) -> {
        couponReads.add(orderIds);
        return 0;
    }, timers, policies.members(), RfmRules.defaults(), BOUNDARIES_FOR, clock);

    @Test
    void aMemberWithoutAnOrderHasNoRfmAndCostsNoWrite() {
        members.apply(Events.memberRegistered("c-1").at(NOW.minus(Duration.ofDays(3))));

        assertEquals(Outcome.UNCHANGED, service.recheck("c-1"));
        assertEquals(Outcome.UNCHANGED, service.recheck("c-unknown"), "a member the archive does not know");

        assertEquals(0, book.saves());
        assertEquals(List.of(), timers.armed());
        assertEquals(List.of(), couponReads);
    }

    @Test
    void aFirstOrderGivesTheMemberASegmentCountedTodayAndATimerForItsNextLapseAndARecheckChangesNothing() {
        paid("c-1", "o-1", NOW.minus(Duration.ofDays(10)));

        assertEquals(Outcome.CHANGED, service.recheck("c-1"));
        assertEquals(Outcome.UNCHANGED, service.recheck("c-1"), "the archive's message delivered again");

        RfmState state = book.find("c-1", true).orElseThrow();
        assertEquals(List.of("o-1"), state.recentOrderIds());
        assertEquals(1, book.saves());
        assertEquals(Map.of(new RfmChange.Group(RfmChange.Kind.SEGMENT, state.segment()), 1L),
                segments(book.counts(LocalDate.of(2027, 3, 10))));
        Timers.Timer timer = timers.find(RfmRecheck.timerId("c-1")).orElseThrow();
        assertEquals(RfmRecheck.TARGET, timer.target());
        assertEquals(state.nextCheck(), Optional.of(timer.dueAt()));
        assertTrue(timer.dueAt().isAfter(NOW), timer.dueAt().toString());
    }

    @Test
    void theTimerFiringRearmsItForTheNextLapseWithoutCountingTheCouponsAgain() {
        paid("c-1", "o-1", NOW.minus(Duration.ofDays(10)));
        service.recheck("c-1");
        Instant firstCheck = timers.find(RfmRecheck.timerId("c-1")).orElseThrow().dueAt();
        clock.set(firstCheck);

        assertEquals(Outcome.CHANGED, service.recheck("c-1"));

        Instant nextCheck = timers.find(RfmRecheck.timerId("c-1")).orElseThrow().dueAt();
        assertTrue(nextCheck.isAfter(firstCheck), firstCheck + " then " + nextCheck);
        assertEquals(Optional.of(nextCheck), book.find("c-1", true).orElseThrow().nextCheck());
        assertEquals(List.of(List.of("o-1")), couponReads, "the latest orders did not change: not read again");

        paid("c-1", "o-2", firstCheck);
        service.recheck("c-1");
        assertEquals(List.of(List.of("o-1"), List.of("o-2", "o-1")), couponReads, "a new order: read again");
    }

    @Test
    void theBoundariesAreReadOncePerPeriodForEveryMemberAndAgainWhenTheClockGoesBack() {
        paid("c-1", "o-1", NOW.minus(Duration.ofDays(10)));
        paid("c-2", "o-2", NOW.minus(Duration.ofDays(20)));

        service.recheck("c-1");
        service.recheck("c-2");
        assertEquals(1, book.histogramReads(), "one read for both members");

        clock.set(NOW.plus(BOUNDARIES_FOR));
        service.recheck("c-1");
        assertEquals(2, book.histogramReads(), "read again once the period is over");

        clock.set(NOW);
        service.recheck("c-2");
        assertEquals(3, book.histogramReads(), "a clock set back does not keep boundaries from its future");
    }

    private void paid(String customerId, String orderId, Instant at) {
        members.apply(Events.orderPlaced(customerId, orderId).at(at.minusSeconds(60)).total(30_000));
        members.apply(Events.orderPaid(customerId, orderId).at(at).amount(30_000));
    }

    private static Map<RfmChange.Group, Long> segments(Map<RfmChange.Group, Long> counts) {
        Map<RfmChange.Group, Long> segments = new HashMap<>(counts);
        segments.keySet().removeIf(group -> group.kind() != RfmChange.Kind.SEGMENT);
        segments.values().removeIf(count -> count == 0);
        return segments;
    }
}
