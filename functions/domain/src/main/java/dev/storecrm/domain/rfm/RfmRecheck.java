package dev.storecrm.domain.rfm;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;

/**
 * Asks for a member's RFM to be evaluated again: sent by the member archive after each change of a
 * member, and by the member's RFM timer ({@link #TARGET}) when its R score or a {@code days} rule may lapse.
 */
public interface RfmRecheck {

    String TARGET = "rfm";
    String KIND = "rfm-recheck";

    /** One RFM timer per member: each evaluation re-arms it for the member's next possible change. */
    static String timerId(String customerId) {
        return "rfm#" + customerId;
    }

    /** The message the RFM function reads: the member's id, nothing else. */
    static String body(String customerId) {
        return new ObjectMapper().createObjectNode().put("kind", KIND).put("customerId", customerId).toString();
    }

    /** The member a message names; refused with its reason if it is not a recheck. */
    static String read(String body) {
        JsonNode node;
        try {
            node = new ObjectMapper().readTree(body);
        } catch (Exception e) {
            throw new InvalidInputException(RejectReason.MALFORMED_JSON, "RFM recheck is not valid JSON");
        }
        if (node == null || !KIND.equals(node.path("kind").asText()) || node.path("customerId").asText().isBlank()) {
            throw new InvalidInputException(RejectReason.NOT_FOR_THIS_CONSUMER,
                    "not an RFM recheck (kind rfm-recheck with a customerId)");
        }
        return node.path("customerId").asText();
    }

    void recheck(String customerId);
}
