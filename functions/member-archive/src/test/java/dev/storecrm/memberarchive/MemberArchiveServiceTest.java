package dev.storecrm.memberarchive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.coupon.Coupon;
import dev.storecrm.domain.coupon.CouponBook;
import dev.storecrm.domain.event.EventParser;
import dev.storecrm.domain.golive.GoLivePolicy;
import dev.storecrm.domain.member.MemberArchive;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.loyalty.OrderPoints;
import dev.storecrm.domain.member.OrderHistory;
import dev.storecrm.domain.member.OrdersInMemory;
import dev.storecrm.domain.member.ArchivedOrder;
import dev.storecrm.domain.event.OrderEvent.OrderPlaced;
import dev.storecrm.domain.member.TierLadder;
import dev.storecrm.domain.money.Money;
import dev.storecrm.domain.occasion.GreetingCalendar;
import dev.storecrm.domain.occasion.Occasion;
import dev.storecrm.domain.occasion.OccasionDiary;
import dev.storecrm.domain.occasion.OccasionPolicy;
import dev.storecrm.domain.messaging.Timers;
import dev.storecrm.domain.winback.WinBackPolicy;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.domain.time.LeapDayRule;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import dev.storecrm.memberarchive.MemberArchiveService.Outcome;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MemberArchiveServiceTest {

    private static final MemberPolicy POLICY = new MemberPolicy(java.util.Currency.getInstance("CNY"),
            MemberPolicy.Enrolment.FIRST_PAID_ORDER, 0, BigDecimal.ONE, TierLadder.parse("MEMBER", "VIP1=50000"));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);

    private final InMemoryArchive archive = new InMemoryArchive();
    private final InMemoryOrders orders = new InMemoryOrders();
    private final List<String> redeemed = new ArrayList<>();
    private final CouponBook coupons = new CouponBook() {
        @Override
        public Coupon issue(Issue issue) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Coupon> find(String code) {
            return Optional.empty();
        }

        @Override
        public Optional<Coupon> redeem(String code, String orderId, String customerId, Money total, Instant at) {
            redeemed.add(code + "@" + orderId);
            return Optional.empty();
        }

        @Override
        public Optional<Coupon> revoke(String campaign, String businessKey, String reason, Instant at) {
            throw new UnsupportedOperationException();
        }
    };
    private final List<String> refiled = new ArrayList<>();
    private final OccasionDiary diary = new OccasionDiary() {
        @Override
        public void refile(String customerId, List<Occasion> before, List<Occasion> after, long revision, Instant now) {
            refiled.add(customerId + ":" + after.stream().map(Occasion::kind).toList());
        }

        @Override
        public List<Entry> due(GreetingCalendar.Range range, int shard) {
            return List.of();
        }

        @Override
        public int shards() {
            return 1;
        }

        @Override
        public List<Entry> filedFor(String localDay, int shard) {
            return List.of();
        }

        @Override
        public boolean advance(Entry entry, GreetingCalendar.Due next) {
            return true;
        }

        @Override
        public void file(Occasion occasion, GreetingCalendar.Due due, long memberRevision) {}

        @Override
        public void remove(String customerId, String kind) {}

        @Override
        public Optional<Instant> lastRun() {
            return Optional.empty();
        }

        @Override
        public void completedRun(Instant hour) {}
    };
    private static final OccasionPolicy OCCASIONS = new OccasionPolicy(List.of("birthday", "wedding", "membership"),
            LocalTime.of(9, 0), LeapDayRule.FEBRUARY_28, Map.of(), Duration.ofDays(30), Duration.ofDays(30));
    private final List<String> timers = new ArrayList<>();
    private final Timers timerBook = new Timers() {
        @Override
        public void schedule(Timer timer) {
            timers.add("schedule " + timer.id() + " at " + timer.dueAt());
        }

        @Override
        public void scheduleNoLaterThan(Timer timer) {
            timers.add("no later than " + timer.id() + " at " + timer.dueAt());
        }

        @Override
        public void cancel(String timerId) {
            timers.add("cancel " + timerId);
        }
    };
    private static final WinBackPolicy WIN_BACK = new WinBackPolicy(WinBackPolicy.parseSteps("60,90,180", ""),
            Duration.ofDays(360), Duration.ofDays(14), Duration.ofDays(14));
    private final List<OrderPoints> told = new ArrayList<>();
    private final List<String> rechecked = new ArrayList<>();
    private final InMemoryErasedCustomers erased = new InMemoryErasedCustomers();
    private final MemberArchiveService service = service(CLOCK);

    private MemberArchiveService service(Clock clock) {
        return new MemberArchiveService(archive, orders, coupons, new ArchiveFollowUps(diary, timerBook, POLICY,
                OCCASIONS, WIN_BACK, ZoneId.of("Asia/Shanghai"), GoLivePolicy.none(), rechecked::add), told::addAll,
                        POLICY, erased, clock);
    }

    private static String sample(String name) throws Exception {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("events"))) {
                return Files.readString(d.resolve("events").resolve(name));
            }
        }
        throw new IllegalStateException("no events/ directory");
    }

    @Test
    void moneyInAnotherCurrencyIsRefusedBeforeAnythingIsWritten() throws Exception {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> service.handle(sample("invalid/wrong-currency.json")));
        assertEquals(RejectReason.WRONG_CURRENCY, refused.reason());
        assertTrue(refused.detail().contains("USD") && refused.detail().contains("CNY"), refused.detail());
        assertTrue(orders.placements.isEmpty() && orders.all().isEmpty());
        assertEquals(0, archive.saves);
    }

    @Test
    void anErasedCustomersEventsAreRefusedUntilTheyRegisterAgainWithFreshConsent() throws Exception {
        erased.marks.put("c-1001", Instant.parse("2026-02-01T00:00:00Z"));
        for (String event : List.of("member-archive/05-order-paid.json", "member-archive/04-order-placed.json",
                "member-archive/11-member-updated-phone.json")) {
            assertEquals(RejectReason.ERASED, assertThrows(InvalidInputException.class,
                    () -> service.handle(sample(event))).reason(), event);
        }
        assertEquals(0, archive.saves);
        assertTrue(orders.placements.isEmpty());
        erased.marks.put("c-1001", Instant.parse("2026-03-02T00:00:00Z"));
        assertEquals(RejectReason.ERASED, assertThrows(InvalidInputException.class,
                () -> service.handle(sample("member-archive/01-member-registered.json"))).reason(),
                "a registration whose consent is older than the erasure is not fresh consent");

        erased.marks.put("c-1001", Instant.parse("2026-02-01T00:00:00Z"));
        assertEquals(Outcome.APPLIED, service.handle(sample("member-archive/01-member-registered.json")));
        assertEquals(Outcome.APPLIED, service.handle(sample("member-archive/05-order-paid.json")));
        assertEquals(Map.of(), erased.marks, "the new registration lifted the mark");
    }

    @Test
    void aCartEventIsNotForThisConsumer() throws Exception {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> service.handle(sample("invalid/cart-event-on-member-queue.json")));
        assertEquals(RejectReason.NOT_FOR_THIS_CONSUMER, refused.reason());
    }

    @Test
    void aDuplicateIsRecognisedAndNotWrittenAgain() throws Exception {
        var paid = EventParser.parse(sample("member-archive/05-order-paid.json"), CLOCK);
        assertEquals(Outcome.APPLIED, service.handle(paid));
        assertEquals(Outcome.UNCHANGED, service.handle(paid));
        assertEquals(1, archive.saves);
    }

    @Test
    void anOrderPlacementGoesToTheHistoryOnly() throws Exception {
        assertEquals(Outcome.APPLIED, service.handle(sample("member-archive/04-order-placed.json")));
        assertEquals(1, orders.placements.size());
        assertEquals(0, archive.saves);
        assertEquals(List.of(), redeemed, "no coupon on this order");
    }

    @Test
    void occasionsAreFiledWhenTheyChangeAndOnlyThen() throws Exception {
        service.handle(sample("member-archive/01-member-registered.json"));
        assertEquals(List.of("c-1001:[birthday, wedding, membership]"), refiled, "registration files all three");
        service.handle(sample("member-archive/11-member-updated-phone.json"));
        service.handle(sample("member-archive/05-order-paid.json"));
        assertEquals(1, refiled.size(), "a phone number or an order changes no occasion");
    }

    @Test
    void rfmIsAskedToLookAgainWhenWhatItReadsChangesAndOnlyThen() throws Exception {
        service.handle(sample("member-archive/01-member-registered.json"));
        service.handle(sample("member-archive/11-member-updated-phone.json"));
        assertEquals(List.of("c-1001"), rechecked, "a new member once; a phone number changes nothing RFM reads");
        service.handle(sample("member-archive/05-order-paid.json"));
        assertEquals(List.of("c-1001", "c-1001"), rechecked, "a payment changes the last order, orders and spend");
    }

    @Test
    void theWinBackTimerFollowsTheLastPaidOrder() throws Exception {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2026-04-02T07:00:00Z"));
        MemberArchiveService live = service(clock);
        live.handle(sample("member-archive/05-order-paid.json"));
        clock.set(Instant.parse("2026-06-18T14:00:00Z"));
        live.handle(sample("member-archive/09-order-paid-large.json"));
        live.handle(sample("member-archive/05-order-paid.json"));
        clock.set(Instant.parse("2026-06-25T03:00:00Z"));
        live.handle(sample("member-archive/10-order-refunded-partial.json"));
        assertEquals(List.of(
                "schedule winback#c-1001 at 2026-06-01T06:21:30Z",
                "schedule winback#c-1001 at 2026-08-17T13:41:05Z"), timers,
                "60 days after each new last order; a repeated or partial-refund event moves nothing");
    }

    @Test
    void aLastOrderHeardOfAfterItsFirstWinBackStepWasDueIsArmedInTheGoLiveRamp() throws Exception {
        service.handle(sample("member-archive/05-order-paid.json"));
        assertEquals(1, timers.size(), timers.toString());
        Instant due = Instant.parse(timers.getFirst().substring(timers.getFirst().indexOf(" at ") + 4));
        assertTrue(!due.isBefore(CLOCK.instant()) && due.isBefore(CLOCK.instant().plus(GoLivePolicy.DEFAULT_RAMP)),
                "paid on 2 April, heard of on 23 November: step 1 (due 1 June) goes within the ramp, at " + due);
    }

    @Test
    void anOrderPlacedWithACouponRedeemsIt() throws Exception {
        service.handle(sample("member-archive/08-order-placed-large.json"));
        assertEquals(List.of("WELCOME-20@o-5002"), redeemed);
    }

    @Test
    void aSaveCutShortBeforeItsOrderWriteIsFinishedByTheMembersNextWriter() throws Exception {
        orders.failWrites = 1;
        assertThrows(IllegalStateException.class,
                () -> service.handle(sample("member-archive/05-order-paid.json")));
        assertEquals(Optional.empty(), orders.find("c-1001", "o-5001"), "the member was saved, the order not yet");
        assertEquals(1, archive.unsettled.get("c-1001").size(), "the save says which order write it carries");

        assertEquals(Outcome.UNCHANGED, service.handle(sample("member-archive/05-order-paid.json")),
                "the redelivered payment finds the member already has it");
        assertTrue(orders.find("c-1001", "o-5001").orElseThrow().facts().isPaid(), "and writes the order first");
        assertEquals(399, MemberSummary.of(archive.find("c-1001", true).orElseThrow().value(), POLICY,
                CLOCK.instant()).points(), "counted once");
        assertEquals(List.of(399L, 399L), told.stream().map(OrderPoints::points).toList(),
                "the points ledger is told again by the writer that finishes the order write, at the same revision");
        assertEquals(told.get(0), told.get(1));
    }

    @Test
    void thePointsLedgerIsToldOfEveryOrderWriteOfAMemberAsTheWholeStateAtItsRevision() throws Exception {
        service.handle(sample("member-archive/01-member-registered.json"));
        service.handle(sample("member-archive/05-order-paid.json"));
        service.handle(sample("member-archive/05-order-paid.json"));
        service.handle(sample("member-archive/09-order-paid-large.json"));
        service.handle(sample("member-archive/10-order-refunded-partial.json"));
        assertEquals(List.of("o-5001 rev 2: 399 points, paid 39900, refunded 0",
                        "o-5002 rev 3: 1299 points, paid 129900, refunded 0",
                        "o-5002 rev 4: 1099 points, paid 129900, refunded 20000"),
                told.stream().map(p -> p.orderId() + " rev " + p.memberRevision() + ": " + p.points() + " points, paid "
                        + p.paidMinor() + ", refunded " + p.refundedMinor()).toList(),
                "a duplicate payment writes no order and tells nothing");
        assertEquals(Optional.of(ZoneId.of("Asia/Shanghai")), told.getFirst().timeZone());
    }

    @Test
    void aConcurrentWriterIsDetectedAndTheEventReappliedOnAFreshRead() throws Exception {
        service.handle(sample("member-archive/01-member-registered.json"));
        archive.conflictsToSimulate = 2;
        assertEquals(Outcome.APPLIED, service.handle(sample("member-archive/05-order-paid.json")));
        assertEquals(List.of(false, false, true, true), archive.consistentReads,
                "first read eventually consistent, retries consistent");
        assertEquals(399, MemberSummary.of(archive.find("c-1001", true).orElseThrow().value(), POLICY,
                CLOCK.instant()).points());
    }

    @Test
    void persistentContentionGoesBackToTheQueueInsteadOfLosingTheEvent() throws Exception {
        archive.conflictsToSimulate = MemberArchiveService.ATTEMPTS;
        assertThrows(ConcurrentUpdateException.class,
                () -> service.handle(sample("member-archive/05-order-paid.json")));
    }

    /** An order history in memory, whose archive writes can be made to fail. */
    static final class InMemoryOrders extends OrdersInMemory implements OrderHistory {
        final List<OrderPlaced> placements = new ArrayList<>();
        int failWrites;

        @Override
        public boolean recordPlacement(OrderPlaced placed) {
            return placements.add(placed);
        }

        @Override
        public void write(String customerId, Collection<ArchivedOrder> written, long memberRevision,
                boolean unwritten) {
            if (failWrites > 0 && !written.isEmpty()) {
                failWrites--;
                throw new IllegalStateException("simulated outage of the orders table");
            }
            save(written);
        }

        @Override
        public List<ArchivedOrder> unwritten(String customerId, Collection<ArchivedOrder> pending,
                long memberRevision) {
            return pending.stream().filter(o -> !all().contains(o)).toList();
        }

        @Override
        public List<ArchivedOrder> all(String customerId) {
            return all();
        }

        @Override
        public List<PaidOrder> paidOrders(String customerId) {
            return List.of();
        }
    }

    /** A member archive in a map, with revisions, that can simulate concurrent writers. */
    static final class InMemoryArchive implements MemberArchive {
        final Map<String, Revisioned<MemberRecord>> records = new HashMap<>();
        final Map<String, List<ArchivedOrder>> unsettled = new HashMap<>();
        final List<Boolean> consistentReads = new ArrayList<>();
        int conflictsToSimulate;
        int saves;

        @Override
        public Optional<Revisioned<MemberRecord>> find(String customerId, boolean consistentRead) {
            consistentReads.add(consistentRead);
            return Optional.ofNullable(records.get(customerId));
        }

        @Override
        public Optional<Stored> findForUpdate(String customerId, boolean consistentRead) {
            return find(customerId, consistentRead)
                    .map(member -> new Stored(member, unsettled.getOrDefault(customerId, List.of())));
        }

        @Override
        public void save(MemberRecord record, MemberSummary summary, OptionalLong expectedRevision,
                         Collection<ArchivedOrder> orderWrites) {
            if (conflictsToSimulate > 0) {
                conflictsToSimulate--;
                throw new ConcurrentUpdateException("simulated");
            }
            Revisioned<MemberRecord> current = records.get(record.customerId());
            long currentRevision = current == null ? 0 : current.revision();
            if (expectedRevision.orElse(0) != currentRevision) {
                throw new ConcurrentUpdateException("revision moved");
            }
            saves++;
            records.put(record.customerId(), new Revisioned<>(record, currentRevision + 1));
            unsettled.put(record.customerId(), List.copyOf(orderWrites));
        }
    }
}
