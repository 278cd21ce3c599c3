package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.platform.adapter.OrderOwners;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The OrderOwnersTable: one item per order the payment adapters saw placed, naming its customer,
 * expiring (DynamoDB TTL on {@code expiresAt}) after the retention, which covers the time within
 * which a refund or a card dispute can follow an order.
 *
 * <p>Key: {@code orderId} (the canonical order id, e.g. {@code shopify:450789469}). Writes are
 * plain puts (the same order always has the same customer); reads are strongly consistent, so a
 * refund processed a moment after its order finds it.
 */
public final class DynamoDbOrderOwners implements OrderOwners {

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Duration retention;
    private final Clock clock;

    public DynamoDbOrderOwners(DynamoDbClient dynamoDb, String tableName, Duration retention, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public void remember(String orderId, String customerId) {
        dynamoDb.putItem(put -> put.tableName(tableName).item(Map.of(
                "orderId", s(orderId),
                "customerId", s(customerId),
                "expiresAt", n(clock.instant().plus(retention).getEpochSecond()))));
    }

    @Override
    public Optional<String> customerOf(String orderId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                .key(Map.of("orderId", s(orderId))).consistentRead(true)).item();
        return item == null || !item.containsKey("customerId") ? Optional.empty()
                : Optional.of(item.get("customerId").s());
    }
}
