package dev.storecrm.domain.caremail;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.JsonFields;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * The body of a conversation's chase timer, delivered to the CareMailQueue by the timer sweep (the same
 * shard-indexed timers the dispute chase uses): which conversation, the deadline it was armed for and the step
 * ({@code 4h}, {@code 1h} before it, or {@code breach}). A firing whose deadline is no longer the conversation's
 * (an agent moved it, or the conversation was closed) is stale and does nothing.
 * <pre>{"care":1,"conversationId":"c-7f3a...","answerBy":"2027-01-05T10:00:00Z","step":"4h","at":"..."}</pre>
 */
public record CareFiring(String conversationId, Instant answerBy, String step, Instant at) {

    /** The timer target name (TimerSweepFunction's TIMER_TARGETS maps it to the CareMailQueue). */
    public static final String TARGET = "care";
    public static final String BREACH = "breach";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static String timerId(String conversationId) {
        return "care#" + conversationId;
    }

    public static boolean isFiring(JsonNode node) {
        return node != null && node.isObject() && node.has("care");
    }

    public boolean isBreach() {
        return step.equals(BREACH);
    }

    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("care", 1);
        node.put("conversationId", conversationId);
        node.put("answerBy", answerBy.toString());
        node.put("step", step);
        node.put("at", at.toString());
        return node.toString();
    }

    public static CareFiring read(JsonNode node) {
        JsonFields fields = JsonFields.object(node, "").allowOnly(Set.of("care", "conversationId", "answerBy", "step",
                "at"));
        if (fields.integer("care", 1, 1) != 1) {
            throw new InvalidInputException(RejectReason.UNSUPPORTED_VERSION, "care firing version must be 1");
        }
        try {
            return new CareFiring(fields.identifier("conversationId"), Instant.parse(fields.string("answerBy", 40)),
                    fields.string("step", 16), Instant.parse(fields.string("at", 40)));
        } catch (DateTimeParseException e) {
            throw JsonFields.violation("answerBy", "must be an instant such as 2027-01-05T10:00:00Z");
        }
    }
}
