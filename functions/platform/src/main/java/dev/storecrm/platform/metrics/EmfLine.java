package dev.storecrm.platform.metrics;

import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    private EmfLine() {
    }

    static String of(Instant timestamp, String namespace, Map<String, String> dimensions,
                     Map<String, String> properties, List<Metric> metrics) {
        ObjectNode line = JSON.createObjectNode();
        ObjectNode directive = line.putObject("_aws").put("Timestamp", timestamp.toEpochMilli())
                .putArray("CloudWatchMetrics").addObject().put("Namespace", namespace);
        ArrayNode definitions = directive.putArray("Metrics");
        metrics.forEach(metric -> definitions.addObject().put("Name", metric.name())
                .put("Unit", metric.unit().emfName()));
        ArrayNode dimensionSet = directive.putArray("Dimensions").addArray();
        dimensions.keySet().forEach(dimensionSet::add);
        dimensions.forEach(line::put);
        properties.forEach(line::put);
        for (Metric metric : metrics) {
            if (metric.values().size() == 1) {
                line.put(metric.name(), metric.values().getFirst());
            } else {
                ArrayNode values = line.putArray(metric.name());
                metric.values().forEach(values::add);
            }
        }
        return line.toString();
    }
}
