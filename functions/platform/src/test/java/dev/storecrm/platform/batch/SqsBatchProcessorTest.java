package dev.storecrm.platform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricResolution;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

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
        SqsBatchProcessor processor = new SqsBatchProcessor("test", kept::add, metrics, clock);
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
    void anInfrastructureFailureIsReportedForRetryAndTheRestOfTheBatchGoesOn() {
        SqsBatchProcessor processor = new SqsBatchProcessor("test", kept::add, metrics, clock);
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

    @Test
    void aMalformedBodyIsKeptWithoutAnEventId() {
        RejectedMessage rejected = RejectedMessage.of("test", "m-1", "{not json", RejectReason.MALFORMED_JSON,
                "not valid JSON", Instant.EPOCH);
        assertTrue(rejected.eventId().isEmpty());
        assertEquals("{not json", rejected.body());
    }

    /** Counts metrics by name; the rest of the Powertools interface is not needed here. */
    static final class CountingMetrics implements Metrics {
        final Map<String, Double> counts = new ConcurrentHashMap<>();

        @Override
        public void addMetric(String name, double value, MetricUnit unit, MetricResolution resolution) {
            counts.merge(name, value, Double::sum);
        }

        @Override
        public void addDimension(DimensionSet dimensionSet) {}

        @Override
        public void setTimestamp(Instant timestamp) {}

        @Override
        public void addMetadata(String key, Object value) {}

        @Override
        public void setDefaultDimensions(DimensionSet dimensionSet) {}

        @Override
        public DimensionSet getDefaultDimensions() {
            return DimensionSet.of(Map.of());
        }

        @Override
        public void setNamespace(String namespace) {}

        @Override
        public void setRaiseOnEmptyMetrics(boolean raiseOnEmptyMetrics) {}

        @Override
        public void clearDefaultDimensions() {}

        @Override
        public void flush() {}

        @Override
        public void captureColdStartMetric(com.amazonaws.services.lambda.runtime.Context context,
                                           DimensionSet dimensions) {}

        @Override
        public void captureColdStartMetric(DimensionSet dimensions) {}

        @Override
        public void flushMetrics(java.util.function.Consumer<Metrics> metricsConsumer) {
            metricsConsumer.accept(this);
        }
    }
}
