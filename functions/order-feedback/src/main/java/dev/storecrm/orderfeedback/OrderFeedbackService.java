package dev.storecrm.orderfeedback;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.domain.event.OrderEvent.OrderPaid;
import dev.storecrm.domain.golive.GoLivePolicy;
import dev.storecrm.domain.member.ArchivedOrder;
import dev.storecrm.domain.member.OrderFacts;
import dev.storecrm.domain.member.OrderBook;
import dev.storecrm.domain.messaging.MessageOutbox;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.Timers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The post-purchase follow-up journey ({@value #JOURNEY}): the relationship level the source material calls
 * accountable, contacting the customer after the sale to ask whether the product met the need.
 *
 * <ol>
 *   <li>An OrderPaid arms the order's timer for {@code after} (the template's {@code OrderFeedbackDays}) after the
 *       payment; a payment sent again keeps the earlier due time. A payment before go-live (history), or one
 *       that arrives when its ask would be more than {@code after} late, arms nothing.</li>
 *   <li>When the timer fires, the order as the member archive holds it (OrdersTable) decides: an order that was
 *       cancelled or refunded (in part or in full), or that the customer opened a dispute about (open or closed),
 *       is skipped; otherwise a marketing message request goes to the outbox with the business key
 *       {@code FEEDBACK#<order>}, so however often the timer fires, one message goes. It carries the order's
 *       short feedback link ({@link FeedbackLinks}): the member answers on FeedbackLandingFunction's page.</li>
 *   <li>A member in the order's holdout group ({@link Holdout}, period = the order) gets nothing; the request is
 *       recorded as held out in the send ledger. Consent, suppression, membership status, an open dispute, caps
 *       and quiet hours are the sender's check, at send time.</li>
 * </ol>
 */
public final class OrderFeedbackService {

    /** What a message did. */
    public enum Outcome { ARMED, HISTORY, TOO_LATE, IGNORED, REQUESTED, HELD_OUT, NO_ORDER, CANCELLED, REFUNDED,
        DISPUTED }

    /** The journey's name, on its messages and holdout; also its marketing kind. */
    static final String JOURNEY = "order-feedback";
    static final String TEMPLATE = "order-feedback";

    private static final Logger LOG = LoggerFactory.getLogger(OrderFeedbackService.class);

    private final Duration after;
    private final Timers timers;
    private final OrderBook orders;
    private final OrderDisputes disputes;
    private final MessageOutbox outbox;
    private final GoLivePolicy goLive;
    private final Holdout holdout;
    private final FeedbackLinks links;
    private final Clock clock;

    OrderFeedbackService(Duration after, Timers timers, OrderBook orders, OrderDisputes disputes,
                         MessageOutbox outbox, GoLivePolicy goLive, Holdout holdout, FeedbackLinks links,
                         Clock clock) {
        if (after.isNegative() || after.isZero()) {
            throw new IllegalArgumentException("OrderFeedbackDays must be at least 1");
        }
        this.after = after;
        this.timers = timers;
        this.orders = orders;
        this.disputes = disputes;
        this.outbox = outbox;
        this.goLive = goLive;
        this.holdout = holdout;
        this.links = links;
        this.clock = clock;
    }

    public Outcome handle(OrderFeedbackInput input) {
        return switch (input) {
            case OrderFeedbackInput.Due due -> fired(due.timer());
            case OrderFeedbackInput.Event event when event.event() instanceof OrderPaid paid -> paid(paid);
            case OrderFeedbackInput.Event other -> Outcome.IGNORED;
        };
    }

    private Outcome paid(OrderPaid paid) {
        Instant paidAt = paid.meta().occurredAt().toInstant();
        if (goLive.isHistory(paidAt)) {
            return Outcome.HISTORY;
        }
        Instant due = paidAt.plus(after);
        if (due.plus(after).isBefore(clock.instant())) {
            return Outcome.TOO_LATE;
        }
        FeedbackTimer timer = new FeedbackTimer(paid.customerId(), paid.orderId());
        timers.scheduleNoLaterThan(new Timers.Timer(timer.timerId(), FeedbackTimer.TARGET, timer.toJson(), due));
        return Outcome.ARMED;
    }

    private Outcome fired(FeedbackTimer timer) {
        Optional<OrderFacts> facts = orders.find(timer.customerId(), timer.orderId()).map(ArchivedOrder::facts)
                .filter(OrderFacts::isPaid);
        Outcome outcome;
        if (facts.isEmpty()) {
            outcome = Outcome.NO_ORDER;
        } else if (facts.get().cancelled() != null) {
            outcome = Outcome.CANCELLED;
        } else if (!facts.get().refunds().isEmpty()) {
            outcome = Outcome.REFUNDED;
        } else if (disputes.disputed(timer.customerId(), timer.orderId())) {
            outcome = Outcome.DISPUTED;
        } else {
            outcome = request(timer);
        }
        LOG.info("order feedback", entry("customerId", timer.customerId()), entry("orderId", timer.orderId()),
                entry("outcome", outcome.name()));
        return outcome;
    }

    private Outcome request(FeedbackTimer timer) {
        Instant now = clock.instant();
        boolean heldOut = holdout.holdsOut(timer.customerId(), JOURNEY, timer.orderId());
        MessageRequest message = MessageRequest.marketing("FEEDBACK#" + timer.orderId(), JOURNEY,
                timer.customerId(), TEMPLATE, Map.of("orderId", timer.orderId(),
                "feedbackUrl", links.of(timer.customerId(), timer.orderId())), now).notAfter(now.plus(after));
        outbox.enqueue(heldOut ? message.heldOutOf() : message);
        return heldOut ? Outcome.HELD_OUT : Outcome.REQUESTED;
    }
}
