package dev.storecrm.platform.logging;

import dev.storecrm.domain.json.tree.JsonWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One log line as the JSON that Powertools' Lambda layout wrote ({@code LambdaJsonLayout.json}), so CloudWatch
 * Logs Insights queries and metric filters keep working: {@code level}, {@code message}, {@code error} (its
 * {@code message}, {@code name} and stack), the invocation's context ({@link LambdaLogging}: {@code cold_start},
 * {@code function_arn}, {@code function_memory_size}, {@code function_name}, {@code function_request_id},
 * {@code function_version}, {@code service}), {@code timestamp} in UTC, {@code xray_trace_id}, then the line's
 * {@link LogField}s. A field with no value is left out.
 */
final class JsonLine {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final List<String> CONTEXT_BEFORE_TIME = List.of("function_arn", "function_memory_size",
            "function_name", "function_request_id", "function_version", "service");
    private static final List<String> NUMBERS = List.of("function_memory_size");

    private final StringBuilder json = new StringBuilder(256).append('{');

    private JsonLine() {
    }

    static String of(String level, String message, Throwable error, Map<String, String> context,
                     List<LogField> fields, Instant time) {
        JsonLine line = new JsonLine();
        line.field("level", level).field("message", message);
        if (error != null) {
            StringWriter stack = new StringWriter();
            error.printStackTrace(new PrintWriter(stack));
            line.key("error").json.append('{');
            line.json.append("\"message\":");
            line.value(error.getMessage());
            line.json.append(",\"name\":");
            line.value(error.getClass().getName());
            line.json.append(",\"stack\":");
            line.value(stack.toString());
            line.json.append('}');
        }
        String coldStart = context.get("cold_start");
        if (coldStart != null) {
            line.field("cold_start", Boolean.parseBoolean(coldStart));
        }
        for (String key : CONTEXT_BEFORE_TIME) {
            String value = context.get(key);
            if (value != null) {
                line.field(key, NUMBERS.contains(key) ? (Object) Long.valueOf(value) : value);
            }
        }
        line.field("timestamp", TIMESTAMP.format(time));
        line.field("xray_trace_id", context.get("xray_trace_id"));
        line.field("correlation_id", context.get("correlation_id"));
        context.forEach((key, value) -> {
            if (!LogField.RESERVED.contains(key)) {
                line.field(key, value);
            }
        });
        for (LogField field : fields) {
            if (!LogField.RESERVED.contains(field.key())) {
                line.key(field.key()).value(field.value());
            }
        }
        return line.json.append('}').toString();
    }

    private JsonLine field(String key, Object value) {
        if (value != null) {
            key(key).value(value);
        }
        return this;
    }

    private JsonLine key(String key) {
        if (json.length() > 1) {
            json.append(',');
        }
        string(key);
        json.append(':');
        return this;
    }

    /**
     * A boolean or number as itself (a double that is not finite, which JSON has no number for, as text), a
     * collection as an array, anything else as text.
     */
    private void value(Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte
                || value instanceof java.math.BigInteger || value instanceof java.math.BigDecimal) {
            json.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isFinite(number)) {
                json.append(value);
            } else {
                string(value.toString());
            }
        } else if (value instanceof Collection<?> items) {
            json.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    json.append(',');
                }
                value(item);
                first = false;
            }
            json.append(']');
        } else {
            string(String.valueOf(value));
        }
    }

    /** Escaped as every JSON the functions write (the JSON trees' writer). */
    private void string(String text) {
        JsonWriter.string(json, text);
    }
}
