package dev.storecrm.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The second yardstick: {@link ColdStartBaseline} as a stream handler, as the functions are since 2026-12-06. The
 * runtime then hands it the event's bytes and loads none of its own serializer (which the first yardstick's
 * {@code Map} input costs it): the least a Java function on this SDK can do. The benchmark prints the ratio to
 * both.
 */
public final class ColdStartStreamBaseline implements RequestStreamHandler {

    private final DynamoDbClient dynamoDb = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
            .build();
    private final String table = System.getenv("TABLE");

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        boolean found = dynamoDb.getItem(g -> g.tableName(table)
                .key(Map.of("customerId", AttributeValue.fromS("baseline")))).hasItem();
        output.write(String.valueOf(found).getBytes(StandardCharsets.UTF_8));
    }
}
