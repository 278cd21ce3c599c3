package dev.storecrm.platform.stream;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON of Lambda's events as the runtime's serializer reads it: a field that is absent or {@code null}
 * is {@code null}, strings, string maps and lists as they are, binary values from base64. Shared by the
 * event readers and response writers of this package.
 */
final class LambdaJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private LambdaJson() {
    }

    /** The event's JSON; an empty stream is an empty object (a scheduled run may be invoked with nothing). */
    static JsonNode read(InputStream input) throws IOException {
        JsonNode node = MAPPER.readTree(input);
        return node == null || node.isMissingNode() ? MAPPER.createObjectNode() : node;
    }

    static void write(JsonNode node, OutputStream output) throws IOException {
        MAPPER.writeValue(output, node);
    }

    static JsonNode field(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        return value == null ? null : value.asText();
    }

    static boolean bool(JsonNode node, String name) {
        JsonNode value = field(node, name);
        return value != null && value.asBoolean();
    }

    static long number(JsonNode node, String name) {
        JsonNode value = field(node, name);
        return value == null ? 0 : value.asLong();
    }

    static Map<String, String> strings(JsonNode node, String name) {
        return map(node, name, JsonNode::asText);
    }

    static <T> Map<String, T> map(JsonNode node, String name, Function<JsonNode, T> each) {
        JsonNode value = field(node, name);
        if (value == null) {
            return null;
        }
        Map<String, T> map = new LinkedHashMap<>();
        value.properties().forEach(e -> map.put(e.getKey(), e.getValue().isNull() ? null : each.apply(e.getValue())));
        return map;
    }

    static List<String> texts(JsonNode node, String name) {
        return list(node, name, JsonNode::asText);
    }

    static <T> List<T> list(JsonNode node, String name, Function<JsonNode, T> each) {
        JsonNode value = field(node, name);
        if (value == null) {
            return null;
        }
        List<T> list = new ArrayList<>();
        value.forEach(item -> list.add(item.isNull() ? null : each.apply(item)));
        return list;
    }

    static ByteBuffer binary(JsonNode node) {
        return ByteBuffer.wrap(Base64.getDecoder().decode(node.asText()));
    }

    /** Puts {@code value} under {@code name} unless it is {@code null}, as the runtime's serializer leaves it out. */
    static void put(ObjectNode node, String name, Object value) {
        if (value != null) {
            node.set(name, MAPPER.valueToTree(value));
        }
    }
}
