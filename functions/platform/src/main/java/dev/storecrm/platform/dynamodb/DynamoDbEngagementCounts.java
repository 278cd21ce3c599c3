package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.messaging.EngagementCounts;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Opens and clicks in the ReputationTable (the sending statistics): partition {@code engagement}, sort key
 * {@code <day>#<journey>}, counters {@code opens} and {@code clicks} added to atomically, kept 400 days. A period
 * is one Query ({@code sk BETWEEN}), summed by journey.
 */
public final class DynamoDbEngagementCounts implements EngagementCounts {

    private static final int KEEP_DAYS = 400;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbEngagementCounts(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void count(String journey, Kind kind, LocalDate day) {
        dynamoDb.updateItem(u -> u.tableName(tableName)
                .key(Map.of("pk", s("engagement"), "sk", s(day + "#" + journey)))
                .updateExpression("ADD #count :one SET journey = :journey, expiresAt = :expires")
                .expressionAttributeNames(Map.of("#count", kind == Kind.OPEN ? "opens" : "clicks"))
                .expressionAttributeValues(Map.of(":one", n(1), ":journey", s(journey), ":expires",
                        n(day.plusDays(KEEP_DAYS).atStartOfDay(ZoneOffset.UTC).toEpochSecond()))));
    }

    @Override
    public List<Totals> between(LocalDate from, LocalDate to) {
        Map<String, long[]> byJourney = new TreeMap<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> after = start;
            QueryResponse page = dynamoDb.query(q -> q.tableName(tableName).exclusiveStartKey(after)
                    .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":pk", s("engagement"), ":from", s(from + "#"),
                            ":to", s(to + "#\uffff"))));
            for (Map<String, AttributeValue> item : page.items()) {
                long[] totals = byJourney.computeIfAbsent(Attributes.string(item, "journey").orElse("?"),
                        j -> new long[2]);
                totals[0] += Attributes.number(item, "opens", 0);
                totals[1] += Attributes.number(item, "clicks", 0);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        List<Totals> totals = new ArrayList<>();
        byJourney.forEach((journey, t) -> totals.add(new Totals(journey, t[0], t[1])));
        return totals;
    }
}
