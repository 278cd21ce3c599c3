package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.event.PrivacyEvent;
import dev.storecrm.domain.privacy.PrivacyRequests;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The PrivacyRequestsTable: one item per privacy request, written once (a conditional put), never expiring, so a
 * request waits there, whole, until the privacy work acts on it.
 *
 * <p>Key: {@code requestKey} = {@code <type>#<requestId>} (e.g. {@code CustomerErasureRequested#shopify:redact:...}).
 * Attributes: {@code type}, {@code requestId}, {@code eventId}, {@code occurredAt}, {@code receivedAt},
 * {@code deadline} (where the request has one), {@code customerId} (where the subject has one), {@code status}
 * ({@code RECEIVED}) and {@code event}, the canonical event as received (bounded by the contract's limits, well
 * under DynamoDB's item size). The subject's e-mail address and phone are in {@code event} only.
 */
public final class DynamoDbPrivacyRequests implements PrivacyRequests {

    /** The status of a request no one has acted on yet. */
    public static final String RECEIVED = "RECEIVED";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbPrivacyRequests(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean keep(PrivacyEvent request, String eventJson, Instant receivedAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("requestKey", s(key(request)));
        item.put("type", s(request.meta().type().name()));
        item.put("requestId", s(request.requestId()));
        item.put("eventId", s(request.meta().id()));
        item.put("occurredAt", s(request.meta().occurredAt().toString()));
        item.put("receivedAt", s(receivedAt.toString()));
        item.put("status", s(RECEIVED));
        request.deadline().ifPresent(deadline -> item.put("deadline", s(deadline.toString())));
        request.subject().customerId().ifPresent(customerId -> item.put("customerId", s(customerId)));
        item.put("event", s(eventJson));
        try {
            dynamoDb.putItem(put -> put.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(requestKey)"));
            return true;
        } catch (ConditionalCheckFailedException keptBefore) {
            return false;
        }
    }

    /** The item key of a request. */
    public static String key(PrivacyEvent request) {
        return request.meta().type().name() + "#" + request.requestId();
    }
}
