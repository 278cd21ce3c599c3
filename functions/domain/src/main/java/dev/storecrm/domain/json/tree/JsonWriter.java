package dev.storecrm.domain.json.tree;

import java.util.Iterator;
import java.util.Map;

/**
 * Writes a tree as JSON text, character for character as Jackson does: compact, or indented as its default pretty
 * printer ({@code "name" : value}, two spaces, arrays on one line). Escaped: the quote, the backslash and every
 * control character ({@code \b \t \n \f \r} by their short forms, the others as <code>&#92;u00XX</code>);
 * everything else is written as it is. A {@code double} that is not finite is written as text ({@code "NaN"}).
 */
public final class JsonWriter {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out = new StringBuilder();
    private final boolean pretty;
    private int indent;

    private JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    static String compact(JsonNode node) {
        JsonWriter writer = new JsonWriter(false);
        writer.value(node);
        return writer.out.toString();
    }

    static String pretty(JsonNode node) {
        JsonWriter writer = new JsonWriter(true);
        writer.value(node);
        return writer.out.toString();
    }

    private void value(JsonNode node) {
        if (node.isObject()) {
            object(node);
        } else if (node.isArray()) {
            array(node);
        } else if (node.isTextual()) {
            string(out, node.textValue());
        } else if (node.isMissingNode()) {
            out.append("");
        } else if (node.isDouble() && !Double.isFinite(node.doubleValue())) {
            string(out, node.asText());
        } else {
            out.append(node.asText());
        }
    }

    private void object(JsonNode node) {
        if (node.size() == 0) {
            out.append(pretty ? "{ }" : "{}");
            return;
        }
        out.append('{');
        indent++;
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            newLine();
            string(out, field.getKey());
            out.append(pretty ? " : " : ":");
            value(field.getValue());
            if (fields.hasNext()) {
                out.append(',');
            }
        }
        indent--;
        newLine();
        out.append('}');
    }

    private void array(JsonNode node) {
        if (node.size() == 0) {
            out.append(pretty ? "[ ]" : "[]");
            return;
        }
        out.append(pretty ? "[ " : "[");
        Iterator<JsonNode> elements = node.iterator();
        while (elements.hasNext()) {
            value(elements.next());
            if (elements.hasNext()) {
                out.append(pretty ? ", " : ",");
            }
        }
        out.append(pretty ? " ]" : "]");
    }

    private void newLine() {
        if (pretty) {
            out.append('\n').append("  ".repeat(indent));
        }
    }

    /** Appends {@code text} as a JSON string, quotes included (the log and metric lines write theirs with it). */
    public static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
