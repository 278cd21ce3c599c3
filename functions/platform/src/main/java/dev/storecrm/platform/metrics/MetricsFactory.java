package dev.storecrm.platform.metrics;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one {@link Metrics} of the process, as Powertools' {@code MetricsFactory} gave it: on Lambda the EMF writer
 * configured from the function's environment ({@link EmfMetrics#fromEnvironment()}); the local cloud installs its
 * in-memory counts instead ({@link #setMetricsProvider}), so the handlers call the same code in both.
 */
public final class MetricsFactory {

    private static Supplier<Metrics> provider = EmfMetrics::fromEnvironment;
    private static Metrics metrics;

    private MetricsFactory() {
    }

    /** The process's metrics, made by the provider on first use. */
    public static synchronized Metrics getMetricsInstance() {
        if (metrics == null) {
            metrics = Objects.requireNonNull(provider.get(), "the metrics provider gave none");
        }
        return metrics;
    }

    /** Replaces where the metrics go; the next {@link #getMetricsInstance()} asks {@code metricsProvider}. */
    public static synchronized void setMetricsProvider(Supplier<Metrics> metricsProvider) {
        provider = Objects.requireNonNull(metricsProvider, "metricsProvider");
        metrics = null;
    }
}
