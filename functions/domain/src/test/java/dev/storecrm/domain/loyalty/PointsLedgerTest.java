package dev.storecrm.domain.loyalty;

import static dev.storecrm.domain.loyalty.LoyaltyFixtures.POLICY;
import static dev.storecrm.domain.loyalty.LoyaltyFixtures.cancelled;
import static dev.storecrm.domain.loyalty.LoyaltyFixtures.paid;
import static dev.storecrm.domain.loyalty.LoyaltyFixtures.paidOnMemberDay;
import static dev.storecrm.domain.loyalty.LoyaltyFixtures.refunded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.domain.golive.GoLivePolicy;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PointsLedgerTest {

    private final PointsInMemory book = new PointsInMemory();
    private final List<MessageRequest> outbox = new ArrayList<>();
    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2027-03-10T04:00:00Z"));
    private final PointsLedger ledger = new PointsLedger(book, book, outbox::add, POLICY, clock);

    @Test
    void anOrderEarnsItsPointsOnceAndABirthdayOrderItsBonusAsASecondEntry() {
        OrderPoints order = paid("o-1", 3, "2027-03-01T02:00:00Z", 1, 399, 39_900);
        assertTrue(ledger.applyOrder(order));
        assertFalse(ledger.applyOrder(order), "a duplicate changes nothing");
        assertTrue(ledger.applyOrder(paid("o-2", 4, "2027-03-05T02:00:00Z", 2, 200, 10_000)));
        assertEquals(List.of("earned 399", "earned 100", "birthday_bonus 100"), kinds());
        assertEquals(599, book.balance("c-1"));
        assertEquals(Map.of(LocalDate.of(2028, 4, 1), 599L), book.accounts.get("c-1").value().lots().byDate(),
                "paid in March 2027: gone on 1 April 2028");
        assertEquals(Optional.of(Instant.parse("2028-03-02T02:00:00Z")), book.accounts.get("c-1").value().armedFor(),
                "the timer waits for the reminder 30 days before");
        assertEquals(List.of("forward 2028-03-02T02:00:00Z"), book.timerCalls,
                "armed once, not again for the same date");
        assertLedgerAddsUp();
    }

    @Test
    void aMemberDayOrderEarnsItsBonusAsItsOwnEntryAndARefundReversesItAsABirthdayBonusIs() {
        OrderPoints order = paidOnMemberDay("o-1", 3, "2027-03-18T02:00:00Z", "1.5", 148, 9_999);
        assertEquals(99, order.earned(), "99 points at x1.5 are 148.5, rounded down: 99 of them plain");
        assertEquals(49, order.bonus());
        assertTrue(ledger.applyOrder(order));
        assertEquals(OrderPoints.read(dev.storecrm.domain.json.Json.input(order.toJson())), order,
                "the multiplier and the member day travel on LoyaltyQueue");
        assertTrue(ledger.applyOrder(refunded(order, 4, 4_999, 75)));
        assertEquals(List.of("earned 99", "member_day_bonus 49", "reversed -73"), kinds(),
                "half refunded: 50 plain points at x1.5 are 75");
        assertTrue(ledger.applyOrder(cancelled(order, 5)));
        assertEquals(0, book.balance("c-1"));
        assertLedgerAddsUp();
    }

    @Test
    void aMemberDayMultiplierThatDoesNotMakeThePointsIsRefused() {
        assertThrows(dev.storecrm.domain.InvalidInputException.class,
                () -> paidOnMemberDay("o-1", 3, "2027-03-18T02:00:00Z", "1.5", 149, 10_000),
                "99 plain points make 148 at x1.5, 100 make 150: never 149");
    }

    @Test
    void duplicatedAndReorderedMessagesConvergeOnTheLatestRevision() {
        OrderPoints paid = paid("o-1", 3, "2027-03-01T02:00:00Z", 1, 399, 39_900);
        OrderPoints refunded = refunded(paid, 5, 9_900, 300);
        assertTrue(ledger.applyOrder(refunded), "the refund arrives first: the order earns what is left");
        assertFalse(ledger.applyOrder(paid), "the older payment changes nothing");
        assertFalse(ledger.applyOrder(refunded));
        assertEquals(List.of("earned 300"), kinds());
        assertEquals(300, book.balance("c-1"));
    }

    @Test
    void aRefundTakesBackWhatItCanAndRecordsWhatWasAlreadySpent() {
        OrderPoints paid = paid("o-1", 3, "2027-03-01T02:00:00Z", 1, 500, 50_000);
        ledger.applyOrder(paid);
        redeem("o-2", 400);
        assertTrue(ledger.applyOrder(cancelled(paid, 6)));
        LedgerEntry reversal = book.entriesOf("c-1").getLast();
        assertEquals(EntryKind.REVERSED, reversal.kind());
        assertEquals(-100, reversal.points(), "only 100 were left to take");
        assertEquals(400, reversal.posting().uncollected(), "400 had been spent");
        assertEquals(0, book.balance("c-1"));
        assertEquals(0, ledger.order("c-1", "o-1").orElseThrow().earned(), "the order's record follows the archive");
        assertLedgerAddsUp();
    }

    @Test
    void aRefundAfterARedemptionReturnsTheRefundedShareThenTheRestOnCancellation() {
        ledger.applyOrder(paid("o-1", 3, "2027-03-01T02:00:00Z", 1, 1_000, 100_000));
        redeem("o-2", 600);
        OrderPoints o2 = paid("o-2", 7, "2027-03-10T04:05:00Z", 1, 200, 20_000);
        ledger.applyOrder(o2);
        ledger.applyOrder(refunded(o2, 8, 5_000, 150));
        assertEquals(List.of("earned 1000", "redeemed -600", "earned 200", "reversed -50", "returned 150"), kinds(),
                "a quarter of the payment refunded: a quarter of the 600 points back");
        ledger.applyOrder(cancelled(o2, 9));
        assertEquals(List.of("reversed -150", "returned 450"), kinds().subList(5, 7), "cancelled: the rest of them");
        assertEquals(1_000, book.balance("c-1"), "as if o-2 had never been");
        assertEquals(600, ledger.order("c-1", "o-2").orElseThrow().redemption().orElseThrow().returned());
        assertLedgerAddsUp();
    }

    @Test
    void aCancelledOrdersReservationIsReleased() {
        ledger.applyOrder(paid("o-1", 3, "2027-03-01T02:00:00Z", 1, 1_000, 100_000));
        assertInstanceOf(RedemptionOutcome.Done.class, ledger.reserve("c-1", "o-2", 300));
        ledger.applyOrder(new OrderPoints("c-1", "o-2", 9, Optional.empty(), 0, 0, 0, 0, true, Optional.empty()));
        assertEquals(Redemption.Status.RELEASED, ledger.order("c-1", "o-2").orElseThrow().redemption().orElseThrow()
                .status());
        assertEquals(1_000, ledger.account("c-1").orElseThrow().available(clock.instant(), POLICY.storeZone()));
        RedemptionOutcome confirm = ledger.confirm("c-1", "o-2");
        assertEquals(RedemptionOutcome.Refusal.RELEASED, ((RedemptionOutcome.Refused) confirm).refusal());
    }

    @Test
    void theTimerFiresForTheReminderThenTheExpiryAndEachHappensOnce() {
        ledger.applyOrder(paid("o-1", 3, "2027-03-01T02:00:00Z", 1, 399, 39_900));
        clock.set(Instant.parse("2028-03-02T02:00:30Z"));
        assertEquals(new DueOutcome(0, 399), ledger.due(new PointsDue("c-1")));
        MessageRequest reminder = outbox.getFirst();
        assertEquals("POINTS_EXPIRY#c-1#2028-04-01", reminder.businessKey());
        assertEquals(dev.storecrm.domain.messaging.Category.marketing, reminder.category());
        assertEquals("2028-03-31", reminder.data().get("lastDay"));
        assertEquals(Optional.of(Instant.parse("2028-03-31T16:00:00Z")), reminder.notAfter(),
                "pointless once they are gone");
        assertEquals(Optional.empty(), reminder.notBefore(), "no go-live: it goes when the window opens");
        assertEquals(Instant.parse("2028-03-31T16:00:00Z"), book.timers.get("c-1"), "re-armed for the expiry");
        assertEquals(new DueOutcome(0, 0), ledger.due(new PointsDue("c-1")), "a second firing reminds nobody twice");

        clock.set(Instant.parse("2028-03-31T16:00:40Z"));
        assertEquals(new DueOutcome(399, 0), ledger.due(new PointsDue("c-1")));
        assertEquals(List.of("earned 399", "expired -399"), kinds());
        assertEquals(0, book.balance("c-1"));
        assertFalse(book.timers.containsKey("c-1"), "nothing left to expire: no timer");
        assertEquals(1, outbox.size());
        assertLedgerAddsUp();
    }

    @Test
    void aReminderWhoseWindowOpenedBeforeGoLiveWaitsForTheMembersPlaceInTheRamp() {
        Instant goLive = Instant.parse("2028-03-10T00:00:00Z");
        LoyaltyPolicy imported = new LoyaltyPolicy(POLICY.expiry(), 30, 100, POLICY.reminderTime(),
                POLICY.reservationTtl(), POLICY.maxReservations(), POLICY.entryRetention(), POLICY.storeZone(),
                new GoLivePolicy(Optional.of(goLive), Duration.ofDays(14)), Holdout.NONE);
        PointsLedger history = new PointsLedger(book, book, outbox::add, imported, clock);
        history.applyOrder(paid("o-1", 3, "2027-03-01T02:00:00Z", 1, 399, 39_900));
        clock.set(goLive.plusSeconds(300));

        assertEquals(new DueOutcome(0, 399), history.due(new PointsDue("c-1")));
        Instant from = outbox.getFirst().notBefore().orElseThrow(() -> new AssertionError("not spread"));
        Instant expires = Instant.parse("2028-03-31T16:00:00Z");
        assertTrue(!from.isBefore(goLive) && !from.isAfter(expires.minus(Duration.ofDays(1))),
                "in the ramp after go-live, at the latest the day before the points go: " + from);
        assertEquals(new DueOutcome(0, 0), history.due(new PointsDue("c-1")), "asked for once, not again");
        assertEquals(1, outbox.size());
    }

    @Test
    void aMemberHeldOutOfAnExpiryDatesReminderIsRecordedAsHeldOutAndTheOtherDatesAreNot() {
        Holdout half = Holdout.percent("50");
        assertTrue(half.holdsOut("c-1", "points-expiry", "2028-05-01"), "the hash holds c-1 out of 1 May 2028's");
        assertFalse(half.holdsOut("c-1", "points-expiry", "2028-04-01"), "... and not out of 1 April 2028's");
        LoyaltyPolicy withHoldout = new LoyaltyPolicy(POLICY.expiry(), 30, 100, POLICY.reminderTime(),
                POLICY.reservationTtl(), POLICY.maxReservations(), POLICY.entryRetention(), POLICY.storeZone(),
                POLICY.goLive(), half);
        PointsLedger held = new PointsLedger(book, book, outbox::add, withHoldout, clock);
        held.applyOrder(paid("o-1", 3, "2027-03-01T02:00:00Z", 1, 399, 39_900));
        held.applyOrder(paid("o-2", 4, "2027-04-01T02:00:00Z", 1, 200, 20_000));

        clock.set(Instant.parse("2028-03-02T02:00:30Z"));
        held.due(new PointsDue("c-1"));
        clock.set(Instant.parse("2028-04-01T02:00:30Z"));
        held.due(new PointsDue("c-1"));

        assertEquals(List.of("POINTS_EXPIRY#c-1#2028-04-01", "POINTS_EXPIRY#c-1#2028-05-01"),
                outbox.stream().map(MessageRequest::businessKey).toList());
        assertEquals(List.of(false, true), outbox.stream().map(MessageRequest::heldOut).toList(),
                "May's reminder is recorded as held out: the sender sends nothing");
    }

    @Test
    void aReminderForFewerPointsThanTheMinimumIsNotSent() {
        ledger.applyOrder(paid("o-1", 3, "2027-03-01T02:00:00Z", 1, 99, 9_900));
        clock.set(Instant.parse("2028-03-05T00:00:00Z"));
        assertEquals(new DueOutcome(0, 0), ledger.due(new PointsDue("c-1")));
        assertEquals(List.of(), outbox);
        assertEquals(Optional.of(LocalDate.of(2028, 4, 1)), book.accounts.get("c-1").value().remindedThrough());
    }

    @Test
    void aConflictingWriterMakesTheLedgerReadAndDecideAgainAndPersistentContentionGoesBack() {
        book.conflictsToSimulate = 3;
        assertTrue(ledger.applyOrder(paid("o-1", 3, "2027-03-01T02:00:00Z", 1, 399, 39_900)));
        assertEquals(1, book.commits);
        book.conflictsToSimulate = PointsLedger.ATTEMPTS;
        assertThrows(ConcurrentUpdateException.class,
                () -> ledger.applyOrder(paid("o-2", 4, "2027-03-01T02:00:00Z", 1, 1, 100)));
    }

    @Test
    void adjustmentsAndReferralRewardsCountOncePerRequestWithWhoAndWhy() {
        Grant bonus = new Grant(EntryKind.ADJUSTMENT, 500, "ticket-77", Optional.of("arn:aws:iam::1:user/agent"),
                Optional.of("goodwill for a late parcel"));
        assertTrue(ledger.grant("c-1", bonus).applied());
        assertFalse(ledger.grant("c-1", bonus).applied(), "the same request again");
        assertTrue(ledger.grant("c-1", new Grant(EntryKind.REFERRAL, 200, "referral:c-2", Optional.empty(),
                Optional.empty())).applied());
        Grant.Outcome tooMuch = ledger.grant("c-1", new Grant(EntryKind.ADJUSTMENT, -800, "ticket-78",
                Optional.of("agent"), Optional.of("correction")));
        assertTrue(tooMuch.refused());
        assertEquals(700, tooMuch.available());
        assertTrue(ledger.grant("c-1", new Grant(EntryKind.ADJUSTMENT, -700, "ticket-79", Optional.of("agent"),
                Optional.of("correction"))).applied());
        LedgerEntry first = book.entriesOf("c-1").getFirst();
        assertEquals(Optional.of("goodwill for a late parcel"), first.posting().reason());
        assertEquals("request:ticket-77", first.posting().source());
        assertEquals(Map.of(LocalDate.of(2028, 4, 1), 500L), first.posting().lots().byDate(),
                "expires like earned points");
        assertEquals(List.of("adjustment 500", "referral 200", "adjustment -700"), kinds());
        assertLedgerAddsUp();
    }

    @Test
    void reservationsRacingOnThreadsNeverSpendMoreThanTheMemberHas() throws Exception {
        ledger.applyOrder(paid("o-1", 3, "2027-03-01T02:00:00Z", 1, 1_000, 100_000));
        List<Thread> threads = new ArrayList<>();
        List<RedemptionOutcome> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            String order = "race-" + i;
            threads.add(Thread.ofPlatform().start(() -> {
                RedemptionOutcome reserved = ledger.reserve("c-1", order, 300);
                outcomes.add(reserved instanceof RedemptionOutcome.Done ? ledger.confirm("c-1", order) : reserved);
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long confirmed = outcomes.stream().filter(o -> o instanceof RedemptionOutcome.Done).count();
        assertEquals(3, confirmed, "1,000 points pay for three redemptions of 300");
        assertEquals(100, book.balance("c-1"));
        assertLedgerAddsUp();
    }

    private void redeem(String orderId, long points) {
        assertInstanceOf(RedemptionOutcome.Done.class, ledger.reserve("c-1", orderId, points));
        assertInstanceOf(RedemptionOutcome.Done.class, ledger.confirm("c-1", orderId));
    }

    private List<String> kinds() {
        return book.entriesOf("c-1").stream().map(e -> e.kind().wire() + " " + e.points()).toList();
    }

    /** The balance is the sum of the entries, each entry's balance the one before plus its points, none negative. */
    private void assertLedgerAddsUp() {
        long running = 0;
        List<LedgerEntry> ordered = book.entriesOf("c-1").stream()
                .sorted(java.util.Comparator.comparingLong(LedgerEntry::sequence).thenComparingInt(LedgerEntry::index))
                .toList();
        for (LedgerEntry entry : ordered) {
            running += entry.points();
            assertEquals(running, entry.balanceAfter());
            assertTrue(running >= 0);
        }
        assertEquals(running, book.balance("c-1"));
    }
}
