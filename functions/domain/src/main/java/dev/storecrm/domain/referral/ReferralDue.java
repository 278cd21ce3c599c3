package dev.storecrm.domain.referral;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;

/**
 * A referral's timer ({@code referral#<refereeId>}): the referee's first paid order is past its refund
 * window. The sweep delivers it to the loyalty queue; the programme decides the reward.
 */
public record ReferralDue(String refereeId) {

    public static final String TARGET = "loyalty";
    public static final String KIND = "referral-due";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static String timerId(String refereeId) {
        return "referral#" + refereeId;
    }

    public String toJson() {
        return JSON.createObjectNode().put("kind", KIND).put("refereeId", refereeId).toString();
    }

    public static boolean isOne(JsonNode body) {
        return KIND.equals(body.path("kind").asText());
    }

    public static ReferralDue read(JsonNode body) {
        String refereeId = body.path("refereeId").asText("");
        if (refereeId.isBlank()) {
            throw new InvalidInputException(RejectReason.SCHEMA_VIOLATION, "referral timer names no referee");
        }
        return new ReferralDue(refereeId);
    }
}
