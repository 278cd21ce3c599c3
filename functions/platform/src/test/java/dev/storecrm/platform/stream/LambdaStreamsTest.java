package dev.storecrm.platform.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.localcloud.Template;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The handlers read their events and write their answers themselves (the runtime then skips its own
 * serializer at a cold start): whatever they read and write must be what Lambda's serializer would have
 * made of the same JSON. Held against {@code aws-lambda-java-serialization}, as the managed runtime uses
 * it, on every SQS batch and HTTP request sample of {@code events/} and on full payloads from the
 * Lambda documentation (message attributes of each type; a JWT, a Lambda and an IAM authorizer).
 */
class LambdaStreamsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An SQS record as the Lambda documentation shows it, with a String, a Number and a Binary attribute. */
    private static final String SQS_WITH_ATTRIBUTES = """
            {"Records":[{"messageId":"059f36b4-87a3-44ab-83d2-661975830a7d",
              "receiptHandle":"AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a...",
              "body":"{\\"id\\":\\"evt-1\\"}",
              "attributes":{"ApproximateReceiveCount":"3","AWSTraceHeader":"Root=1-5f6d7e8a-3c2b1a0f",
                "SentTimestamp":"1545082649183","SenderId":"AIDAIENQZJOLO23YVJ4VO",
                "ApproximateFirstReceiveTimestamp":"1545082649185","MessageGroupId":"g1",
                "MessageDeduplicationId":"d1","SequenceNumber":"18849496460467696128"},
              "messageAttributes":{
                "kind":{"stringValue":"greeting","stringListValues":[],"binaryListValues":[],"dataType":"String"},
                "priority":{"stringValue":"2","stringListValues":[],"binaryListValues":[],"dataType":"Number"},
                "digest":{"binaryValue":"c3RvcmVjcm0=","stringListValues":[],"binaryListValues":[],
                  "dataType":"Binary"}},
              "md5OfBody":"e4e68fb7bd0e697a0ae8f1bb342846b3","md5OfMessageAttributes":"00484c68...59e48f06",
              "eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:us-east-2:123456789012:my-queue",
              "awsRegion":"us-east-2"}]}""";

    /** An HTTP API request with every part of payload 2.0 the documentation lists, and all three authorizers. */
    private static final String HTTP_FULL = """
            {"version":"2.0","routeKey":"GET /members/{id}","rawPath":"/members/c-1",
             "rawQueryString":"parameter1=value1&parameter1=value2&parameter2=value",
             "cookies":["cookie1","cookie2"],"headers":{"header1":"value1","header2":"value1,value2"},
             "queryStringParameters":{"parameter1":"value1,value2","parameter2":"value"},
             "requestContext":{"accountId":"123456789012","apiId":"api-id",
               "authorizer":{"jwt":{"claims":{"cognito:groups":"[agents]","email":"agent@example.com"},
                 "scopes":["openid","email"]},
                 "lambda":{"staff":"agent","level":3,"active":true,"teams":["care","sales"],"nested":{"a":1.5}},
                 "iam":{"accessKey":"AKIA...","accountId":"111122223333","callerId":"AIDA...",
                   "cognitoIdentity":{"amr":["foo"],"identityId":"us-east-1:3f2c","identityPoolId":"us-east-1:pool"},
                   "principalOrgId":"o-abc","userArn":"arn:aws:iam::111122223333:user/example-user",
                   "userId":"AIDA..."}},
               "domainName":"id.execute-api.us-east-1.amazonaws.com","domainPrefix":"id",
               "http":{"method":"POST","path":"/members/c-1","protocol":"HTTP/1.1","sourceIp":"192.0.2.1",
                 "userAgent":"agent"},
               "requestId":"id","routeKey":"GET /members/{id}","stage":"$default","time":"12/Mar/2020:19:03:58 +0000",
               "timeEpoch":1583348638390},
             "body":"eyJhIjoxfQ==","pathParameters":{"id":"c-1"},"isBase64Encoded":true,
             "stageVariables":{"stageVariable1":"value1"}}""";

    @Test
    void everySqsBatchReadsAsLambdaReadsIt() throws IOException {
        List<String> batches = new ArrayList<>(samples("\"Records\""));
        batches.add(SQS_WITH_ATTRIBUTES);
        assertTrue(batches.size() >= 3, "the SQS samples of events/ were not found");
        for (String batch : batches) {
            SQSEvent ours = SqsEvents.read(stream(batch));
            assertEquals(lambda(SQSEvent.class).fromJson(stream(batch)), ours, batch);
            assertNotNull(ours.getRecords().getFirst().getEventSourceArn());
        }
    }

    @Test
    void everyHttpRequestReadsAsLambdaReadsIt() throws IOException {
        List<String> requests = new ArrayList<>(samples("\"requestContext\""));
        requests.add(HTTP_FULL);
        assertTrue(requests.size() >= 20, "the HTTP samples of events/ were not found: " + requests.size());
        for (String request : requests) {
            APIGatewayV2HTTPEvent expected = lambda(APIGatewayV2HTTPEvent.class).fromJson(stream(request));
            assertEquals(expected, HttpEvents.read(stream(request)), request);
        }
        APIGatewayV2HTTPEvent full = HttpEvents.read(stream(HTTP_FULL));
        assertEquals("[agents]", full.getRequestContext().getAuthorizer().getJwt().getClaims().get("cognito:groups"));
        assertEquals(List.of("care", "sales"), full.getRequestContext().getAuthorizer().getLambda().get("teams"));
        assertEquals(1583348638390L, full.getRequestContext().getTimeEpoch());
    }

    @Test
    void answersAreWrittenAsLambdaWritesThem() throws IOException {
        SQSBatchResponse failures = new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("m-2"),
                new SQSBatchResponse.BatchItemFailure("m-7")));
        assertEquals(lambdaJson(SQSBatchResponse.class, failures), written(out -> SqsEvents.write(failures, out)));
        SQSBatchResponse none = new SQSBatchResponse(List.of());
        assertEquals(lambdaJson(SQSBatchResponse.class, none), written(out -> SqsEvents.write(none, out)));

        APIGatewayV2HTTPResponse page = APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withHeaders(Map.of("content-type", "text/html; charset=utf-8", "cache-control", "no-store"))
                .withCookies(List.of("a=b; Secure")).withBody("<p>退订成功 \"done\" & ok</p>").build();
        assertEquals(lambdaJson(APIGatewayV2HTTPResponse.class, page), written(out -> HttpEvents.write(page, out)));
        APIGatewayV2HTTPResponse empty = APIGatewayV2HTTPResponse.builder().withStatusCode(204).build();
        assertEquals(lambdaJson(APIGatewayV2HTTPResponse.class, empty), written(out -> HttpEvents.write(empty, out)));
    }

    @Test
    void aScheduledRunReadsItsPayloadAndWritesItsReport() throws IOException {
        assertEquals(Map.of(), ScheduledEvents.read(stream("")));
        assertEquals(Map.of("source", "aws.scheduler", "hour", 9),
                ScheduledEvents.read(stream("{\"source\":\"aws.scheduler\",\"hour\":9}")));
        Map<String, Object> report = Map.of("hours", 1, "greeted", 17, "skipped", List.of("c-1"));
        assertEquals(JSON.valueToTree(report), written(out -> ScheduledEvents.write(report, out)));
    }

    private interface Writer {
        void write(java.io.OutputStream out) throws IOException;
    }

    private static JsonNode written(Writer writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(out);
        return JSON.readTree(out.toByteArray());
    }

    /** What the runtime writes, with its {@code null} fields left out (Lambda reads absent and null alike). */
    private static <T> JsonNode lambdaJson(Class<T> type, T value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lambda(type).toJson(value, out);
        JsonNode node = JSON.readTree(out.toByteArray());
        List<String> nulls = new ArrayList<>();
        node.properties().forEach(e -> {
            if (e.getValue().isNull()) {
                nulls.add(e.getKey());
            }
        });
        ((ObjectNode) node).remove(nulls);
        return node;
    }

    /** The serializer the managed runtime picks for a handler's event type (EventHandlerLoader). */
    private static <T> PojoSerializer<T> lambda(Class<T> type) {
        return LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? LambdaEventSerializers.serializerFor(type, LambdaStreamsTest.class.getClassLoader())
                : JacksonFactory.getInstance().getSerializer(type);
    }

    private static List<String> samples(String marker) throws IOException {
        try (Stream<Path> files = Files.walk(Template.projectRoot().resolve("events"))) {
            List<String> found = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String text = Files.readString(file);
                if (text.contains(marker) && !file.toString().contains("/invalid/")) {
                    found.add(text);
                }
            }
            return found;
        }
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
