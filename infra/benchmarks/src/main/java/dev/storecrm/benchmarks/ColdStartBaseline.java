package dev.storecrm.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cold start's yardstick: the least a Java function on this SDK does. Built, it makes one
 * DynamoDB client with the functions' HTTP client; invoked, it makes one {@code GetItem}. Run by the
 * same runtime client, with the same JVM options, as the functions ({@link ColdStartBenchmark}).
 */
public final class ColdStartBaseline implements RequestHandler<Map<String, Object>, String> {

    private final DynamoDbClient dynamoDb = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
            .build();
    private final String table = System.getenv("TABLE");

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return String.valueOf(dynamoDb.getItem(g -> g.tableName(table)
                .key(Map.of("customerId", AttributeValue.fromS("baseline")))).hasItem());
    }
}
