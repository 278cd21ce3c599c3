package dev.storecrm.domain.loyalty;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;

/**
 * The one timer a member with expiring points has ({@code points#<customerId>}): "something is due
 * for this account": a lot expiring, an "expiring soon" mail, a lapsed hold of expired points. The
 * sweep delivers it to the loyalty queue; the ledger does what is due and arms it for the next.
 */
public record PointsDue(String customerId) {

    public static final String TARGET = "loyalty";
    public static final String KIND = "points-due";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static String timerId(String customerId) {
        return "points#" + customerId;
    }

    public String toJson() {
        return JSON.createObjectNode().put("kind", KIND).put("customerId", customerId).toString();
    }

    public static boolean isOne(JsonNode body) {
        return KIND.equals(body.path("kind").asText());
    }

    public static PointsDue read(JsonNode body) {
        String customerId = body.path("customerId").asText("");
        if (customerId.isBlank()) {
            throw new InvalidInputException(RejectReason.SCHEMA_VIOLATION, "points timer names no customer");
        }
        return new PointsDue(customerId);
    }
}
