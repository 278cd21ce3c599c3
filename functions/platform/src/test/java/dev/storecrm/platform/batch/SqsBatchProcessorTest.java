package dev.storecrm.platform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.platform.metrics.MetricUnit;
import dev.storecrm.platform.metrics.Metrics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.sqs.model.SqsException;

class SqsBatchProcessorTest {

    private final List<RejectedMessage> kept = new ArrayList<>();
    private final CountingMetrics metrics = new CountingMetrics();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);

    private static SQSEvent batch(String... bodies) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("m-" + i);
            message.setBody(bodies[i]);
            records.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    @Test
    void aRejectedMessageIsKeptWithItsReasonAndDoesNotBlockTheOthers() {
        SqsBatchProcessor processor = new SqsBatchProcessor("test", kept::add, metrics, clock)
                .counting(outcome -> true);
        SQSBatchResponse response = processor.process(
                batch("good", "{\"id\":\"evt-7\",\"type\":\"OrderPaid\"}", "good"),
                body -> {
                    if (!body.equals("good")) {
                        throw new InvalidInputException(RejectReason.SCHEMA_VIOLATION, "body is required");
                    }
                    return "APPLIED";
                });
        assertTrue(response.getBatchItemFailures().isEmpty(), "a rejected message is done, not retried");
        assertEquals(1, kept.size());
        RejectedMessage rejected = kept.getFirst();
        assertEquals("m-1", rejected.messageId());
        assertEquals("evt-7", rejected.eventId().orElseThrow());
        assertEquals("OrderPaid", rejected.eventType().orElseThrow());
        assertEquals(RejectReason.SCHEMA_VIOLATION, rejected.reason());
        assertEquals(Instant.parse("2026-11-23T00:00:00Z"), rejected.rejectedAt());
        assertEquals(2.0, metrics.counts.get("MessagesApplied"));
        assertEquals(1.0, metrics.counts.get("MessagesRejected"));
    }

    @Test
    void onlyTheOutcomesAFunctionNamesBecomeMetricsEachOneASeriesCloudWatchBills() {
        SqsBatchProcessor processor = new SqsBatchProcessor("test", kept::add, metrics, clock)
                .counting("PAUSED"::equals);
        processor.process(batch("applied", "paused", "bad"), body -> switch (body) {
            case "bad" -> throw new InvalidInputException(RejectReason.SCHEMA_VIOLATION, "body is required");
            case "paused" -> "PAUSED";
            default -> "APPLIED";
        });
        assertEquals(Map.of("MessagesPaused", 1.0, "MessagesRejected", 1.0), metrics.counts,
                "an outcome not named is only in the log; rejects are always counted");
    }

    @Test
    void anInfrastructureFailureIsReportedForRetryAndTheRestOfTheBatchGoesOn() {
        SqsBatchProcessor processor = new SqsBatchProcessor("test", kept::add, metrics, clock)
                .counting(outcome -> true);
        SQSBatchResponse response = processor.process(batch("ok", "throttled", "ok"), body -> {
            if (body.equals("throttled")) {
                throw new IllegalStateException("ProvisionedThroughputExceeded");
            }
            return "UNCHANGED";
        });
        assertEquals(List.of("m-1"), response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
        assertTrue(kept.isEmpty(), "a transient failure is not a reject");
        assertEquals(2.0, metrics.counts.get("MessagesUnchanged"));
    }

    @Test
    void aRejectThatCannotBeKeptIsRetriedRatherThanLost() {
        SqsBatchProcessor processor = new SqsBatchProcessor("test", message -> {
            throw new IllegalStateException("RejectsTable unavailable");
        }, metrics, clock);
        SQSBatchResponse response = processor.process(batch("not json"), body -> {
            throw new InvalidInputException(RejectReason.MALFORMED_JSON, "not valid JSON");
        });
        assertEquals(1, response.getBatchItemFailures().size());
    }

    /** Failures that can never succeed on a retry: each is kept with its specific reason, and the batch goes on. */
    @TestFactory
    Stream<DynamicTest> aFailureThatCanNeverSucceedIsRefusedWithItsReasonNotRetried() {
        Map<String, Map.Entry<RuntimeException, RejectReason>> cases = new LinkedHashMap<>();
        cases.put("DynamoDB item over 400 KB", Map.entry(dynamoDb(400, "ValidationException",
                "Item size has exceeded the maximum allowed size"), RejectReason.ITEM_TOO_LARGE));
        cases.put("DynamoDB update over 400 KB", Map.entry(dynamoDb(400, "ValidationException",
                "Item size to update has exceeded the maximum allowed size"), RejectReason.ITEM_TOO_LARGE));
        cases.put("DynamoDB attribute value too large", Map.entry(dynamoDb(400, "ValidationException",
                "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit"
                        + " of 2048 bytes"),
                RejectReason.ITEM_TOO_LARGE));
        cases.put("DynamoDB other validation", Map.entry(dynamoDb(400, "ValidationException",
                "One or more parameter values were invalid: An number set may not be empty"),
                RejectReason.REFUSED_BY_AWS));
        cases.put("transaction with a ValidationError", Map.entry(cancelled("None", "ValidationError"),
                RejectReason.REFUSED_BY_AWS));
        cases.put("SQS message too long", Map.entry(sqs("InvalidParameterValue",
                "One or more parameters are invalid. Reason: Message must be shorter than 262144 bytes."),
                RejectReason.ITEM_TOO_LARGE));
        cases.put("overflow",
                Map.entry(new ArithmeticException("long overflow"), RejectReason.COMPUTATION_OUT_OF_RANGE));
        cases.put("date beyond the calendar", Map.entry(new java.time.DateTimeException("Invalid value for Year"),
                RejectReason.COMPUTATION_OUT_OF_RANGE));
        cases.put("wrapped invalid input", Map.entry(new IllegalStateException("while saving",
                new InvalidInputException(RejectReason.AMOUNT_OUT_OF_RANGE, "a total overflows")),
                RejectReason.AMOUNT_OUT_OF_RANGE));
        return cases.entrySet().stream().map(c -> DynamicTest.dynamicTest(c.getKey(), () -> {
            List<RejectedMessage> rejects = new ArrayList<>();
            SqsBatchProcessor processor = new SqsBatchProcessor("test", rejects::add, metrics, clock);
            SQSBatchResponse response = processor.process(batch("ok", "bad", "ok"), body -> {
                if (body.equals("bad")) {
                    throw c.getValue().getKey();
                }
                return "APPLIED";
            });
            assertEquals(List.of(), response.getBatchItemFailures(), "refused, not retried");
            assertEquals(1, rejects.size());
            assertEquals(c.getValue().getValue(), rejects.getFirst().reason(), rejects.getFirst().detail());
            assertEquals("m-1", rejects.getFirst().messageId());
        }));
    }

    /** Failures that may pass later, and faults an operator must see: retried, never refused as bad input. */
    @TestFactory
    Stream<DynamicTest> aFailureThatMayPassLaterIsRetried() {
        Map<String, RuntimeException> cases = new LinkedHashMap<>();
        cases.put("DynamoDB throttling", ProvisionedThroughputExceededException.builder().statusCode(400)
                .awsErrorDetails(details("ProvisionedThroughputExceededException", "Rate of requests exceeds"))
                .build());
        cases.put("throttling", dynamoDb(400, "ThrottlingException", "Rate exceeded"));
        cases.put("request limit", dynamoDb(400, "RequestLimitExceeded", "Throughput exceeds the current limit"));
        cases.put("5xx", dynamoDb(500, "InternalServerError", "Internal server error"));
        cases.put("503", dynamoDb(503, "ServiceUnavailable", "Service unavailable"));
        cases.put("timeout", ApiCallTimeoutException.builder().message("Client execution did not complete").build());
        cases.put("connection", SdkClientException.create("Unable to execute HTTP request: Connection refused"));
        cases.put("access denied",
                dynamoDb(400, "AccessDeniedException", "not authorized to perform: dynamodb:PutItem"));
        cases.put("missing table", ResourceNotFoundException.builder().statusCode(400)
                .awsErrorDetails(details("ResourceNotFoundException", "Requested resource not found")).build());
        cases.put("conditional check", ConditionalCheckFailedException.builder().statusCode(400)
                .awsErrorDetails(details("ConditionalCheckFailedException", "The conditional request failed")).build());
        cases.put("transaction conflict", cancelled("TransactionConflict", "None"));
        cases.put("optimistic conflict", new ConcurrentUpdateException("member c-1 changed since it was read"));
        cases.put("a fault in our code", new IllegalStateException("unreachable"));
        cases.put("a null in our code", new NullPointerException());
        return cases.entrySet().stream().map(c -> DynamicTest.dynamicTest(c.getKey(), () -> {
            List<RejectedMessage> rejects = new ArrayList<>();
            SqsBatchProcessor processor = new SqsBatchProcessor("test", rejects::add, metrics, clock);
            SQSBatchResponse response = processor.process(batch("ok", "bad", "ok"), body -> {
                if (body.equals("bad")) {
                    throw c.getValue();
                }
                return "APPLIED";
            });
            assertEquals(List.of("m-1"), response.getBatchItemFailures().stream()
                    .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList(), "retried");
            assertEquals(List.of(), rejects, "not bad input");
        }));
    }

    private static AwsErrorDetails details(String code, String message) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("DynamoDb").build();
    }

    private static RuntimeException dynamoDb(int status, String code, String message) {
        return DynamoDbException.builder().statusCode(status).awsErrorDetails(details(code, message)).build();
    }

    private static RuntimeException sqs(String code, String message) {
        return SqsException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder().errorCode(code)
                .errorMessage(message).serviceName("Sqs").build()).build();
    }

    private static RuntimeException cancelled(String... codes) {
        return TransactionCanceledException.builder().statusCode(400)
                .awsErrorDetails(details("TransactionCanceledException", "Transaction cancelled"))
                .cancellationReasons(Stream.of(codes).map(code -> CancellationReason.builder().code(code)
                        .message(code.equals("ValidationError") ? "One or more parameter values were invalid" : null)
                        .build()).toList())
                .build();
    }

    @Test
    void aMalformedBodyIsKeptWithoutAnEventId() {
        RejectedMessage rejected = RejectedMessage.of("test", "m-1", "{not json", RejectReason.MALFORMED_JSON,
                "not valid JSON", Instant.EPOCH);
        assertTrue(rejected.eventId().isEmpty());
        assertEquals("{not json", rejected.body());
    }

    /** Counts metrics by name. */
    static final class CountingMetrics implements Metrics {
        final Map<String, Double> counts = new ConcurrentHashMap<>();

        @Override
        public void addMetric(String name, double value, MetricUnit unit) {
            counts.merge(name, value, Double::sum);
        }

        @Override
        public void flush() {}

        @Override
        public void captureColdStartMetric(com.amazonaws.services.lambda.runtime.Context context) {}
    }
}
