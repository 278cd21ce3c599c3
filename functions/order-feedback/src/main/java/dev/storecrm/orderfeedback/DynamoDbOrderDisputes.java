package dev.storecrm.orderfeedback;

import dev.storecrm.platform.dynamodb.Attributes;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DisputesTable read for one order: the customer's disputes by the index {@code ByCustomer} (keys only;
 * a customer has few disputes), then each dispute's {@code orderId}, stopping at the first that names the
 * order. Cost: one query page and at most one read per dispute of the customer.
 */
final class DynamoDbOrderDisputes implements OrderDisputes {

    static final String INDEX = "ByCustomer";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    DynamoDbOrderDisputes(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean disputed(String customerId, String orderId) {
        return dynamoDb.queryPaginator(q -> q.tableName(tableName).indexName(INDEX)
                        .keyConditionExpression("customerId = :customer")
                        .expressionAttributeValues(Map.of(":customer", Attributes.s(customerId))))
                .items().stream()
                .map(key -> key.get("disputeId"))
                .anyMatch(disputeId -> orderId.equals(orderOf(disputeId)));
    }

    private String orderOf(AttributeValue disputeId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(Map.of("disputeId", disputeId)).projectionExpression("orderId")).item();
        return item == null || item.get("orderId") == null ? null : item.get("orderId").s();
    }
}
