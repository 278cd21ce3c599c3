package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.winback.WinBackJournal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The win-back journal in the WinBackTable: partition key {@code customerId}, sort key
 * {@code entry} = {@code <episode>#<step>}; GSI {@code ByMonth} (partition key {@code month} =
 * {@code yyyy-MM} of entering, sort key {@code monthKey} = {@code <enteredAt>#<customerId>#<step>})
 * for the staff's list of a month. An entry is written once (conditional put).
 */
public final class DynamoDbWinBackJournal implements WinBackJournal {

    public static final String BY_MONTH = "ByMonth";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbWinBackJournal(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void record(Entry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("customerId", s(entry.customerId()));
        item.put("entry", s(entry.episode() + "#" + entry.step()));
        item.put("episode", s(entry.episode().toString()));
        item.put("step", n(entry.step()));
        item.put("enteredAt", s(entry.enteredAt().toString()));
        item.put("month", s(YearMonth.from(entry.enteredAt().atOffset(ZoneOffset.UTC)).toString()));
        item.put("monthKey", s(entry.enteredAt() + "#" + entry.customerId() + "#" + entry.step()));
        entry.couponCode().ifPresent(code -> item.put("couponCode", s(code)));
        entry.messageKey().ifPresent(key -> item.put("messageKey", s(key)));
        entry.skipped().ifPresent(why -> item.put("skipped", s(why)));
        try {
            dynamoDb.putItem(p -> p.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(customerId)"));
        } catch (ConditionalCheckFailedException alreadyRecorded) {
            // This member entered this step of this episode before (a timer delivered twice): one entry.
        }
    }

    @Override
    public List<Entry> enteredIn(YearMonth month) {
        return dynamoDb.queryPaginator(q -> q.tableName(tableName).indexName(BY_MONTH)
                        .keyConditionExpression("#month = :month")
                        .expressionAttributeNames(Map.of("#month", "month"))
                        .expressionAttributeValues(Map.of(":month", s(month.toString()))))
                .items().stream().map(DynamoDbWinBackJournal::entry).toList();
    }

    /** The entry a WinBackTable item holds (also read by the member view, per member). */
    public static Entry entry(Map<String, AttributeValue> item) {
        return new Entry(item.get("customerId").s(), Instant.parse(item.get("episode").s()),
                (int) Attributes.number(item, "step", 0), Instant.parse(item.get("enteredAt").s()),
                Attributes.string(item, "couponCode"), Attributes.string(item, "messageKey"),
                Attributes.string(item, "skipped"));
    }
}
