package dev.storecrm.domain.winback;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The one timer each member with a paid order has: "when the silence since the last paid order
 * reaches step {@code step}, look again". {@code episode} names the silence by the payment that
 * began it. Step 0 is the dormant status after the last message step.
 */
public record WinBackTimer(String customerId, Instant episode, int step) {

    public static final String TARGET = "winback";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One timer id per member: a new payment re-arms it, which ends the old episode's sequence. */
    public static String timerId(String customerId) {
        return "winback#" + customerId;
    }

    public String toJson() {
        return JSON.createObjectNode().put("kind", "win-back-step").put("customerId", customerId)
                .put("episode", episode.toString()).put("step", step).toString();
    }

    public static boolean isOne(JsonNode body) {
        return "win-back-step".equals(body.path("kind").asText());
    }

    public static WinBackTimer read(JsonNode body) {
        try {
            return new WinBackTimer(body.path("customerId").asText(), Instant.parse(body.path("episode").asText()),
                    body.path("step").asInt(-1));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(RejectReason.SCHEMA_VIOLATION, "win-back timer episode is not an instant");
        }
    }
}
