package dev.storecrm.platform.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The process's metrics and the gate SnapStart priming closes. */
class MetricsFactoryTest {

    private final List<String> recorded = new ArrayList<>();

    @AfterEach
    void restoreTheEmfWriter() {
        MetricsFactory.setMetricsProvider(EmfMetrics::fromEnvironment);
    }

    @Test
    void whatARunWithoutMetricsAddsIsDroppedAndNothingItFlushesIsWritten() {
        MetricsFactory.setMetricsProvider(() -> new Recording(recorded));
        Metrics metrics = MetricsFactory.getMetricsInstance();

        MetricsFactory.withoutMetrics(() -> {
            metrics.addMetric("UnsubscribeRefused", 1, MetricUnit.COUNT);
            metrics.flush();
        });
        assertEquals(List.of(), recorded, "a primed handler's synthetic event counts nothing");

        metrics.addMetric("UnsubscribeRefused", 1, MetricUnit.COUNT);
        metrics.flush();
        assertEquals(List.of("UnsubscribeRefused=1.0", "flush"), recorded, "after priming, the store's traffic counts");
    }

    @Test
    void theGateReopensWhenTheRunFails() {
        MetricsFactory.setMetricsProvider(() -> new Recording(recorded));
        Metrics metrics = MetricsFactory.getMetricsInstance();
        try {
            MetricsFactory.withoutMetrics(() -> {
                throw new IllegalStateException("priming failed");
            });
        } catch (IllegalStateException expected) {
            // SnapStart fails the publication; the process's metrics must still work.
        }
        metrics.addMetric("MessagesFailed", 1, MetricUnit.COUNT);
        assertEquals(List.of("MessagesFailed=1.0"), recorded);
    }

    private record Recording(List<String> recorded) implements Metrics {

        @Override
        public void addMetric(String name, double value, MetricUnit unit) {
            recorded.add(name + "=" + value);
        }

        @Override
        public void flush() {
            recorded.add("flush");
        }

        @Override
        public void captureColdStartMetric(Context context) {
            recorded.add("cold start");
        }
    }
}
