package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.s;

import java.time.LocalDate;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Counters kept one item per day and key in one partition of a table, sorted {@code <day>#<key>} (the mail and
 * coupon outcomes in the ReputationTable): a period is one query of the partition, paged.
 */
final class DailyCounters {

    private DailyCounters() {}

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
