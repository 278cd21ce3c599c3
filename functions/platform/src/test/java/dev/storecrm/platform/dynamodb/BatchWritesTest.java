package dev.storecrm.platform.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Unprocessed items are retried after growing pauses, and a batch throttled for good fails instead of spinning. */
class BatchWritesTest {

    private static final List<Map<String, AttributeValue>> ITEMS = IntStream.range(0, 30)
            .mapToObj(i -> Map.of("pk", AttributeValue.fromS("k-" + i))).toList();

    @Test
    void whatDynamoDbLeavesUnprocessedIsRetriedAfterAPauseThatDoubles() {
        Throttling dynamoDb = new Throttling(3);
        List<Long> pauses = new ArrayList<>();

        BatchWrites.putAll(dynamoDb, "T", ITEMS, pauses::add);

        assertEquals(30, dynamoDb.written.size(), "every item written once");
        assertEquals(5, dynamoDb.calls, "the first batch of 25 three times unprocessed, then both batches");
        assertEquals(3, pauses.size());
        assertTrue(pauses.get(0) >= 25 && pauses.get(0) <= 50, pauses.toString());
        assertTrue(pauses.get(1) >= 50 && pauses.get(1) <= 100, pauses.toString());
        assertTrue(pauses.get(2) >= 100 && pauses.get(2) <= 200, pauses.toString());
    }

    @Test
    void aBatchStillThrottledAfterEightAttemptsFailsSoTheMessageIsTriedAgainLater() {
        Throttling dynamoDb = new Throttling(Integer.MAX_VALUE);
        List<Long> pauses = new ArrayList<>();

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> BatchWrites.putAll(dynamoDb, "T", ITEMS, pauses::add));

        assertEquals("25 items of T still unprocessed after 8 BatchWriteItem attempts (throttled)",
                failure.getMessage());
        assertEquals(BatchWrites.ATTEMPTS, dynamoDb.calls);
        assertEquals(7, pauses.size());
        assertTrue(pauses.getLast() >= 1600 && pauses.getLast() <= 3200, pauses.toString());
    }

    /** DynamoDB throttling the first batch's writes a number of times, then taking them. */
    private static final class Throttling implements DynamoDbClient {

        private int throttles;
        private int calls;
        private final List<WriteRequest> written = new ArrayList<>();

        Throttling(int throttles) {
            this.throttles = throttles;
        }

        @Override
        public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
            calls++;
            List<WriteRequest> writes = request.requestItems().get("T");
            if (throttles > 0) {
                throttles--;
                return BatchWriteItemResponse.builder().unprocessedItems(Map.of("T", writes)).build();
            }
            written.addAll(writes);
            return BatchWriteItemResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {}
    }
}
