package dev.storecrm.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The in-process path to DynamoDB Local answers exactly as its HTTP server does: the same script
 * of calls (writes with capacity, refused conditions with the old item, transactions cancelled
 * with reasons, paginated queries on an index, batches, validation errors, a missing table) gives
 * the same results, item for item and error for error, through both. It also needs no socket.
 */
class InProcessDynamoDbIT {

    private static DynamoDBProxyServer server;
    private static URI httpEndpoint;
    /** A loopback port nobody listens on: only the in-process route can answer there. */
    private static URI inProcessEndpoint;
    private static final List<DynamoDbClient> CLIENTS = new ArrayList<>();

    @BeforeAll
    static void startOneEngineBehindBothPaths() throws Exception {
        LocalDynamoDBRequestHandler engine = EmulatorBackend.dynamoDbLocalEngine();
        int port = EmulatorBackend.freePort();
        server = EmulatorBackend.dynamoDbLocalServer(port, engine);
        server.start();
        httpEndpoint = URI.create("http://127.0.0.1:" + port);
        inProcessEndpoint = URI.create("http://127.0.0.1:" + EmulatorBackend.freePort());
        LoopbackHttpClient.answerInProcess(inProcessEndpoint, new InProcessDynamoDb(engine)::answer);
    }

    @AfterAll
    static void stop() throws Exception {
        CLIENTS.forEach(DynamoDbClient::close);
        LoopbackHttpClient.stopAnsweringInProcess(inProcessEndpoint);
        server.stop();
    }

    private static DynamoDbClient client(URI endpoint) {
        DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(new LoopbackHttpClient(UrlConnectionHttpClient.create()))
                .build();
        CLIENTS.add(client);
        return client;
    }

    @Test
    void answersEveryCallOfTheScriptAsTheHttpServerDoes() {
        List<String> overHttp = script(client(httpEndpoint), "ViaHttp");
        List<String> inProcess = script(client(inProcessEndpoint), "InProcess");

        assertEquals(overHttp.size(), inProcess.size());
        for (int step = 0; step < overHttp.size(); step++) {
            assertEquals(overHttp.get(step), inProcess.get(step).replace("InProcess", "ViaHttp"), "step " + step);
        }
        assertTrue(inProcess.stream().anyMatch(result -> result.startsWith("ConditionalCheckFailedException")),
                inProcess::toString);
        assertTrue(inProcess.stream().anyMatch(result -> result.contains("CapacityUnits=")), inProcess::toString);
    }

    @Test
    void aWriteInProcessIsSeenOverHttpAndTheOtherWayRound() {
        DynamoDbClient http = client(httpEndpoint);
        DynamoDbClient inProcess = client(inProcessEndpoint);
        createTable(http, "Shared");

        inProcess.putItem(p -> p.tableName("Shared")
                .item(Map.of("pk", s("a"), "sk", s("1"), "v", s("from in-process"))));
        http.putItem(p -> p.tableName("Shared").item(Map.of("pk", s("b"), "sk", s("1"), "v", s("over http"))));

        assertEquals("from in-process", http.getItem(g -> g.tableName("Shared").key(Map.of("pk", s("a"), "sk", s("1"))))
                .item().get("v").s());
        assertEquals("over http", inProcess.getItem(g -> g.tableName("Shared").key(Map.of("pk", s("b"), "sk", s("1"))))
                .item().get("v").s());
    }

    /** Each call's result or error, as text, with nothing in it that differs between two runs (request ids). */
    private static List<String> script(DynamoDbClient db, String table) {
        List<String> results = new ArrayList<>();
        results.add(outcome(() -> createTable(db, table).tableDescription().keySchema()));
        for (int i = 0; i < 5; i++) {
            int n = i;
            results.add(outcome(() -> db.putItem(p -> p.tableName(table)
                    .item(Map.of("pk", s("member#1"), "sk", s("order#" + n), "gsi", s("day#" + (n % 2)),
                            "amount", AttributeValue.fromN(n + ".50"),
                            "tags", AttributeValue.fromSs(List.of("vip", "zh-CN")),
                            "blob", AttributeValue.fromB(SdkBytes.fromUtf8String("bytes " + n)),
                            "nested", AttributeValue.fromM(Map.of("l",
                                    AttributeValue.fromL(List.of(s("x"), AttributeValue.fromBool(true)))))))
                    .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))));
        }
        results.add(outcome(() -> db.putItem(p -> p.tableName(table)
                .item(Map.of("pk", s("member#1"), "sk", s("order#0")))
                .conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))));
        results.add(outcome(() -> db.updateItem(u -> u.tableName(table)
                .key(Map.of("pk", s("member#1"), "sk", s("order#1")))
                .updateExpression("ADD amount :one SET #n = :name")
                .expressionAttributeNames(Map.of("#n", "name"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":name", s("李雷")))
                .returnValues(ReturnValue.UPDATED_NEW)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))));
        results.add(outcome(() -> db.transactWriteItems(t -> t.transactItems(
                TransactWriteItem.builder()
                        .put(p -> p.tableName(table).item(Map.of("pk", s("member#2"), "sk", s("x")))).build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName(table)
                        .key(Map.of("pk", s("member#1"), "sk", s("order#2")))
                        .conditionExpression("amount > :big")
                        .expressionAttributeValues(Map.of(":big", AttributeValue.fromN("100")))).build()))));
        results.add(outcome(() -> db.query(q -> q.tableName(table)
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s("member#1")))
                .limit(2).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))));
        results.add(outcome(() -> db.query(q -> q.tableName(table).indexName("byDay")
                .keyConditionExpression("gsi = :d").expressionAttributeValues(Map.of(":d", s("day#0")))
                .exclusiveStartKey(Map.of("pk", s("member#1"), "sk", s("order#0"), "gsi", s("day#0"))))));
        results.add(outcome(() -> db.batchWriteItem(b -> b.requestItems(Map.of(table, List.of(
                WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(Map.of("pk", s("member#3"), "sk", s("a"))).build())
                        .build(),
                WriteRequest.builder()
                        .deleteRequest(d -> d.key(Map.of("pk", s("member#1"), "sk", s("order#4")))).build())))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))));
        results.add(outcome(() -> db.batchGetItem(b -> b.requestItems(Map.of(table, KeysAndAttributes.builder()
                .keys(Map.of("pk", s("member#3"), "sk", s("a")), Map.of("pk", s("member#1"), "sk", s("order#4")))
                .build())))
                .responses()));
        results.add(outcome(() -> db.getItem(g -> g.tableName(table).key(Map.of("pk", s(""), "sk", s("a"))))));
        results.add(outcome(() -> db.getItem(g -> g.tableName(table + "Missing")
                .key(Map.of("pk", s("a"), "sk", s("a"))))));
        results.add(outcome(() -> db.scan(s -> s.tableName(table).filterExpression("contains(tags, :t)")
                .expressionAttributeValues(Map.of(":t", s("vip")))).count()));
        assertEquals(ResourceNotFoundException.class.getSimpleName() + ": Cannot do operations on a non-existent table",
                results.get(results.size() - 2), "the missing table's error, through " + table);
        return results;
    }

    private static CreateTableResponse createTable(DynamoDbClient db, String table) {
        return db.createTable(t -> t.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("gsi").attributeType(ScalarAttributeType.S).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byDay")
                        .keySchema(KeySchemaElement.builder().attributeName("gsi").keyType(KeyType.HASH).build())
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
    }

    private static String outcome(Supplier<Object> call) {
        try {
            return String.valueOf(call.get());
        } catch (ConditionalCheckFailedException refused) {
            return refused.getClass().getSimpleName() + ": " + refused.awsErrorDetails().errorMessage() + " "
                    + refused.item();
        } catch (TransactionCanceledException cancelled) {
            return cancelled.getClass().getSimpleName() + ": " + cancelled.awsErrorDetails().errorMessage()
                    + " " + cancelled.cancellationReasons();
        } catch (DynamoDbException refused) {
            return refused.getClass().getSimpleName() + ": " + refused.awsErrorDetails().errorMessage();
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
