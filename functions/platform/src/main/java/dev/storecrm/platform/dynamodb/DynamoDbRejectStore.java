package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.platform.batch.RejectStore;
import dev.storecrm.platform.batch.RejectedMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Keeps rejected messages in the RejectsTable, one item per consumer and SQS message id, so a
 * redelivered message is kept once. Items expire after the retention period (DynamoDB TTL on
 * {@code expiresAt}); the body is kept whole up to 100 KB.
 *
 * <p>Key: {@code rejectId} = {@code <consumer>#<messageId>}. {@code customerId}: the customer a canonical event's
 * body names ({@code body.customerId}, also inside an EventBridge envelope's {@code detail}), for the index
 * {@code ByCustomer} through which an erasure finds and deletes the customer's rejected messages (docs/privacy.md).
 */
public final class DynamoDbRejectStore implements RejectStore {

    static final int MAX_BODY_BYTES = 100 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Duration retention;

    public DynamoDbRejectStore(DynamoDbClient dynamoDb, String tableName, Duration retention) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.retention = retention;
    }

    @Override
    public void keep(RejectedMessage message) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("rejectId", s(message.consumer() + "#" + message.messageId()));
        item.put("consumer", s(message.consumer()));
        item.put("messageId", s(message.messageId()));
        message.eventId().ifPresent(id -> item.put("eventId", s(id)));
        message.eventType().ifPresent(type -> item.put("eventType", s(type)));
        item.put("reason", s(message.reason().name()));
        item.put("detail", s(message.detail()));
        item.put("body", s(truncate(message.body())));
        item.put("rejectedAt", s(message.rejectedAt().toString()));
        item.put("expiresAt", n(message.rejectedAt().plus(retention).getEpochSecond()));
        customerId(message.body()).ifPresent(id -> item.put("customerId", s(id)));
        dynamoDb.putItem(put -> put.tableName(tableName).item(item));
    }

    /** The customer a canonical event names, where the body is one (or one in an EventBridge envelope). */
    static Optional<String> customerId(String body) {
        JsonNode root;
        try {
            root = body == null ? null : JSON.readTree(body);
        } catch (IOException notJson) {
            return Optional.empty();
        }
        if (root == null) {
            return Optional.empty();
        }
        JsonNode event = root.has("detail") ? root.path("detail") : root;
        JsonNode id = event.path("body").path("customerId");
        return id.isTextual() && !id.asText().isBlank() && id.asText().length() <= 128 ? Optional.of(id.asText())
                : Optional.empty();
    }

    private static String truncate(String body) {
        if (body == null || body.isEmpty()) {
            return "(empty)";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BODY_BYTES) {
            return body;
        }
        return new String(bytes, 0, MAX_BODY_BYTES, StandardCharsets.UTF_8) + "...(truncated)";
    }
}
