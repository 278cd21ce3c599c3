package dev.storecrm.platform.logging;

import java.util.Objects;
import java.util.Set;

/**
 * A key and value that a log line carries as a JSON field of its own, e.g.
 * {@code LOG.info("message processed", entry("messageId", id))}: ids, names, counts and outcomes, never personal
 * data. The fields every line writes itself ({@link #RESERVED}) cannot be given: such an argument is left out of
 * the line, as Powertools left it out, and {@code CodeShapeTest} refuses one in the code.
 */
public record LogField(String key, Object value) {

    /** The keys a line writes itself: its level, message, time and error, and the Lambda context's fields. */
    public static final Set<String> RESERVED = Set.of("level", "message", "timestamp", "error", "cold_start",
            "function_arn", "function_memory_size", "function_name", "function_request_id", "function_version",
            "sampling_rate", "service", "xray_trace_id", "correlation_id");

    public LogField {
        Objects.requireNonNull(key, "key");
    }

    /** The field {@code key} with {@code value}: a string, number, boolean, collection or anything's text. */
    public static LogField entry(String key, Object value) {
        return new LogField(key, value);
    }

    /** How the field reads where a message names it with {@code {}}. */
    @Override
    public String toString() {
        return key + "=" + value;
    }
}
