package dev.storecrm.domain.dispute;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.JsonFields;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Set;

/**
 * The body of a dispute's chase timer, delivered to the DisputeQueue by the timer sweep: which
 * dispute, which deadline (name and due time) and which step it was armed for. A firing that no
 * longer matches the dispute's chase (the dispute moved on) is ignored.
 *
 * <pre>
 * {"chase":1,"disputeId":"d-4001","deadline":"seller-response","due":"2026-11-14T19:00:00Z","step":"24h","at":"..."}
 * </pre>
 */
public record ChaseFiring(String disputeId, String deadline, Instant due, String step, Instant at) {

    /** The timer target name (TimerSweepFunction's TIMER_TARGETS maps it to the DisputeQueue). */
    public static final String TARGET = "dispute";
    private static final ObjectMapper JSON = new ObjectMapper();

    public ChaseFiring {
        Objects.requireNonNull(disputeId, "disputeId");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(at, "at");
    }

    public static ChaseFiring of(String disputeId, ChaseStep step) {
        return new ChaseFiring(disputeId, step.deadline().name(), step.deadline().due(), step.name(), step.at());
    }

    /** The timer id of a dispute's chase: one timer per dispute, re-armed for its next step. */
    public static String timerId(String disputeId) {
        return "dispute#" + disputeId;
    }

    /** Whether a queue message is a chase firing rather than a canonical event. */
    public static boolean isFiring(JsonNode node) {
        return node != null && node.isObject() && node.has("chase");
    }

    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("chase", 1);
        node.put("disputeId", disputeId);
        node.put("deadline", deadline);
        node.put("due", due.toString());
        node.put("step", step);
        node.put("at", at.toString());
        return node.toString();
    }

    public static ChaseFiring read(JsonNode node) {
        JsonFields fields = JsonFields.object(node, "")
                .allowOnly(Set.of("chase", "disputeId", "deadline", "due", "step", "at"));
        if (fields.integer("chase", 1, 1) != 1) {
            throw new InvalidInputException(RejectReason.UNSUPPORTED_VERSION, "chase firing version must be 1");
        }
        try {
            return new ChaseFiring(fields.identifier("disputeId"), fields.string("deadline", 32),
                    Instant.parse(fields.string("due", 40)), fields.string("step", 16),
                    Instant.parse(fields.string("at", 40)));
        } catch (DateTimeParseException e) {
            throw JsonFields.violation("due", "must be an instant such as 2026-11-14T19:00:00Z");
        }
    }
}
