package dev.storecrm.winback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.domain.golive.GoLivePolicy;
import dev.storecrm.domain.coupon.Coupon;
import dev.storecrm.domain.coupon.CouponValue;
import dev.storecrm.domain.messaging.ExitCondition;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.Timers.Timer;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.domain.winback.WinBackJournal;
import dev.storecrm.domain.winback.WinBackTimer;
import dev.storecrm.fixtures.StorePolicies;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.memory.InMemoryCoupons;
import dev.storecrm.fixtures.memory.InMemoryMembers;
import dev.storecrm.fixtures.memory.InMemoryTimers;
import dev.storecrm.fixtures.memory.InMemoryWinBackJournal;
import dev.storecrm.fixtures.memory.RecordingOutbox;
import dev.storecrm.fixtures.time.TimeTravel;
import dev.storecrm.winback.WinBackService.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The win-back sequence with in-memory ports and time travel, with the template's default policy:
 * steps after 60, 90 and 180 silent days (coupons 5 %, 10 %, 15 %), dormant after 360.
 */
class WinBackServiceTest {

    private static final StorePolicies STORE = StorePolicies.defaults();
    private static final Instant PAID = Instant.parse("2026-01-10T02:00:00Z");

    private final SimulatedClock clock = new SimulatedClock(PAID.minus(Duration.ofDays(30)));
    private final InMemoryMembers members = new InMemoryMembers(STORE.members(), clock);
    private final InMemoryWinBackJournal journal = new InMemoryWinBackJournal();
    private final InMemoryCoupons coupons = new InMemoryCoupons();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final InMemoryTimers timers = new InMemoryTimers();
    private final WinBackService service = new WinBackService(members, STORE.members(), STORE.winBack(), journal,
            coupons, outbox, timers, StorePolicies.STORE_ZONE, GoLivePolicy.none(), Holdout.NONE, clock);
    private final TimeTravel travel = new TimeTravel(clock, timers)
            .on(WinBackTimer.TARGET, body -> service.fired(WinBackInput.read(body)));

    @Test
    void aSilentMemberGetsEachStepWithItsCouponAndThenTurnsDormant() {
        memberWhoPaidOnce("c-1");
        travel.to(PAID.plus(Duration.ofDays(400)));

        assertEquals(List.of("WINBACK#c-1#2026-01-10#1", "WINBACK#c-1#2026-01-10#2", "WINBACK#c-1#2026-01-10#3"),
                outbox.keys());
        assertEquals(List.of(new CouponValue.Percent(5), new CouponValue.Percent(10), new CouponValue.Percent(15)),
                coupons.issued().stream().map(Coupon::value).toList());
        assertEquals(List.of(1, 2, 3, 0), journal.of("c-1").stream().map(WinBackJournal.Entry::step).toList(),
                "three steps, then the dormant status");
        assertEquals(PAID.plus(Duration.ofDays(360)), journal.of("c-1").getLast().enteredAt());
        assertTrue(timers.armed().isEmpty(), "nothing after the dormant status");
    }

    @Test
    void aStepsMessageLeavesIfTheMemberOrdersFirstAndNeverGoesAfterTheNextStep() {
        memberWhoPaidOnce("c-1");
        travel.to(PAID.plus(Duration.ofDays(61)));
        MessageRequest first = outbox.only("WINBACK#c-1#2026-01-10#1");
        assertEquals(Optional.of(new ExitCondition.NoOrderSince(PAID.plusMillis(1))), first.exitCondition());
        assertEquals(Optional.of(PAID.plus(Duration.ofDays(90))), first.notAfter());
        assertEquals("c-1", coupons.issued().getFirst().customerId());
        assertEquals(coupons.issued().getFirst().code(), couponCode(first));
    }

    @Test
    void anOrderEndsTheEpisodeAndItsSilenceStartsAnewFromThatPayment() {
        memberWhoPaidOnce("c-1");
        travel.to(PAID.plus(Duration.ofDays(70)));
        Instant again = PAID.plus(Duration.ofDays(70));
        members.apply(Events.orderPaid("c-1", "o-2").at(again));

        travel.to(again.plus(Duration.ofDays(61)));

        assertEquals(List.of("WINBACK#c-1#2026-01-10#1", "WINBACK#c-1#2026-03-21#1"), outbox.keys(),
                "no second step of the old silence; the new one starts at its own first step");
        assertEquals(List.of(PAID, again), journal.of("c-1").stream().map(WinBackJournal.Entry::episode).toList());
    }

    @Test
    void aFrozenMemberGetsNoMessageAndNoCouponAndTheJournalSaysWhy() {
        memberWhoPaidOnce("c-1");
        clock.set(PAID.plus(Duration.ofDays(1)));
        members.apply(Events.memberUpdated("c-1").at(clock.instant()).status("frozen"));

        travel.to(PAID.plus(Duration.ofDays(100)));

        assertEquals(List.of(), outbox.requests());
        assertEquals(List.of(), coupons.issued());
        assertEquals(List.of(Optional.of("membership frozen"), Optional.of("membership frozen")),
                journal.of("c-1").stream().map(WinBackJournal.Entry::skipped).toList());
    }

    @Test
    void aLateFiringSendsOnlyTheLatestStepReachedNotABacklog() {
        memberWhoPaidOnce("c-1");
        String stepOne = timers.find(WinBackTimer.timerId("c-1")).orElseThrow().body();
        clock.set(PAID.plus(Duration.ofDays(100)));

        assertEquals(Outcome.STEP_SENT, service.fired(WinBackInput.read(stepOne)));

        assertEquals(List.of("WINBACK#c-1#2026-01-10#2"), outbox.keys());
        assertEquals(PAID.plus(Duration.ofDays(190)), timers.find(WinBackTimer.timerId("c-1")).orElseThrow().dueAt(),
                "armed for the third step, as long after the second as the sequence puts between them (90 days)");
    }

    @Test
    void aRedeliveredFiringAsksForTheSameMessageWithTheSameCouponAndRecordsTheStepOnce() {
        memberWhoPaidOnce("c-1");
        String stepOne = timers.find(WinBackTimer.timerId("c-1")).orElseThrow().body();
        clock.set(PAID.plus(Duration.ofDays(60)).plusSeconds(30));

        service.fired(WinBackInput.read(stepOne));
        service.fired(WinBackInput.read(stepOne));

        assertEquals(List.of("WINBACK#c-1#2026-01-10#1", "WINBACK#c-1#2026-01-10#1"), outbox.keys(),
                "the same business key: the sender sends it once");
        assertEquals(1, coupons.issued().size());
        assertEquals(couponCode(outbox.requests().get(0)), couponCode(outbox.requests().get(1)));
        assertEquals(1, journal.of("c-1").size());
    }

    @Test
    void aMemberHeldOutOfTheEpisodeGetsNoMessageNorCouponAndEveryStepIsRecordedAsHeldOut() {
        Holdout half = Holdout.percent("50");
        String held = firstMember(id -> half.holdsOut(id, "win-back", "2026-01-10"));
        String treated = firstMember(id -> !half.holdsOut(id, "win-back", "2026-01-10"));
        WinBackService withHoldout = new WinBackService(members, STORE.members(), STORE.winBack(), journal, coupons,
                outbox, timers, StorePolicies.STORE_ZONE, GoLivePolicy.none(), half, clock);
        TimeTravel travelWithHoldout = new TimeTravel(clock, timers)
                .on(WinBackTimer.TARGET, body -> withHoldout.fired(WinBackInput.read(body)));
        memberWhoPaidOnce(held);
        clock.set(PAID.minus(Duration.ofDays(30)));
        memberWhoPaidOnce(treated);

        travelWithHoldout.to(PAID.plus(Duration.ofDays(400)));

        List<MessageRequest> heldOut = outbox.requests().stream().filter(MessageRequest::heldOut).toList();
        assertEquals(List.of("WINBACK#" + held + "#2026-01-10#1", "WINBACK#" + held + "#2026-01-10#2",
                "WINBACK#" + held + "#2026-01-10#3"), heldOut.stream().map(MessageRequest::businessKey).toList(),
                "each step's key, for the sender to record as held out");
        assertTrue(heldOut.stream().allMatch(r -> couponCode(r).isEmpty()), "no coupon in a held-out step");
        assertTrue(coupons.issued().stream().noneMatch(c -> c.customerId().equals(held)), "no coupon issued");
        assertEquals(List.of(WinBackService.HELD_OUT, WinBackService.HELD_OUT, WinBackService.HELD_OUT),
                journal.of(held).stream().filter(e -> e.step() > 0).map(e -> e.skipped().orElse("")).toList());
        assertEquals(3, coupons.issued().stream().filter(c -> c.customerId().equals(treated)).count(),
                "the member who is not held out gets the sequence as before");
        assertTrue(outbox.requests().stream().filter(r -> r.businessKey().contains(treated))
                .noneMatch(MessageRequest::heldOut));
    }

    @Test
    void aFiringForAMemberTheArchiveDoesNotKnowDoesNothing() {
        clock.set(PAID.plus(Duration.ofDays(60)));
        assertEquals(Outcome.NO_MEMBER, service.fired(new WinBackTimer("c-gone", PAID, 1)));
        assertTrue(outbox.requests().isEmpty());
        assertTrue(timers.armed().isEmpty());
    }

    /** A registered member with one paid order, and the win-back timer the member archive arms for it. */
    private void memberWhoPaidOnce(String customerId) {
        members.apply(Events.memberRegistered(customerId).at(clock.instant()));
        clock.set(PAID);
        members.apply(Events.orderPaid(customerId, "o-1").at(PAID));
        timers.schedule(new Timer(WinBackTimer.timerId(customerId), WinBackTimer.TARGET,
                new WinBackTimer(customerId, PAID, 1).toJson(), PAID.plus(Duration.ofDays(60))));
    }

    private static String firstMember(java.util.function.Predicate<String> wanted) {
        return java.util.stream.IntStream.range(0, 1_000).mapToObj(i -> "c-" + i).filter(wanted).findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static String couponCode(MessageRequest request) {
        return (String) ((java.util.Map<String, Object>) request.data().get("coupon")).get("code");
    }
}
