package dev.storecrm.platform.dynamodb;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Bulk loading (imports, benchmarks, simulations): puts items 25 at a time, retrying what DynamoDB left
 * unprocessed.
 */
public final class BatchWrites {

    private BatchWrites() {}

    public static void putAll(DynamoDbClient dynamoDb, String tableName, List<Map<String, AttributeValue>> items) {
        for (int i = 0; i < items.size(); i += 25) {
            List<WriteRequest> writes = items.subList(i, Math.min(items.size(), i + 25)).stream()
                    .map(item -> WriteRequest.builder().putRequest(p -> p.item(item)).build())
                    .toList();
            Map<String, List<WriteRequest>> pending = Map.of(tableName, writes);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamoDb.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
            }
        }
    }
}
