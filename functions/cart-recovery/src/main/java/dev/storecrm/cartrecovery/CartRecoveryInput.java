package dev.storecrm.cartrecovery;

import dev.storecrm.domain.cart.CartStepDue;
import dev.storecrm.domain.event.EventParser;
import dev.storecrm.domain.event.StoreEvent;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.JsonParser;
import dev.storecrm.domain.json.tree.JsonProcessingException;
import dev.storecrm.domain.json.tree.ObjectMapper;
import java.time.Clock;

/**
 * What arrives on the CartRecoveryQueue: a canonical event from the store bus (it has a
 * {@code type}), or the body of a cart's timer from the sweep (it has a {@code kind}).
 */
public sealed interface CartRecoveryInput {

    record Event(StoreEvent event) implements CartRecoveryInput {}

    record StepDue(CartStepDue due) implements CartRecoveryInput {
        private static final ObjectMapper JSON =
                new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * Reads a message body received at the clock's instant; anything that is neither is refused with the event
     * parser's reason.
     */
    static CartRecoveryInput read(String body, Clock receivedBy) {
        JsonNode node;
        try {
            node = StepDue.JSON.readTree(body);
        } catch (JsonProcessingException notJson) {
            node = null; // EventParser.parse below refuses it as MALFORMED_JSON, with the position.
        }
        return CartStepDue.isTimerBody(node)
                ? new StepDue(CartStepDue.read(node))
                : new Event(EventParser.parse(body, receivedBy));
    }
}
