package dev.storecrm.platform.metrics;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import software.amazon.lambda.powertools.common.internal.LambdaHandlerProcessor;

/**
 * The functions' metrics as CloudWatch embedded metric format lines on standard output, which Lambda sends to
 * CloudWatch Logs, which makes them metrics. It writes what Powertools' metrics (2.9.0, through the EMF library)
 * wrote, without Jackson: namespace {@code POWERTOOLS_METRICS_NAMESPACE}, dimension {@code Service} from
 * {@code POWERTOOLS_SERVICE_NAME} (without one, the EMF library's {@code LogGroup}, {@code ServiceName},
 * {@code ServiceType}), the Lambda properties the EMF library added ({@code executionEnvironment},
 * {@code functionVersion}, {@code logStreamId}, {@code traceId} when sampled), the time of the first metric added
 * since the last flush, and lines of at most 100 metrics and 100 values a metric, split as the EMF library split
 * them (CloudWatch drops what is beyond). Names and numbers only: no line carries personal data.
 */
public final class EmfMetrics implements Metrics {

    static final int MAX_METRICS_PER_LINE = 100;
    static final int MAX_VALUES_PER_METRIC = 100;
    private static final int MAX_NAME_LENGTH = 1024;
    private static final String UNDEFINED_SERVICE = "service_undefined";

    private final Map<String, String> environment;
    private final Consumer<String> out;
    private final Clock clock;
    private final BooleanSupplier coldStart;
    private final Map<String, EmfLine.Metric> added = new LinkedHashMap<>();
    private Instant firstAdded;

    EmfMetrics(Map<String, String> environment, Consumer<String> out, Clock clock, BooleanSupplier coldStart) {
        this.environment = Map.copyOf(environment);
        this.out = out;
        this.clock = clock;
        this.coldStart = coldStart;
    }

    /** The writer Lambda runs: this process's environment, standard output. */
    public static EmfMetrics fromEnvironment() {
        return of(System.getenv());
    }

    /** A writer for a function whose environment is {@code environment}, to standard output. */
    public static EmfMetrics of(Map<String, String> environment) {
        return new EmfMetrics(environment, line -> System.out.println(line), Clock.systemUTC(),
                LambdaHandlerProcessor::isColdStart);
    }

    /** Throws, as the EMF library did, for a name CloudWatch refuses or a value that is not a number. */
    @Override
    public synchronized void addMetric(String name, double value, MetricUnit unit) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("Metric name must be 1 to " + MAX_NAME_LENGTH + " characters: " + name);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Metric value is not a number: " + name + " " + value);
        }
        if (unit == null) {
            throw new IllegalArgumentException("Metric unit is missing: " + name);
        }
        if (added.isEmpty()) {
            firstAdded = clock.instant();
        }
        added.computeIfAbsent(name, key -> new EmfLine.Metric(key, unit, new ArrayList<>())).values().add(value);
    }

    @Override
    public synchronized void flush() {
        if (added.isEmpty()) {
            return;
        }
        List<EmfLine.Metric> metrics = List.copyOf(added.values());
        added.clear();
        String namespace = namespace();
        Map<String, String> properties = properties();
        for (List<EmfLine.Metric> line : lines(metrics)) {
            out.accept(EmfLine.of(firstAdded, namespace, dimensions(), properties, line));
        }
    }

    @Override
    public synchronized void captureColdStartMetric(Context context) {
        if (!coldStart.getAsBoolean()) {
            return;
        }
        Map<String, String> properties = new LinkedHashMap<>();
        if (context != null && context.getAwsRequestId() != null) {
            properties.put("function_request_id", context.getAwsRequestId());
        }
        LambdaHandlerProcessor.getXrayTraceId().ifPresent(trace -> properties.put("xray_trace_id", trace));
        properties.putAll(properties());
        out.accept(EmfLine.of(clock.instant(), namespace(), dimensions(), properties,
                List.of(new EmfLine.Metric("ColdStart", MetricUnit.COUNT, List.of(1.0)))));
    }

    /** The EMF library's split: a new line at 100 metrics or a name already in it; a metric's 101st value on. */
    static List<List<EmfLine.Metric>> lines(List<EmfLine.Metric> metrics) {
        List<List<EmfLine.Metric>> lines = new ArrayList<>();
        Deque<EmfLine.Metric> queue = new ArrayDeque<>(metrics);
        Map<String, EmfLine.Metric> line = new LinkedHashMap<>();
        while (!queue.isEmpty()) {
            EmfLine.Metric metric = queue.poll();
            if (line.size() == MAX_METRICS_PER_LINE || line.containsKey(metric.name())) {
                lines.add(List.copyOf(line.values()));
                line = new LinkedHashMap<>();
            }
            List<Double> values = metric.values();
            if (values.size() <= MAX_VALUES_PER_METRIC) {
                line.put(metric.name(), metric);
            } else {
                line.put(metric.name(), new EmfLine.Metric(metric.name(), metric.unit(),
                        values.subList(0, MAX_VALUES_PER_METRIC)));
                queue.offer(new EmfLine.Metric(metric.name(), metric.unit(),
                        values.subList(MAX_VALUES_PER_METRIC, values.size())));
            }
        }
        if (!line.isEmpty()) {
            lines.add(List.copyOf(line.values()));
        }
        return lines;
    }

    private String namespace() {
        String namespace = environment.get("POWERTOOLS_METRICS_NAMESPACE");
        if (namespace == null || namespace.isBlank()) {
            // Powertools refused to flush without one too: the metrics would go nowhere anyone looks.
            throw new IllegalStateException("Namespace must be specified before flushing metrics: "
                    + "set POWERTOOLS_METRICS_NAMESPACE");
        }
        return namespace;
    }

    private Map<String, String> dimensions() {
        String service = environment.getOrDefault("POWERTOOLS_SERVICE_NAME", UNDEFINED_SERVICE);
        if (!service.isBlank() && !service.equals(UNDEFINED_SERVICE)) {
            return Map.of("Service", service);
        }
        String function = environment.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "Unknown");
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("LogGroup", function);
        dimensions.put("ServiceName", function);
        dimensions.put("ServiceType", "AWS::Lambda::Function");
        return dimensions;
    }

    private Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        property(properties, "executionEnvironment", environment.get("AWS_EXECUTION_ENV"));
        property(properties, "functionVersion", environment.get("AWS_LAMBDA_FUNCTION_VERSION"));
        property(properties, "logStreamId", environment.get("AWS_LAMBDA_LOG_STREAM_NAME"));
        String trace = environment.get("_X_AMZN_TRACE_ID");
        if (trace != null && trace.contains("Sampled=1")) {
            properties.put("traceId", trace);
        }
        return properties;
    }

    private static void property(Map<String, String> properties, String key, String value) {
        if (value != null) {
            properties.put(key, value);
        }
    }
}
