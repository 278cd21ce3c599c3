package dev.storecrm.orderfeedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.golive.GoLivePolicy;
import dev.storecrm.domain.member.ArchivedOrder;
import dev.storecrm.domain.member.Credit;
import dev.storecrm.domain.member.OrderFacts;
import dev.storecrm.domain.messaging.Category;
import dev.storecrm.domain.messaging.LinkTokens;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.memory.InMemoryOrderHistory;
import dev.storecrm.fixtures.memory.InMemoryTimers;
import dev.storecrm.fixtures.memory.RecordingOutbox;
import dev.storecrm.orderfeedback.OrderFeedbackService.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The journey with in-memory ports and a fixed clock: what is armed, what is asked, what is skipped. */
class OrderFeedbackServiceTest {

    private static final Instant PAID = Instant.parse("2026-03-02T02:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    private final SimulatedClock clock = new SimulatedClock(PAID);
    private final InMemoryTimers timers = new InMemoryTimers();
    private final InMemoryOrderHistory orders = new InMemoryOrderHistory();
    private final Set<String> disputed = new HashSet<>();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final LinkTokens tokens = new LinkTokens(
            "storecrm-test-link-key-of-32-bytes!".getBytes(StandardCharsets.UTF_8), Duration.ofDays(60), clock);

    private OrderFeedbackService service(GoLivePolicy goLive, Holdout holdout) {
        return new OrderFeedbackService(WEEK, timers, orders, (customer, order) -> disputed.contains(order), outbox,
                goLive, holdout, new FeedbackLinks("https://feedback.example", tokens), clock);
    }

    private Outcome handle(OrderFeedbackService service, String body) {
        return service.handle(OrderFeedbackInput.read(body, clock));
    }

    @Test
    void aPaymentArmsTheOrdersTimerAWeekLaterAndAPaymentSentAgainLaterKeepsIt() {
        OrderFeedbackService service = service(GoLivePolicy.none(), Holdout.NONE);
        assertEquals(Outcome.ARMED, handle(service, Events.orderPaid("c-1", "o-1").id("e-1").at(PAID).json()));
        clock.set(PAID.plus(Duration.ofDays(3)));
        assertEquals(Outcome.ARMED, handle(service, Events.orderPaid("c-1", "o-1").id("e-2")
                .at(PAID.plus(Duration.ofDays(3))).json()));
        assertEquals(Optional.of(PAID.plus(WEEK)), timers.find("feedback#c-1#o-1").map(t -> t.dueAt()));
        assertEquals("{\"kind\":\"order-feedback\",\"customerId\":\"c-1\",\"orderId\":\"o-1\"}",
                timers.find("feedback#c-1#o-1").orElseThrow().body());
    }

    @Test
    void paymentsOfTheHistoryBeforeGoLiveOrTooLateToAskArmNothing() {
        OrderFeedbackService service = service(new GoLivePolicy(Optional.of(PAID), Duration.ZERO), Holdout.NONE);
        assertEquals(Outcome.HISTORY, handle(service, Events.orderPaid("c-1", "o-old").id("e-old")
                .at(PAID.minusSeconds(1)).json()));
        clock.set(PAID.plus(Duration.ofDays(15)));
        assertEquals(Outcome.TOO_LATE, handle(service, Events.orderPaid("c-1", "o-late").id("e-late")
                .at(PAID.plusSeconds(1)).json()));
        assertEquals(Optional.empty(), timers.find("feedback#c-1#o-old"));
        assertEquals(Optional.empty(), timers.find("feedback#c-1#o-late"));
    }

    @Test
    void aFiredTimerAsksOnceWithTheOrderAndSkipsCancelledRefundedDisputedAndUnknownOrders() {
        OrderFeedbackService service = service(GoLivePolicy.none(), Holdout.NONE);
        OrderFacts paid = OrderFacts.NONE.withPayment(new Stamp(PAID, "e-1"), 10_000);
        keep("o-ok", paid);
        keep("o-cancelled", paid.withCancellation(new Stamp(PAID.plusSeconds(60), "e-2")));
        keep("o-refunded", paid.withRefund("r-1", new Stamp(PAID.plusSeconds(60), "e-3"), 100));
        keep("o-disputed", paid);
        keep("o-unpaid", OrderFacts.NONE);
        disputed.add("o-disputed");
        clock.set(PAID.plus(WEEK));
        assertEquals(List.of(Outcome.REQUESTED, Outcome.CANCELLED, Outcome.REFUNDED, Outcome.DISPUTED,
                        Outcome.NO_ORDER, Outcome.NO_ORDER),
                List.of("o-ok", "o-cancelled", "o-refunded", "o-disputed", "o-unpaid", "o-unknown").stream()
                        .map(order -> handle(service, new FeedbackTimer("c-1", order).toJson())).toList());
        MessageRequest ask = outbox.only("FEEDBACK#o-ok");
        assertEquals("order-feedback", ask.templateId());
        assertEquals("o-ok", ask.data().get("orderId"));
        String link = String.valueOf(ask.data().get("feedbackUrl"));
        assertTrue(link.startsWith("https://feedback.example/?token="), link);
        LinkTokens.Verification.Valid valid = assertInstanceOf(LinkTokens.Verification.Valid.class,
                tokens.verify(link.substring(link.indexOf('=') + 1), LinkTokens.Purpose.ORDER_FEEDBACK));
        assertEquals(LinkTokens.Subject.orderFeedback("c-1", "o-ok"), valid.subject());
        assertEquals(PAID.plus(WEEK).plus(Duration.ofDays(60)), valid.expiresAt(), "valid 60 days from the ask");
        assertEquals(Category.marketing, ask.category());
        assertEquals(Optional.of(PAID.plus(WEEK).plus(WEEK)), ask.notAfter());
        assertEquals(1, outbox.requests().size());
    }

    @Test
    void aHeldOutOrderIsRequestedAsHeldOutAndTheHoldoutDependsOnTheOrder() {
        Holdout half = Holdout.percent("50");
        OrderFeedbackService service = service(GoLivePolicy.none(), half);
        List<String> ids = List.of("o-1", "o-2", "o-3", "o-4", "o-5", "o-6", "o-7", "o-8");
        OrderFacts paid = OrderFacts.NONE.withPayment(new Stamp(PAID, "e-1"), 10_000);
        ids.forEach(order -> keep(order, paid));
        List<Outcome> outcomes = ids.stream().map(order -> handle(service, new FeedbackTimer("c-1", order).toJson()))
                .toList();
        assertEquals(ids.stream().map(order -> half.holdsOut("c-1", "order-feedback", order)
                ? Outcome.HELD_OUT : Outcome.REQUESTED).toList(), outcomes);
        assertTrue(outcomes.contains(Outcome.HELD_OUT) && outcomes.contains(Outcome.REQUESTED), outcomes.toString());
        assertEquals(outcomes.stream().filter(Outcome.HELD_OUT::equals).count(),
                outbox.requests().stream().filter(MessageRequest::heldOut).count());
    }

    @Test
    void aTimerWithoutItsIdsIsRefusedAsASchemaViolation() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> OrderFeedbackInput.read("{\"kind\":\"order-feedback\",\"customerId\":\"c-1\"}", clock));
        assertEquals(RejectReason.SCHEMA_VIOLATION, refused.reason());
    }

    private void keep(String orderId, OrderFacts facts) {
        orders.write("c-1", List.of(new ArchivedOrder(orderId, facts, Optional.of(Credit.NONE))), 1, true);
    }
}
