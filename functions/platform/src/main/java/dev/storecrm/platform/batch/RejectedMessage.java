package dev.storecrm.platform.batch;

import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import java.time.Instant;
import java.util.Optional;

/**
 * A message a consumer refused, kept with its reason so that an operator can see why, fix the
 * producer and replay it. {@code eventId} and {@code eventType} are filled in when the body was
 * JSON enough to name them.
 */
public record RejectedMessage(String consumer, String messageId, Optional<String> eventId,
                              Optional<String> eventType, RejectReason reason, String detail, String body,
                              Instant rejectedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static RejectedMessage of(String consumer, String messageId, String body, RejectReason reason,
                                     String detail, Instant rejectedAt) {
        Optional<JsonNode> root = Optional.empty();
        try {
            root = Optional.ofNullable(JSON.readTree(body)).filter(JsonNode::isObject);
        } catch (Exception notJson) {
            // The reason already says the body is malformed; there is nothing to name.
        }
        return new RejectedMessage(consumer, messageId, root.flatMap(r -> text(r, "id")),
                root.flatMap(r -> text(r, "type")), reason, detail, body, rejectedAt);
    }

    private static Optional<String> text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual() || node.asText().length() > 128) {
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }
}
