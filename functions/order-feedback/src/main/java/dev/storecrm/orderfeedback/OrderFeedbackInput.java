package dev.storecrm.orderfeedback;

import dev.storecrm.domain.event.EventParser;
import dev.storecrm.domain.event.StoreEvent;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.JsonProcessingException;
import dev.storecrm.domain.json.tree.ObjectMapper;
import java.time.Clock;

/**
 * What arrives on the OrderFeedbackQueue: a canonical event from the store bus (OrderPaid, by the rule), or
 * an order's feedback timer from the sweep (it has a {@code kind}). Anything else is refused with the event
 * parser's reason.
 */
sealed interface OrderFeedbackInput {

    record Event(StoreEvent event) implements OrderFeedbackInput {}

    record Due(FeedbackTimer timer) implements OrderFeedbackInput {}

    ObjectMapper JSON = new ObjectMapper();

    static OrderFeedbackInput read(String body, Clock receivedBy) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException notJson) {
            node = null; // EventParser.parse below refuses it as MALFORMED_JSON, with the position.
        }
        return FeedbackTimer.isOne(node)
                ? new Due(FeedbackTimer.read(node))
                : new Event(EventParser.parse(body, receivedBy));
    }
}
