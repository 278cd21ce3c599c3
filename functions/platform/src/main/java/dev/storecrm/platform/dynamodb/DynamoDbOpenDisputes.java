package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.messaging.OpenDisputes;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Open disputes by customer: the DisputesTable's sparse index {@code OpenByCustomer}, keyed by
 * {@code openCustomerId}, an attribute a dispute carries only while it is open. One query, half a
 * read unit when there is none.
 */
public final class DynamoDbOpenDisputes implements OpenDisputes {

    public static final String INDEX = "OpenByCustomer";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbOpenDisputes(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean hasOpenDispute(String customerId) {
        return dynamoDb.query(q -> q.tableName(tableName).indexName(INDEX)
                .keyConditionExpression("openCustomerId = :customer")
                .expressionAttributeValues(Map.of(":customer", s(customerId)))
                .limit(1)).count() > 0;
    }
}
