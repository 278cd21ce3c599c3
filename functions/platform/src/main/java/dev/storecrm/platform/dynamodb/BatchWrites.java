package dev.storecrm.platform.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Bulk loading (imports, benchmarks, simulations, a member's occasions and timers): puts items 25 at a time,
 * retrying what DynamoDB left unprocessed after a pause that doubles each time (with jitter), as AWS asks of
 * BatchWriteItem callers; a batch still unprocessed after {@value #ATTEMPTS} attempts is an
 * {@link IllegalStateException} (throttling: the message goes back to its queue and is tried again later).
 */
public final class BatchWrites {

    static final int ATTEMPTS = 8;
    private static final long FIRST_PAUSE_MILLIS = 50;

    private BatchWrites() {}

    public static void putAll(DynamoDbClient dynamoDb, String tableName, List<Map<String, AttributeValue>> items) {
        putAll(dynamoDb, tableName, items, BatchWrites::sleep);
    }

    static void putAll(DynamoDbClient dynamoDb, String tableName, List<Map<String, AttributeValue>> items,
                       LongConsumer pause) {
        for (int i = 0; i < items.size(); i += 25) {
            List<WriteRequest> writes = items.subList(i, Math.min(items.size(), i + 25)).stream()
                    .map(item -> WriteRequest.builder().putRequest(p -> p.item(item)).build())
                    .toList();
            Map<String, List<WriteRequest>> pending = Map.of(tableName, writes);
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > ATTEMPTS) {
                    throw new IllegalStateException(pending.get(tableName).size() + " items of " + tableName
                            + " still unprocessed after " + ATTEMPTS + " BatchWriteItem attempts (throttled)");
                }
                if (attempt > 1) {
                    long ceiling = FIRST_PAUSE_MILLIS << (attempt - 2);
                    pause.accept(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
                }
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamoDb.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pausing before a BatchWriteItem retry", e);
        }
    }
}
