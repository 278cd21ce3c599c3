package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.care.FollowUpBook;
import dev.storecrm.domain.care.FollowUpCall;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Follow-up calls in the FollowUpsTable: partition key {@code listMonth} ({@code birthdays#2026-06}),
 * sort key {@code customerId}; a call replaces the member's previous one for that list month. Kept
 * two years ({@code expiresAt}, TTL).
 */
public final class DynamoDbFollowUpBook implements FollowUpBook {

    private static final Duration KEPT = Duration.ofDays(731);

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbFollowUpBook(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void record(FollowUpCall call) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("listMonth", s(call.listMonth()));
        item.put("customerId", s(call.customerId()));
        item.put("outcome", s(call.outcome().name()));
        call.note().ifPresent(note -> item.put("note", s(note)));
        item.put("by", s(call.by()));
        item.put("at", s(call.at().toString()));
        item.put("expiresAt", n(call.at().plus(KEPT).getEpochSecond()));
        dynamoDb.putItem(p -> p.tableName(tableName).item(item));
    }

    @Override
    public Optional<FollowUpCall> find(String list, YearMonth month, String customerId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(tableName).key(Map.of(
                "listMonth", s(list + "#" + month), "customerId", s(customerId)))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FollowUpCall(list, month, customerId,
                FollowUpCall.Outcome.valueOf(item.get("outcome").s()),
                Optional.ofNullable(item.get("note")).map(AttributeValue::s), item.get("by").s(),
                Instant.parse(item.get("at").s())));
    }
}
