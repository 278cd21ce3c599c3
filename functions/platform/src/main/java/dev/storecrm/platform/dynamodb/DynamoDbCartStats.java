package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.cart.CartDayStats;
import dev.storecrm.domain.cart.CartMetric;
import dev.storecrm.domain.cart.CartStats;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The daily attribution report of cart recovery, read from the CartStatsTable (partition key
 * {@code day}, {@code YYYY-MM-DD} in the store's time zone; one number attribute per
 * {@link CartMetric}, added to by {@link DynamoDbCarts} as carts change). A report of N days reads
 * N small items, whatever the number of carts.
 */
public final class DynamoDbCartStats implements CartStats {

    private static final int KEYS_PER_BATCH = 100;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbCartStats(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public List<CartDayStats> days(LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("the last day of a report cannot be before its first");
        }
        List<LocalDate> days = first.datesUntil(last.plusDays(1)).toList();
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        for (int i = 0; i < days.size(); i += KEYS_PER_BATCH) {
            List<Map<String, AttributeValue>> keys = days.subList(i, Math.min(days.size(), i + KEYS_PER_BATCH)).stream()
                    .map(DynamoDbCartStats::key).toList();
            Map<String, KeysAndAttributes> request = Map.of(tableName, KeysAndAttributes.builder().keys(keys).build());
            while (request != null && !request.isEmpty()) {
                Map<String, KeysAndAttributes> next = request;
                BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(next));
                response.responses().getOrDefault(tableName, List.of())
                        .forEach(item -> found.put(item.get("day").s(), item));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : null;
            }
        }
        List<CartDayStats> report = new ArrayList<>();
        for (LocalDate day : days) {
            Map<String, AttributeValue> item = found.getOrDefault(day.toString(), Map.of());
            Map<CartMetric, Long> figures = new EnumMap<>(CartMetric.class);
            for (CartMetric metric : CartMetric.values()) {
                figures.put(metric, Attributes.number(item, metric.attribute(), 0));
            }
            report.add(CartDayStats.of(day, figures));
        }
        return report;
    }

    static Map<String, AttributeValue> key(LocalDate day) {
        return Map.of("day", s(day.toString()));
    }
}
