package dev.storecrm.cartrecovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.cartrecovery.CartRecoveryService.Outcome;
import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.domain.cart.Cart;
import dev.storecrm.domain.cart.CartMetric;
import dev.storecrm.domain.cart.CartPolicy;
import dev.storecrm.domain.cart.CartSequence;
import dev.storecrm.domain.cart.CartStatsDelta;
import dev.storecrm.domain.cart.CartStep;
import dev.storecrm.domain.cart.CartStepDue;
import dev.storecrm.domain.cart.CartStore;
import dev.storecrm.domain.cart.TierCouponValues;
import dev.storecrm.domain.coupon.Coupon;
import dev.storecrm.domain.coupon.CouponAllowance;
import dev.storecrm.fixtures.memory.InMemoryCoupons;
import dev.storecrm.domain.coupon.CouponGrants;
import dev.storecrm.domain.event.EventParser;
import dev.storecrm.domain.member.MemberArchive;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.ArchivedOrder;
import dev.storecrm.domain.member.MemberLedger;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.OrdersInMemory;
import dev.storecrm.domain.event.StoreEvent;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.member.TierLadder;
import dev.storecrm.domain.messaging.Category;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.Recipient;
import dev.storecrm.domain.messaging.QuietHours;
import dev.storecrm.domain.messaging.SendLedger;
import dev.storecrm.domain.messaging.Timers;
import dev.storecrm.domain.money.Money;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.events.CartUpdatedBuilder;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.events.OrderPaidBuilder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * CartRecoveryService with in-memory ports and a moving clock: the races and crashes an
 * integration test cannot time (a write between a read and a save, a crash between recording a
 * step and its effects, a cancel racing a re-arm).
 */
class CartRecoveryServiceTest {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final MemberPolicy MEMBERS = new MemberPolicy(CNY, MemberPolicy.Enrolment.FIRST_PAID_ORDER, 0,
            BigDecimal.ONE, TierLadder.parse("MEMBER", "VIP1=50000"));
    private static final CartPolicy POLICY = new CartPolicy(CartSequence.parse(CartSequence.DEFAULT),
            Money.of(0, "CNY"), TierCouponValues.parse(TierCouponValues.DEFAULT, CNY), Duration.ofHours(48), 1,
            CartPolicy.COUPON_CAP_WINDOW, Duration.ofDays(7), ZoneId.of("Asia/Shanghai"),
            QuietHours.parse("21:00-09:00"));

    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-23T02:00:00Z"));
    private final InMemoryCarts carts = new InMemoryCarts();
    private final Map<String, Timers.Timer> timers = new HashMap<>();
    private final Map<String, MemberRecord> members = new HashMap<>();
    private final OrdersInMemory memberOrders = new OrdersInMemory();
    private final List<MessageRequest> outbox = new ArrayList<>();
    private final InMemoryCoupons coupons = new InMemoryCoupons();
    private final InMemoryAllowance allowance = new InMemoryAllowance();
    private final Map<String, SendLedger.Entry> ledgerEntries = new HashMap<>();
    private Runnable onCancel = () -> { };
    private RuntimeException outboxFailure;

    private final CartRecoveryService service = service(POLICY);

    /** The service over this test's in-memory ports, with {@code policy}. */
    private CartRecoveryService service(CartPolicy policy) {
        return new CartRecoveryService(carts, new Timers() {
            @Override
            public void schedule(Timer timer) {
                timers.put(timer.id(), timer);
            }

            @Override
            public void scheduleNoLaterThan(Timer timer) {
                timers.merge(timer.id(), timer, (held, asked) -> held.dueAt().isAfter(asked.dueAt()) ? asked : held);
            }

            @Override
            public void cancel(String timerId) {
                timers.remove(timerId);
                onCancel.run();
            }
        }, memberArchive(), MEMBERS, coupons, allowance, ledger(), request -> {
            if (outboxFailure != null) {
                RuntimeException failure = outboxFailure;
                outboxFailure = null;
                throw failure;
            }
            outbox.add(request);
        }, new CartMessages("https://shop.example.com"), policy, clock);
    }

    // ------------------------------------------------------------------ the tests

    @Test
    void aChangeReArmsTheCartsOneTimerFromTheChange() {
        assertEquals(Outcome.APPLIED, handle(cart("e1", "2026-11-23T10:00:00+08:00", 2)));
        assertEquals(Instant.parse("2026-11-23T03:00:00Z"), timer().dueAt());
        assertEquals(Outcome.APPLIED, handle(cart("e2", "2026-11-23T10:50:00+08:00", 3)));
        assertEquals(Instant.parse("2026-11-23T03:50:00Z"), timer().dueAt());
        assertEquals(1, timers.size(), "one timer per cart, re-armed by id");
        assertEquals(Outcome.UNCHANGED, handle(cart("e1", "2026-11-23T10:00:00+08:00", 2)), "older: ignored");
        assertEquals(Instant.parse("2026-11-23T03:50:00Z"), timer().dueAt(), "and does not move the timer back");
    }

    @Test
    void aHeldOutCartGetsNeitherReminderNorCouponAndEachStepIsRecordedAsHeldOutOnce() {
        Holdout half = Holdout.percent("50");
        String held = java.util.stream.IntStream.range(0, 1_000).mapToObj(i -> "c-" + i)
                .filter(id -> half.holdsOut(id, "cart", "cart-1")).findFirst().orElseThrow();
        CartRecoveryService withHoldout = service(POLICY.withHoldout(half));
        member(held);
        assertEquals(Outcome.APPLIED, withHoldout.handle(cart(held, "e1", "2026-11-23T10:00:00+08:00", 2)));

        clock.set(Instant.parse("2026-11-23T03:00:20Z"));
        withHoldout.handle(timer().body());
        clock.set(Instant.parse("2026-11-24T02:00:20Z"));
        withHoldout.handle(timer().body());

        assertEquals(List.of("CART#cart-1#reminder", "CART#cart-1#coupon"),
                outbox.stream().map(MessageRequest::businessKey).toList(), "each step's record, for the ledger");
        assertTrue(outbox.stream().allMatch(MessageRequest::heldOut), "held out: the sender sends nothing");
        assertTrue(coupons.issued().isEmpty(), "no coupon issued");
        assertTrue(allowance.holders.isEmpty(), "no place of the member's coupon cap taken");
        LocalDate day = LocalDate.parse("2026-11-23");
        assertEquals(1, carts.figure(day, CartMetric.HELD_OUT), "the cart counted once as held out");
        assertEquals(0, carts.figure(day, CartMetric.REMINDED));

        // The sender recorded the reminder as held out when it would have gone; the member orders the cart two
        // days later, within the attribution window: the control group's conversion, not a recovery.
        ledgerEntries.put("CART#cart-1#reminder", new SendLedger.Entry("CART#cart-1#reminder",
                SendLedger.Status.SKIPPED, null, null, null, Instant.parse("2026-11-23T03:00:20Z"), "HELD_OUT"));
        clock.set(Instant.parse("2026-11-25T04:00:00Z"));
        withHoldout.handle(orderFor("o-held", held, "o-held", "2026-11-25T12:00:00+08:00"));
        LocalDate ordered = LocalDate.parse("2026-11-25");
        assertEquals(1, carts.figure(ordered, CartMetric.HELD_OUT_RECOVERED));
        assertEquals(20_000, carts.figure(ordered, CartMetric.HELD_OUT_REVENUE));
        assertEquals(0, carts.figure(ordered, CartMetric.RECOVERED), "no mail went: not a recovery");
    }

    /** An order of cart-1's two teas by {@code customerId}, naming the cart. */
    private static String orderFor(String eventId, String customerId, String orderId, String at) {
        return Events.orderPlaced(customerId, orderId).id(eventId).at(at).cartId("cart-1")
                .line("T-1", "Tea", 2, 10_000).json();
    }

    @Test
    void aCrashBetweenRecordingAStepAndHandingItsMessageOverIsRepairedByTheRedelivery() {
        member("c-1");
        handle(cart("e1", "2026-11-23T10:00:00+08:00", 2));
        String firing = timer().body();
        clock.set(Instant.parse("2026-11-23T03:00:20Z"));
        outboxFailure = new IllegalStateException("SQS is down");
        assertThrows(IllegalStateException.class, () -> service.handle(firing),
                "the failure goes back to the queue: the firing is redelivered");
        assertTrue(outbox.isEmpty());
        assertEquals(1, carts.figure(LocalDate.parse("2026-11-23"), CartMetric.REMINDED), "the step was recorded");

        clock.set(Instant.parse("2026-11-23T03:03:20Z"));
        assertEquals(Outcome.STALE, service.handle(firing));
        assertEquals(1, outbox.size(), "the redelivery hands the reminder over");
        assertEquals("CART#cart-1#reminder", outbox.getFirst().businessKey());
        assertEquals(1, carts.figure(LocalDate.parse("2026-11-23"), CartMetric.REMINDED), "still counted once");
        assertEquals(Instant.parse("2026-11-24T02:00:00Z"), timer().dueAt(), "and the coupon step is armed");
    }

    @Test
    void aChangeThatLandsWhileAStepIsTakenMakesTheStepStaleAndArmsTheNewOne() {
        member("c-1");
        handle(cart("e1", "2026-11-23T10:00:00+08:00", 2));
        String firing = timer().body();
        clock.set(Instant.parse("2026-11-23T03:00:20Z"));
        carts.beforeNextSave = () -> handle(cart("e2", "2026-11-23T11:00:10+08:00", 3));
        assertEquals(Outcome.STALE, service.handle(firing));
        assertTrue(outbox.isEmpty(), "no reminder for a cart the customer is using");
        assertEquals(Instant.parse("2026-11-23T04:00:10Z"), timer().dueAt(), "an hour after the new change");
        assertEquals(0, carts.figure(LocalDate.parse("2026-11-23"), CartMetric.ABANDONED));
    }

    @Test
    void aCancelDoesNotLoseTheTimerOfAChangeThatRacedIt() {
        handle(cart("e1", "2026-11-23T10:00:00+08:00", 2));
        // While the checkout cancels the timer, a newer change (the cart used again) is saved and armed.
        onCancel = () -> {
            onCancel = () -> { };
            carts.overwrite(carts.current("cart-1").updated((dev.storecrm.domain.event.CartEvent.CartUpdated)
                    EventParser.parse(cart("e3", "2026-11-23T10:45:00+08:00", 1), clock)));
        };
        assertEquals(Outcome.APPLIED, handle(Events.checkoutCompleted("cart-1", "o-1").id("e2")
                .at("2026-11-23T10:30:00+08:00").json()));
        assertEquals(Instant.parse("2026-11-23T03:45:00Z"), timer().dueAt(), "re-read after the cancel, re-armed");
    }

    @Test
    void aPaymentThatArrivedBeforeTheCartEndsTheSequenceWhenItsStepFallsDue() {
        member("c-1");
        pay("c-1", "o-9", "2026-11-23T10:20:00+08:00");
        assertEquals(Outcome.UNCHANGED, handle(paid("p-1", "c-1", "o-9", "2026-11-23T10:20:00+08:00").json()),
                "no open cart yet: the cart event comes later");
        handle(cart("e1", "2026-11-23T10:00:00+08:00", 2));
        clock.set(Instant.parse("2026-11-23T03:00:20Z"));
        assertEquals(Outcome.CONVERTED, service.handle(timer().body()));
        assertTrue(outbox.isEmpty());
        assertEquals(0, carts.figure(LocalDate.parse("2026-11-23"), CartMetric.ABANDONED), "paid, not abandoned");
        assertEquals(Cart.ClosedBy.PAID_ORDER, carts.current("cart-1").closure().orElseThrow().by());
    }

    @Test
    void aRedeliveredCouponFiringHandsTheSameCouponOverAndIssuesNoSecond() {
        untilTheCouponStepIsDue();
        String couponFiring = timer().body();
        assertEquals(Outcome.STEP_MESSAGED, service.handle(couponFiring));
        assertEquals(1, coupons.issued().size());
        outbox.clear();
        clock.set(Instant.parse("2026-11-24T02:05:20Z"));
        assertEquals(Outcome.STALE, service.handle(couponFiring), "a redelivered firing");
        assertEquals(1, outbox.size(), "hands the same coupon message over again (the sender sends it once)");
        assertEquals(1, coupons.issued().size(), "and issues no second coupon");
    }

    @Test
    void theCouponsPlaceUnderTheCapIsGivenBackWhenACheckoutLandsWhileTheStepIsTaken() {
        untilTheCouponStepIsDue();
        carts.beforeNextSave = () -> handle(Events.checkoutCompleted("cart-1", "o-1").id("e2")
                .at("2026-11-24T10:00:10+08:00").json());
        assertEquals(Outcome.STALE, service.handle(timer().body()));
        assertTrue(coupons.issued().isEmpty(), "no coupon for a cart checked out");
        assertEquals(Map.of(), allowance.grantsOf("cart#c-1").granted(),
                "the place claimed for it is free again, for the member's next cart");
    }

    @Test
    void aCouponStepFindsTheCapFullWhenAnotherCartOfTheMemberTookTheLastPlace() {
        untilTheCouponStepIsDue();
        // Another cart of the member took the cap's only place a moment ago (another invocation).
        assertTrue(allowance.claim("c-1", "cart", "CART#cart-2#coupon", 1, Duration.ofDays(30), clock.instant()));
        assertEquals(Outcome.STEP_SKIPPED, service.handle(timer().body()));
        assertTrue(coupons.issued().isEmpty());
        assertEquals(Cart.StepOutcome.COUPON_CAP_REACHED,
                carts.current("cart-1").steps().get(CartStep.COUPON).outcome());
    }

    // ------------------------------------------------------------------ guests (contract version 2)

    @Test
    void aGuestWhoConsentedAtCheckoutGetsTheReminderAndTheCouponAtTheCartsAddress() {
        assertEquals(Outcome.APPLIED, handle(guestCart("g1", "2026-11-23T10:00:00+08:00", true)));
        clock.set(Instant.parse("2026-11-23T03:00:20Z"));
        assertEquals(Outcome.STEP_MESSAGED, service.handle(timer().body()));
        Recipient.Guest guest = assertInstanceOf(Recipient.Guest.class, outbox.getFirst().recipient());
        assertEquals(new Recipient.Guest("Visitor@Example.com", "cart-1", Instant.parse("2026-11-23T01:59:30Z"),
                Optional.of("en"), Optional.of(ZoneId.of("Europe/Paris"))), guest,
                "the address and the consent's evidence");
        assertEquals(Category.marketing, outbox.getFirst().category());

        clock.set(Instant.parse("2026-11-24T02:00:20Z"));
        assertEquals(Outcome.DEFERRED, service.handle(timer().body()),
                "03:00 in Paris: the guest's night, not Shanghai's");
        assertEquals(Instant.parse("2026-11-24T08:00:00Z"), timer().dueAt(), "the end of the guest's quiet hours");
        clock.set(Instant.parse("2026-11-24T08:00:20Z"));
        assertEquals(Outcome.STEP_MESSAGED, service.handle(timer().body()));
        Coupon coupon = coupons.forKey("CART#cart-1#coupon").orElseThrow();
        assertEquals(Cart.Guest.keyOf("visitor@example.com"), coupon.customerId(), "owned by the guest's address hash");
        assertFalse(coupon.customerId().contains("@"), "the coupon book names no address");
        assertEquals(2, outbox.size());
        assertEquals(guest, outbox.getLast().recipient());
        assertFalse(allowance.claim(Cart.Guest.keyOf("visitor@example.com"), "cart", "CART#cart-2#coupon", 1,
                Duration.ofDays(30), clock.instant()), "the guest's coupon counts against the guest's cap");
    }

    @Test
    void aGuestWithoutConsentOrWhoseNewestUpdateWithdrewItGetsNothing() {
        handle(guestCart("g1", "2026-11-23T10:00:00+08:00", null));
        clock.set(Instant.parse("2026-11-23T03:00:20Z"));
        assertEquals(Outcome.ABANDONED, service.handle(timer().body()));
        assertTrue(outbox.isEmpty(), "no consent, no mail");
        assertTrue(carts.current("cart-1").guest().isEmpty(), "and the address is not kept");

        handle(guestCart("g2", "2026-11-23T11:10:00+08:00", true));
        handle(guestCart("g3", "2026-11-23T11:20:00+08:00", false));
        clock.set(Instant.parse("2026-11-23T04:30:20Z"));
        while (timer() != null && !timer().dueAt().isAfter(clock.instant())) {
            service.handle(timer().body());
        }
        assertTrue(outbox.isEmpty(), "the newest update withdrew the consent: nothing goes");
        assertTrue(coupons.issued().isEmpty());
    }

    @Test
    void anOrderForTheGuestCartEndsItsSequence() {
        handle(guestCart("g1", "2026-11-23T10:00:00+08:00", true));
        assertEquals(Outcome.APPLIED, handle(orderFor("o-g", "shop-guest-77", "o-g1", "2026-11-23T10:30:00+08:00")));
        assertEquals(null, timer(), "the order cancelled the guest cart's timer");
        assertEquals(Cart.ClosedBy.ORDER, carts.current("cart-1").closure().orElseThrow().by());
    }

    /**
     * A guest's cart-1 with the guest's consent granted or refused (contract version 2), or ({@code null}) not
     * given.
     */
    private static String guestCart(String id, String at, Boolean granted) {
        CartUpdatedBuilder cart = Events.cartUpdated("cart-1").id(id).at(at).email("Visitor@Example.com").locale("en")
                .timeZone("Europe/Paris").remove("recoveryUrl");
        if (granted != null) {
            cart.consent(granted, "2026-11-23T09:59:30+08:00", "checkout");
        }
        return cart.json();
    }

    // ------------------------------------------------------------------ helpers and in-memory ports

    /** Member c-1's cart-1, its reminder step taken, and the clock at the minute its coupon step falls due. */
    private void untilTheCouponStepIsDue() {
        member("c-1");
        handle(cart("e1", "2026-11-23T10:00:00+08:00", 2));
        clock.set(Instant.parse("2026-11-23T03:00:20Z"));
        service.handle(timer().body());
        clock.set(Instant.parse("2026-11-24T02:00:20Z"));
    }

    private Outcome handle(String json) {
        return service.handle(json);
    }

    private Timers.Timer timer() {
        return timers.get(CartStepDue.timerId("cart-1"));
    }

    private static String cart(String id, String at, int quantity) {
        return cart("c-1", id, at, quantity);
    }

    /** {@code customerId}'s cart-1 of {@code quantity} teas at 100.00, without a recovery link. */
    private static String cart(String customerId, String id, String at, int quantity) {
        return Events.cartUpdated("cart-1").id(id).at(at).customerId(customerId).line("T-1", "Tea", quantity, 10_000)
                .remove("recoveryUrl").json();
    }

    private void member(String customerId) {
        apply(customerId, MemberRecord.newCustomer(customerId), Events.memberRegistered(customerId)
                .at("2026-11-01T00:00:00Z").email("m@example.com").without("locale").parse(clock));
    }

    private void apply(String customerId, MemberRecord record, StoreEvent event) {
        members.put(customerId, new MemberLedger(MEMBERS).replay(record, List.of(event), memberOrders));
    }

    private void pay(String customerId, String orderId, String at) {
        apply(customerId, members.get(customerId), paid("pay-" + orderId, customerId, orderId, at).parse(clock));
    }

    private static OrderPaidBuilder paid(String eventId, String customerId, String orderId, String at) {
        return Events.orderPaid(customerId, orderId).id(eventId).at(at).amount(9_900);
    }

    private MemberArchive memberArchive() {
        return new MemberArchive() {
            @Override
            public Optional<Revisioned<MemberRecord>> find(String customerId, boolean consistentRead) {
                return Optional.ofNullable(members.get(customerId)).map(r -> new Revisioned<>(r, 1));
            }

            @Override
            public void save(MemberRecord record, MemberSummary summary, OptionalLong expectedRevision,
                             Collection<ArchivedOrder> unsettled) {
                throw new UnsupportedOperationException("cart recovery never writes members");
            }
        };
    }

    /** The send ledger as this test sets it: nothing settled unless a test puts an entry in. */
    private SendLedger ledger() {
        return new SendLedger() {
            @Override
            public Optional<Entry> find(String businessKey, boolean consistentRead) {
                return Optional.ofNullable(ledgerEntries.get(businessKey));
            }

            @Override
            public boolean claim(String businessKey, String owner, Instant now, Duration lease, Facts facts) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void markSent(String businessKey, String owner, String messageId, Instant at) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void release(String businessKey, String owner) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean settle(String businessKey, Status status, String reason, Instant now, Facts facts) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void confirmSent(String businessKey, String messageId, Instant at) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void recordDelivery(String businessKey, Instant at) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void recordBounce(String businessKey, Instant at) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** Carts with revisions, the report's figures, and a hook to let another writer in before the next save. */
    private static final class InMemoryCarts implements CartStore {
        final Map<String, Revisioned<Cart>> stored = new HashMap<>();
        final Map<LocalDate, Map<CartMetric, Long>> figures = new HashMap<>();
        Runnable beforeNextSave;

        @Override
        public Optional<Revisioned<Cart>> find(String cartId, boolean consistentRead) {
            return Optional.ofNullable(stored.get(cartId));
        }

        @Override
        public void save(Cart cart, OptionalLong expectedRevision, CartStatsDelta stats) {
            if (beforeNextSave != null) {
                Runnable other = beforeNextSave;
                beforeNextSave = null;
                other.run();
            }
            Revisioned<Cart> current = stored.get(cart.cartId());
            long revision = current == null ? 0 : current.revision();
            if (expectedRevision.orElse(0) != revision) {
                throw new ConcurrentUpdateException("cart " + cart.cartId());
            }
            stored.put(cart.cartId(), new Revisioned<>(cart, revision + 1));
            stats.byDay().forEach((day, metrics) -> metrics.forEach((metric, amount) ->
                    figures.computeIfAbsent(day, d -> new HashMap<>()).merge(metric, amount, Long::sum)));
        }

        @Override
        public List<String> openCartsOf(String customerId) {
            return stored.values().stream().map(Revisioned::value)
                    .filter(c -> c.isEligible()
                            && c.contents().orElseThrow().customerId().equals(Optional.of(customerId)))
                    .map(Cart::cartId).toList();
        }

        Cart current(String cartId) {
            return stored.get(cartId).value();
        }

        void overwrite(Cart cart) {
            stored.put(cart.cartId(), new Revisioned<>(cart, stored.get(cart.cartId()).revision() + 1));
        }

        long figure(LocalDate day, CartMetric metric) {
            return figures.getOrDefault(day, Map.of()).getOrDefault(metric, 0L);
        }
    }

    /** Coupon grants per holder, decided by the same {@link CouponGrants} the DynamoDB adapter stores. */
    private static final class InMemoryAllowance implements CouponAllowance {
        final Map<String, CouponGrants> holders = new HashMap<>();

        @Override
        public boolean claim(String customerId, String campaign, String businessKey, int limit, Duration window,
                             Instant now) {
            Optional<CouponGrants> granted = grantsOf(campaign + "#" + customerId)
                    .grant(businessKey, limit, window, now);
            granted.ifPresent(grants -> holders.put(campaign + "#" + customerId, grants));
            return granted.isPresent();
        }

        @Override
        public void release(String customerId, String campaign, String businessKey) {
            holders.computeIfPresent(campaign + "#" + customerId, (holder, grants) -> grants.without(businessKey));
        }

        CouponGrants grantsOf(String holder) {
            return holders.getOrDefault(holder, CouponGrants.NONE);
        }
    }
}
