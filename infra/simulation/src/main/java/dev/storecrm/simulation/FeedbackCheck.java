package dev.storecrm.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The post-purchase follow-up (OrderFeedbackFunction), judged on the send ledger: no follow-up was sent for an
 * order that the store had told, before the follow-up was due, was cancelled, refunded (in part) or disputed.
 * The journey decides when the order's timer fires ({@code ORDER_FEEDBACK_DAYS} after the payment); a refund
 * told after that, while the ask waits out the member's quiet hours, is not the journey's to see. That each order
 * gets at most one follow-up is the general "no business key sent twice".
 */
final class FeedbackCheck {

    static final String EXIT = "no order follow-up after the order was cancelled, refunded or disputed";
    private static final String PREFIX = "FEEDBACK#";

    private FeedbackCheck() {}

    static void check(List<Map<String, AttributeValue>> ledger, GroundTruth truth, Map<String, String> environment,
                      Invariants invariants) {
        invariants.list(EXIT);
        Duration after = Duration.ofDays(Long.parseLong(environment.getOrDefault("ORDER_FEEDBACK_DAYS", "7")));
        for (Map<String, AttributeValue> entry : ledger) {
            String key = entry.get("businessKey").s();
            if (!key.startsWith(PREFIX) || !"SENT".equals(entry.get("status").s())) {
                continue;
            }
            invariants.checked(EXIT);
            String orderId = key.substring(PREFIX.length());
            Optional<Instant> due = truth.member(entry.get("customerId").s()).paidOrders.stream()
                    .filter(paid -> paid.orderId().equals(orderId)).map(paid -> paid.occurred().plus(after))
                    .findFirst();
            if (due.isEmpty()) {
                invariants.violation(EXIT, key + " went, but the store never told that the order was paid");
                continue;
            }
            // told in an earlier step (minute) than the due time: within one step the archive and the timer sweep
            // run side by side
            Instant step = due.get().truncatedTo(ChronoUnit.MINUTES);
            truth.orderSpoiledAt(orderId).filter(told -> told.isBefore(step)).ifPresent(told ->
                    invariants.violation(EXIT, key + " was due at " + due.get() + " and went; the store had told at "
                            + told + " that the order was cancelled, refunded or disputed"));
        }
    }
}
