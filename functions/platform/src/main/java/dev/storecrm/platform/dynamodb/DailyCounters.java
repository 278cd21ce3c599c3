package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Counters kept one item per day and key in one partition of a table, sorted {@code <day>#<key>} (the mail and
 * coupon outcomes in the ReputationTable), each kept {@value #KEEP_DAYS} days: a count is one small update, a period
 * one query of the partition, paged.
 */
final class DailyCounters {

    static final int KEEP_DAYS = 400;

    private DailyCounters() {}

    /**
     * Adds to the counters of {@code day} and {@code key}: {@code update} is the expression's {@code ADD} part and
     * what it sets beside the expiry, {@code values} its values.
     */
    static void add(DynamoDbClient dynamoDb, String table, String partition, LocalDate day, String key,
                    String update, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":expires", n(day.plusDays(KEEP_DAYS).atStartOfDay(ZoneOffset.UTC).toEpochSecond()));
        dynamoDb.updateItem(u -> u.tableName(table).key(Map.of("pk", s(partition), "sk", s(day + "#" + key)))
                .updateExpression(update + ", expiresAt = :expires").expressionAttributeValues(all));
    }

    /** The partition's items of the days {@code from} to {@code to}, both included. */
    static Iterable<Map<String, AttributeValue>> between(DynamoDbClient dynamoDb, String table, String partition,
                                                         LocalDate from, LocalDate to) {
        return dynamoDb.queryPaginator(q -> q.tableName(table)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", s(partition), ":from", s(from + "#"),
                        ":to", s(to + "#\uffff")))).items();
    }

    /** The day of an item of the partition. */
    static LocalDate dayOf(Map<String, AttributeValue> item) {
        String key = Attributes.string(item, "sk").orElseThrow();
        return LocalDate.parse(key.substring(0, key.indexOf('#')));
    }
}
