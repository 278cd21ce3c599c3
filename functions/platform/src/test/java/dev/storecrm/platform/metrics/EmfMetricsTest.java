package dev.storecrm.platform.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import dev.storecrm.domain.json.tree.JsonProcessingException;
import dev.storecrm.domain.json.tree.ObjectMapper;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The metrics' EMF lines are the ones Powertools' metrics 2.9.0 (with aws-embedded-metrics 4.1.2) printed, which
 * CloudWatch turns into the metrics the dashboard and alarms read. The expected lines were printed by Powertools
 * itself on 2026-12-06, before it was removed: a throwaway main calling {@code MetricsFactory.getMetricsInstance()}
 * with the Lambda environment below, run against the jars in the Maven repository. The EMF library wrote fields
 * in hash order, so lines are compared as JSON, field for field; numbers are also compared as text.
 */
class EmfMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, String> LAMBDA = Map.of(
            "AWS_LAMBDA_FUNCTION_NAME", "storecrm-TimerSweep",
            "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
            "AWS_LAMBDA_LOG_STREAM_NAME", "2026/12/06/[$LATEST]abc",
            "AWS_EXECUTION_ENV", "AWS_Lambda_java21",
            "POWERTOOLS_METRICS_NAMESPACE", "StoreCRM",
            "POWERTOOLS_SERVICE_NAME", "timer-sweep");

    private final List<String> lines = new ArrayList<>();

    @Test
    void aFlushWritesTheLinePowertoolsWrote() {
        Metrics metrics = metrics(LAMBDA, false, 1796539903207L);
        metrics.addMetric("TimersDelivered", 5, MetricUnit.COUNT);
        metrics.addMetric("TimerLagSeconds", 12.5, MetricUnit.SECONDS);
        metrics.flush();

        assertSameLines(List.of("{\"_aws\":{\"Timestamp\":1796539903207,\"CloudWatchMetrics\":[{\"Namespace\":"
                + "\"StoreCRM\",\"Metrics\":[{\"Name\":\"TimersDelivered\",\"Unit\":\"Count\"},{\"Name\":"
                + "\"TimerLagSeconds\",\"Unit\":\"Seconds\"}],\"Dimensions\":[[\"Service\"]]}]},\"Service\":"
                + "\"timer-sweep\",\"logStreamId\":\"2026/12/06/[$LATEST]abc\",\"TimersDelivered\":5.0,"
                + "\"TimerLagSeconds\":12.5,\"functionVersion\":\"$LATEST\",\"executionEnvironment\":"
                + "\"AWS_Lambda_java21\"}"));
        assertTrue(lines.getFirst().contains("\"TimersDelivered\":5.0,"), lines.getFirst());
    }

    @Test
    void aNameAddedSeveralTimesKeepsEachValueAsTheEmfLibraryDid() {
        Metrics metrics = metrics(LAMBDA, false, 1796539903684L);
        metrics.addMetric("MessagesProcessed", 1, MetricUnit.COUNT);
        metrics.addMetric("MessagesRejected", 1, MetricUnit.COUNT);
        metrics.addMetric("MessagesProcessed", 1, MetricUnit.COUNT);
        metrics.addMetric("MessagesProcessed", 1, MetricUnit.COUNT);
        metrics.flush();

        assertSameLines(List.of("{\"_aws\":{\"Timestamp\":1796539903684,\"CloudWatchMetrics\":[{\"Namespace\":"
                + "\"StoreCRM\",\"Metrics\":[{\"Name\":\"MessagesRejected\",\"Unit\":\"Count\"},{\"Name\":"
                + "\"MessagesProcessed\",\"Unit\":\"Count\"}],\"Dimensions\":[[\"Service\"]]}]},\"Service\":"
                + "\"timer-sweep\",\"logStreamId\":\"2026/12/06/[$LATEST]abc\",\"functionVersion\":\"$LATEST\","
                + "\"MessagesRejected\":1.0,\"MessagesProcessed\":[1.0,1.0,1.0],\"executionEnvironment\":"
                + "\"AWS_Lambda_java21\"}"));
    }

    @Test
    void theColdStartIsALineOfItsOwnWithTheRequestIdAsPowertoolsWroteIt() {
        // Powertools took the cold start's time when it was captured, the batch's at its first metric.
        Metrics metrics = metrics(LAMBDA, true, 1796539923951L, 1796539923939L);
        metrics.captureColdStartMetric(context("c6af9ac6-7b61-11e6-9a41-93e8deadbeef"));
        metrics.addMetric("MessagesFailed", 1, MetricUnit.COUNT);
        metrics.flush();

        assertSameLines(List.of("{\"_aws\":{\"Timestamp\":1796539923951,\"CloudWatchMetrics\":[{\"Namespace\":"
                + "\"StoreCRM\",\"Metrics\":[{\"Name\":\"ColdStart\",\"Unit\":\"Count\"}],\"Dimensions\":"
                + "[[\"Service\"]]}]},\"function_request_id\":\"c6af9ac6-7b61-11e6-9a41-93e8deadbeef\","
                + "\"Service\":\"timer-sweep\",\"logStreamId\":\"2026/12/06/[$LATEST]abc\",\"functionVersion\":"
                + "\"$LATEST\",\"ColdStart\":1.0,\"executionEnvironment\":\"AWS_Lambda_java21\"}",
                "{\"_aws\":{\"Timestamp\":1796539923939,\"CloudWatchMetrics\":[{\"Namespace\":\"StoreCRM\","
                + "\"Metrics\":[{\"Name\":\"MessagesFailed\",\"Unit\":\"Count\"}],\"Dimensions\":[[\"Service\"]]}]},"
                + "\"Service\":\"timer-sweep\",\"logStreamId\":\"2026/12/06/[$LATEST]abc\",\"functionVersion\":"
                + "\"$LATEST\",\"MessagesFailed\":1.0,\"executionEnvironment\":\"AWS_Lambda_java21\"}"));
    }

    @Test
    void aWarmInvocationWritesNoColdStart() {
        metrics(LAMBDA, false, 0L).captureColdStartMetric(context("warm-1"));

        assertEquals(List.of(), lines);
    }

    @Test
    void aSampledTraceAndNoServiceNameGiveTheEmfLibrarysPropertyAndDimensions() {
        Map<String, String> environment = new HashMap<>(LAMBDA);
        environment.remove("POWERTOOLS_SERVICE_NAME");
        environment.put("_X_AMZN_TRACE_ID", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;"
                + "Sampled=1");
        Metrics metrics = metrics(environment, false, 1796539925373L);
        metrics.addMetric("TimersDelivered", 5, MetricUnit.COUNT);
        metrics.flush();

        // Powertools' line without POWERTOOLS_SERVICE_NAME, with the traceId a sampled trace added to its lines.
        assertSameLines(List.of("{\"_aws\":{\"Timestamp\":1796539925373,\"CloudWatchMetrics\":[{\"Namespace\":"
                + "\"StoreCRM\",\"Metrics\":[{\"Name\":\"TimersDelivered\",\"Unit\":\"Count\"}],\"Dimensions\":"
                + "[[\"LogGroup\",\"ServiceName\",\"ServiceType\"]]}]},\"functionVersion\":\"$LATEST\",\"LogGroup\":"
                + "\"storecrm-TimerSweep\",\"ServiceName\":\"storecrm-TimerSweep\",\"ServiceType\":"
                + "\"AWS::Lambda::Function\",\"logStreamId\":\"2026/12/06/[$LATEST]abc\",\"TimersDelivered\":5.0,"
                + "\"executionEnvironment\":\"AWS_Lambda_java21\",\"traceId\":\"Root=1-5759e988-"
                + "bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1\"}"));
    }

    @Test
    void moreThan100MetricsAreSplitIntoLinesOfAtMost100() {
        Metrics metrics = metrics(LAMBDA, false, 1796539904863L);
        IntStream.range(0, 101).forEach(i -> metrics.addMetric("M" + i, i, MetricUnit.COUNT));
        metrics.flush();

        // Powertools wrote 100 metrics, then 1 (which one followed its hash order; here the 101st added).
        assertEquals(List.of(100, 1), lines.stream().map(line -> names(object(line)).size()).toList());
        Set<String> written = new HashSet<>();
        lines.forEach(line -> written.addAll(names(object(line))));
        assertEquals(101, written.size());
        assertSameLines(lines.subList(1, 2), List.of("{\"_aws\":{\"Timestamp\":1796539904863,\"CloudWatchMetrics\":"
                + "[{\"Namespace\":\"StoreCRM\",\"Metrics\":[{\"Name\":\"M100\",\"Unit\":\"Count\"}],\"Dimensions\":"
                + "[[\"Service\"]]}]},\"Service\":\"timer-sweep\",\"logStreamId\":\"2026/12/06/[$LATEST]abc\","
                + "\"functionVersion\":\"$LATEST\",\"executionEnvironment\":\"AWS_Lambda_java21\",\"M100\":100.0}"));
    }

    @Test
    void moreThan100ValuesOfOneMetricAreSplitIntoLinesOfAtMost100() {
        Metrics metrics = metrics(LAMBDA, false, 1796539905745L);
        IntStream.range(0, 101).forEach(i -> metrics.addMetric("Same", i, MetricUnit.COUNT));
        metrics.flush();

        assertEquals(2, lines.size());
        assertEquals(IntStream.range(0, 100).mapToObj(i -> (double) i).toList(),
                object(lines.getFirst()).get("Same"));
        assertSameLines(lines.subList(1, 2), List.of("{\"_aws\":{\"Timestamp\":1796539905745,\"CloudWatchMetrics\":"
                + "[{\"Namespace\":\"StoreCRM\",\"Metrics\":[{\"Name\":\"Same\",\"Unit\":\"Count\"}],\"Dimensions\":"
                + "[[\"Service\"]]}]},\"Service\":\"timer-sweep\",\"Same\":100.0,\"logStreamId\":"
                + "\"2026/12/06/[$LATEST]abc\",\"functionVersion\":\"$LATEST\",\"executionEnvironment\":"
                + "\"AWS_Lambda_java21\"}"));
    }

    @Test
    void numbersAndNamesAreWrittenAsPowertoolsWroteThem() {
        Metrics metrics = metrics(LAMBDA, false, 1796539924933L);
        metrics.addMetric("Big", 1e21, MetricUnit.COUNT);
        metrics.addMetric("Neg", -0.0, MetricUnit.BYTES_SECOND);
        metrics.addMetric("Small", 0.0001, MetricUnit.MILLISECONDS);
        metrics.addMetric("Quote\"d", 1, MetricUnit.PERCENT);
        metrics.addMetric("Int", 3, MetricUnit.COUNT);
        metrics.flush();

        // Powertools' line: {"_aws":{...,"Metrics":[{"Name":"Big","Unit":"Count"},{"Name":"Neg","Unit":
        // "Bytes/Second"},...]...},"Big":1.0E21,"Neg":-0.0,"Small":1.0E-4,...,"Quote\"d":1.0,"Int":3.0,...}
        for (String field : List.of("\"Big\":1.0E21", "\"Neg\":-0.0", "\"Small\":1.0E-4", "\"Quote\\\"d\":1.0",
                "\"Int\":3.0", "{\"Name\":\"Neg\",\"Unit\":\"Bytes/Second\"}")) {
            assertTrue(lines.getFirst().contains(field), field + " in " + lines.getFirst());
        }
        assertValidEmf(lines.getFirst());
    }

    @Test
    void aFlushWithNothingAddedWritesNothingEvenWithoutANamespace() {
        Metrics metrics = metrics(Map.of(), false, 0L);
        metrics.flush();
        Metrics flushedTwice = metrics(LAMBDA, false, 1L);
        flushedTwice.addMetric("MessagesFailed", 1, MetricUnit.COUNT);
        flushedTwice.flush();
        flushedTwice.flush();

        assertEquals(1, lines.size(), "Powertools printed nothing either (raiseOnEmptyMetrics is off): " + lines);
    }

    @Test
    void metricsWithoutANamespaceOrWithANonNumberAreRefusedAsPowertoolsRefusedThem() {
        Metrics unnamed = metrics(Map.of("POWERTOOLS_SERVICE_NAME", "rfm"), false, 0L);
        unnamed.addMetric("MessagesFailed", 1, MetricUnit.COUNT);
        assertThrows(IllegalStateException.class, unnamed::flush);
        Metrics metrics = metrics(LAMBDA, false, 0L);
        assertThrows(IllegalArgumentException.class, () -> metrics.addMetric("Lag", Double.NaN, MetricUnit.NONE));
        assertThrows(IllegalArgumentException.class, () -> metrics.addMetric(" ", 1, MetricUnit.COUNT));
        assertEquals(List.of(), lines);
    }

    private EmfMetrics metrics(Map<String, String> environment, boolean coldStart, long... millis) {
        Deque<Instant> instants = new ArrayDeque<>();
        for (long m : millis) {
            instants.add(Instant.ofEpochMilli(m));
        }
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return instants.size() > 1 ? instants.poll() : instants.getFirst();
            }
        };
        return new EmfMetrics(environment, lines::add, clock, () -> coldStart);
    }

    private void assertSameLines(List<String> expected) {
        assertSameLines(lines, expected);
    }

    /** A line as maps, lists, text and doubles (every number a double, as CloudWatch reads them). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String line) {
        try {
            return (Map<String, Object>) doubles(JSON.convertValue(JSON.readTree(line), Map.class));
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private static Object doubles(Object value) {
        return switch (value) {
            case Map<?, ?> map -> {
                Map<Object, Object> copy = new LinkedHashMap<>();
                map.forEach((key, item) -> copy.put(key, doubles(item)));
                yield copy;
            }
            case List<?> list -> new ArrayList<>(list.stream().map(EmfMetricsTest::doubles).toList());
            case Number number -> number.doubleValue();
            case null, default -> value;
        };
    }

    private static void assertSameLines(List<String> actual, List<String> expected) {
        assertEquals(expected.size(), actual.size(), "lines: " + actual);
        for (int i = 0; i < expected.size(); i++) {
            assertValidEmf(actual.get(i));
            assertEquals(sortedMetrics(object(expected.get(i))), sortedMetrics(object(
                    actual.get(i))), actual.get(i));
        }
    }

    /** What CloudWatch requires to extract metrics from a line (the EMF specification). */
    @SuppressWarnings("unchecked")
    static void assertValidEmf(String line) {
        Map<String, Object> root = object(line);
        Map<String, Object> aws = (Map<String, Object>) root.get("_aws");
        double timestamp = (Double) aws.get("Timestamp");
        assertTrue(timestamp == Math.rint(timestamp) && timestamp >= 0, "epoch milliseconds: " + line);
        for (Object item : (List<Object>) aws.get("CloudWatchMetrics")) {
            Map<String, Object> directive = (Map<String, Object>) item;
            assertTrue(!((String) directive.get("Namespace")).isBlank(), line);
            List<Object> definitions = (List<Object>) directive.get("Metrics");
            assertTrue(!definitions.isEmpty() && definitions.size() <= 100, "1 to 100 metrics: " + line);
            for (Object definition : definitions) {
                Object value = root.get((String) ((Map<String, Object>) definition).get("Name"));
                List<Object> values = value instanceof List<?> list ? (List<Object>) list : List.of(value);
                assertTrue(!values.isEmpty() && values.size() <= 100, "1 to 100 values: " + line);
                values.forEach(v -> assertInstanceOf(Double.class, v, "each metric a top-level number: " + line));
            }
            for (Object set : (List<Object>) directive.get("Dimensions")) {
                for (Object dimension : (List<Object>) set) {
                    assertInstanceOf(String.class, root.get((String) dimension), "each dimension top-level: " + line);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(Map<String, Object> root) {
        Map<String, Object> directive = (Map<String, Object>) ((List<Object>) ((Map<String, Object>) root
                .get("_aws")).get("CloudWatchMetrics")).getFirst();
        return ((List<Object>) directive.get("Metrics")).stream()
                .map(definition -> (String) ((Map<String, Object>) definition).get("Name")).toList();
    }

    /** The line with its metric definitions in name order: the EMF library listed them in hash order. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> sortedMetrics(Map<String, Object> root) {
        for (Object directive : (List<Object>) ((Map<String, Object>) root.get("_aws")).get("CloudWatchMetrics")) {
            ((List<Object>) ((Map<String, Object>) directive).get("Metrics")).sort(Comparator.comparing(
                    definition -> (String) ((Map<String, Object>) definition).get("Name")));
        }
        return root;
    }

    private static Context context(String requestId) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> method.getName().equals("getAwsRequestId") ? requestId : null);
    }
}
