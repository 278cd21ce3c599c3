package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.platform.adapter.ReconciliationMarks;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The ReconciliationTable: one item per scheduled reconciliation (e.g. {@code woocommerce-orders}),
 * holding its high-water mark. Read strongly consistent (1 read unit), written with a condition on
 * the revision read (1 write unit), so two overlapping runs never move the mark back.
 *
 * <p>Key: {@code name}. Attributes: {@code since}, {@code nextPage}, {@code sweepStartedAt} (only
 * while a sweep is in progress), {@code rev}, {@code updatedAt}.
 */
public final class DynamoDbReconciliationMarks implements ReconciliationMarks {

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;

    public DynamoDbReconciliationMarks(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
    }

    @Override
    public Optional<Mark> read(String name) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                .key(Map.of("name", s(name))).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Mark(Instant.parse(item.get("since").s()),
                (int) Attributes.number(item, "nextPage", 1),
                Attributes.string(item, "sweepStartedAt").map(Instant::parse),
                Attributes.number(item, "rev", 0)));
    }

    @Override
    public boolean save(String name, Mark mark) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("name", s(name));
        item.put("since", s(mark.since().toString()));
        item.put("nextPage", n(mark.nextPage()));
        mark.sweepStartedAt().ifPresent(at -> item.put("sweepStartedAt", s(at.toString())));
        item.put("rev", n(mark.revision() + 1));
        item.put("updatedAt", s(clock.instant().toString()));
        try {
            if (mark.revision() == 0) {
                dynamoDb.putItem(put -> put.tableName(tableName).item(item)
                        .conditionExpression("attribute_not_exists(#name)")
                        .expressionAttributeNames(Map.of("#name", "name")));
            } else {
                dynamoDb.putItem(put -> put.tableName(tableName).item(item).conditionExpression("#rev = :rev")
                        .expressionAttributeNames(Map.of("#rev", "rev"))
                        .expressionAttributeValues(Map.of(":rev", n(mark.revision()))));
            }
            return true;
        } catch (ConditionalCheckFailedException anotherRunSavedFirst) {
            return false;
        }
    }
}
