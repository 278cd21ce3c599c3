package dev.storecrm.orderfeedback;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;

/**
 * The one timer a paid order has: "ask the member about this order now". Its body, as the sweep delivers it to
 * the OrderFeedbackQueue: {@code {"kind":"order-feedback","customerId":"c-1","orderId":"o-1"}}.
 */
record FeedbackTimer(String customerId, String orderId) {

    /** The timer target name: TimerSweepFunction's TIMER_TARGETS maps it to the OrderFeedbackQueue. */
    static final String TARGET = "feedback";
    static final String KIND = "order-feedback";
    private static final int MAX_ID = 128;
    private static final ObjectMapper JSON = new ObjectMapper();

    FeedbackTimer {
        if (!valid(customerId) || !valid(orderId)) {
            throw new InvalidInputException(RejectReason.SCHEMA_VIOLATION,
                    "an order-feedback timer names a customerId and an orderId of 1 to " + MAX_ID + " characters");
        }
    }

    /** One timer per order: a payment sent again arms the same one. */
    String timerId() {
        return "feedback#" + customerId + "#" + orderId;
    }

    String toJson() {
        return JSON.createObjectNode().put("kind", KIND).put("customerId", customerId).put("orderId", orderId)
                .toString();
    }

    static boolean isOne(JsonNode body) {
        return body != null && body.isObject() && KIND.equals(body.path("kind").asText());
    }

    static FeedbackTimer read(JsonNode body) {
        return new FeedbackTimer(body.path("customerId").asText(""), body.path("orderId").asText(""));
    }

    private static boolean valid(String id) {
        return id != null && !id.isBlank() && id.length() <= MAX_ID;
    }
}
