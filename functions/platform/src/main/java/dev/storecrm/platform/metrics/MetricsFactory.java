package dev.storecrm.platform.metrics;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one {@link Metrics} of the process, as Powertools' {@code MetricsFactory} gave it: on Lambda the EMF writer
 * configured from the function's environment ({@link EmfMetrics#fromEnvironment()}); the local cloud installs its
 * in-memory counts instead ({@link #setMetricsProvider}), so the handlers call the same code in both.
 *
 * <p>Every metric passes a gate that {@link #withoutMetrics} closes: SnapStart priming runs each handler on a
 * synthetic event before the snapshot, and what that event counts (a refused request, an empty batch) is not the
 * store's traffic, so it must not reach CloudWatch.
 */
public final class MetricsFactory {

    private static Supplier<Metrics> provider = EmfMetrics::fromEnvironment;
    private static Metrics metrics;
    private static volatile boolean muted;

    private MetricsFactory() {
    }

    /** The process's metrics, made by the provider on first use. */
    public static synchronized Metrics getMetricsInstance() {
        if (metrics == null) {
            metrics = new Gated(Objects.requireNonNull(provider.get(), "the metrics provider gave none"));
        }
        return metrics;
    }

    /** Replaces where the metrics go; the next {@link #getMetricsInstance()} asks {@code metricsProvider}. */
    public static synchronized void setMetricsProvider(Supplier<Metrics> metricsProvider) {
        provider = Objects.requireNonNull(metricsProvider, "metricsProvider");
        metrics = null;
    }

    /** Runs {@code action} with every metric it adds dropped, and nothing it flushes written. */
    public static void withoutMetrics(Runnable action) {
        muted = true;
        try {
            action.run();
        } finally {
            muted = false;
        }
    }

    /** The provider's metrics behind the gate. */
    private record Gated(Metrics metrics) implements Metrics {

        @Override
        public void addMetric(String name, double value, MetricUnit unit) {
            if (!muted) {
                metrics.addMetric(name, value, unit);
            }
        }

        @Override
        public void flush() {
            if (!muted) {
                metrics.flush();
            }
        }

        @Override
        public void captureColdStartMetric(Context context) {
            if (!muted) {
                metrics.captureColdStartMetric(context);
            }
        }
    }
}
