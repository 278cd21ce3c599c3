package dev.storecrm.platform.logging;

import dev.storecrm.domain.json.tree.JsonWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;

/**
 * JSON values as text, without Jackson: the escaping and number forms of the log lines ({@link JsonLine}), shared
 * with the metrics' EMF lines ({@code dev.storecrm.platform.metrics}) so the functions write JSON one way. A
 * {@code double} is written as Java (and Jackson) write it ({@code 5.0}, {@code 1.0E21}); one that is not finite,
 * which JSON has no number for, as its text.
 */
public final class JsonText {

    private JsonText() {
    }

    /** Appends {@code value} to {@code json}: a boolean or number as itself, a collection as an array, else text. */
    public static void value(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof BigDecimal) {
            json.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isFinite(number)) {
                json.append(value);
            } else {
                string(json, value.toString());
            }
        } else if (value instanceof Collection<?> items) {
            json.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    json.append(',');
                }
                value(json, item);
                first = false;
            }
            json.append(']');
        } else {
            string(json, String.valueOf(value));
        }
    }

    /** Appends {@code text} to {@code json} as a JSON string, quoted and escaped as the functions' JSON trees do. */
    public static void string(StringBuilder json, String text) {
        JsonWriter.string(json, text);
    }
}
