package dev.storecrm.platform.metrics;

import dev.storecrm.platform.logging.JsonText;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One CloudWatch embedded metric format line, with the fields Powertools' EMF library wrote: the {@code _aws}
 * metadata ({@code Timestamp} in epoch milliseconds, one {@code CloudWatchMetrics} directive with the namespace,
 * each metric's {@code Name} and {@code Unit}, and one dimension set), then each dimension, each property and each
 * metric as a top-level field: one value as a number, several as a list.
 */
final class EmfLine {

    /** A metric's values in one line, in the order they were added. */
    record Metric(String name, MetricUnit unit, List<Double> values) {
    }

    private EmfLine() {
    }

    static String of(Instant timestamp, String namespace, Map<String, String> dimensions,
                     Map<String, String> properties, List<Metric> metrics) {
        StringBuilder json = new StringBuilder(256 + 64 * metrics.size());
        json.append("{\"_aws\":{\"Timestamp\":").append(timestamp.toEpochMilli());
        json.append(",\"CloudWatchMetrics\":[{\"Namespace\":");
        JsonText.string(json, namespace);
        json.append(",\"Metrics\":[");
        for (int i = 0; i < metrics.size(); i++) {
            json.append(i == 0 ? "{\"Name\":" : ",{\"Name\":");
            JsonText.string(json, metrics.get(i).name());
            json.append(",\"Unit\":");
            JsonText.string(json, metrics.get(i).unit().emfName());
            json.append('}');
        }
        json.append("],\"Dimensions\":[");
        JsonText.value(json, List.copyOf(dimensions.keySet()));
        json.append("]}]}");
        dimensions.forEach((key, value) -> field(json, key, value));
        properties.forEach((key, value) -> field(json, key, value));
        for (Metric metric : metrics) {
            field(json, metric.name(), metric.values().size() == 1 ? metric.values().getFirst() : metric.values());
        }
        return json.append('}').toString();
    }

    private static void field(StringBuilder json, String key, Object value) {
        json.append(',');
        JsonText.string(json, key);
        json.append(':');
        JsonText.value(json, value);
    }
}
