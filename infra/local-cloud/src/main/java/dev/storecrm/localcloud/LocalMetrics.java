package dev.storecrm.localcloud;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricResolution;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The Powertools metrics the functions emit, kept in memory instead of printed as CloudWatch EMF
 * (which outside Lambda would try a CloudWatch agent). Installed as the Powertools metrics
 * provider when the local cloud starts, so handlers call the same Powertools API as in Lambda.
 * Each metric is also kept as the series CloudWatch would bill: its name under the emitting function's
 * Powertools service (the default dimension, {@code POWERTOOLS_SERVICE_NAME}).
 */
public final class LocalMetrics implements Metrics {

    private static final LocalMetrics INSTANCE = new LocalMetrics();
    private static final Map<String, DoubleAdder> TOTALS = new ConcurrentHashMap<>();
    private static final Set<String> SERIES = ConcurrentHashMap.newKeySet();
    private static final ThreadLocal<String> SERVICE = ThreadLocal.withInitial(() -> "service_undefined");

    private LocalMetrics() {}

    static void install() {
        MetricsFactory.setMetricsProvider(() -> INSTANCE);
    }

    /** Every metric added since the last reset, summed by name. */
    public static Map<String, Double> totals() {
        Map<String, Double> totals = new TreeMap<>();
        TOTALS.forEach((name, value) -> totals.put(name, value.sum()));
        return totals;
    }

    /** Every metric series (service and name, as {@code service/name}) emitted since the last reset. */
    public static Set<String> series() {
        return new TreeSet<>(SERIES);
    }

    public static void reset() {
        TOTALS.clear();
        SERIES.clear();
    }

    /** Runs {@code invocation} as a function whose Powertools service is {@code service}. */
    static <T> T emittingAs(String service, Supplier<T> invocation) {
        String before = SERVICE.get();
        SERVICE.set(service);
        try {
            return invocation.get();
        } finally {
            SERVICE.set(before);
        }
    }

    @Override
    public void addMetric(String name, double value, MetricUnit unit, MetricResolution resolution) {
        TOTALS.computeIfAbsent(name, k -> new DoubleAdder()).add(value);
        SERIES.add(SERVICE.get() + "/" + name);
    }

    @Override
    public void addDimension(DimensionSet dimensionSet) {
        // Dimensions do not change local totals.
    }

    @Override
    public void setTimestamp(Instant timestamp) {
        // Local totals have no timestamps.
    }

    @Override
    public void addMetadata(String key, Object value) {
        // Metadata is not aggregated locally.
    }

    @Override
    public void setDefaultDimensions(DimensionSet dimensionSet) {
        // Dimensions do not change local totals.
    }

    @Override
    public DimensionSet getDefaultDimensions() {
        return DimensionSet.of(Map.of());
    }

    @Override
    public void setNamespace(String namespace) {
        // One local namespace.
    }

    @Override
    public void setRaiseOnEmptyMetrics(boolean raiseOnEmptyMetrics) {
        // Flushing locally never fails.
    }

    @Override
    public void clearDefaultDimensions() {
        // Dimensions do not change local totals.
    }

    @Override
    public void flush() {
        // Totals are kept until reset.
    }

    @Override
    public void captureColdStartMetric(Context context, DimensionSet dimensions) {
        addMetric("ColdStart", 1, MetricUnit.COUNT, MetricResolution.STANDARD);
    }

    @Override
    public void captureColdStartMetric(DimensionSet dimensions) {
        addMetric("ColdStart", 1, MetricUnit.COUNT, MetricResolution.STANDARD);
    }

    @Override
    public void flushMetrics(Consumer<Metrics> metricsConsumer) {
        metricsConsumer.accept(this);
    }
}
