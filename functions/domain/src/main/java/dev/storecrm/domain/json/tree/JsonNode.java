package dev.storecrm.domain.json.tree;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON value, read or built. Each accessor behaves as Jackson's of the same name: {@link #get} gives {@code null}
 * where there is nothing, {@link #path} a {@link MissingNode}, the {@code as...} methods convert and never fail, and
 * {@link #toString} is the compact JSON text.
 */
public abstract class JsonNode implements Iterable<JsonNode> {

    JsonNode() {
    }

    public JsonNode get(String name) {
        return null;
    }

    public JsonNode get(int index) {
        return null;
    }

    public JsonNode path(String name) {
        return MissingNode.getInstance();
    }

    public JsonNode path(int index) {
        return MissingNode.getInstance();
    }

    /** The value at a JSON Pointer (RFC 6901) such as {@code /order/lines/0}; {@link MissingNode} where none. */
    public JsonNode at(String pointer) {
        if (pointer.isEmpty()) {
            return this;
        }
        if (pointer.charAt(0) != '/') {
            throw new IllegalArgumentException("a JSON Pointer starts with '/'");
        }
        JsonNode node = this;
        for (String token : pointer.substring(1).split("/", -1)) {
            String name = token.replace("~1", "/").replace("~0", "~");
            node = node.isArray() && name.matches("0|[1-9][0-9]{0,8}") ? node.path(Integer.parseInt(name))
                    : node.path(name);
        }
        return node;
    }

    public boolean has(String name) {
        return get(name) != null;
    }

    public boolean has(int index) {
        return get(index) != null;
    }

    public boolean hasNonNull(String name) {
        JsonNode value = get(name);
        return value != null && !value.isNull();
    }

    /** The value under {@code name}, refusing its absence (as Jackson's {@code required}). */
    public JsonNode required(String name) {
        JsonNode value = get(name);
        if (value == null) {
            throw new IllegalArgumentException("No value for property '" + name + "'");
        }
        return value;
    }

    public boolean isObject() {
        return false;
    }

    public boolean isArray() {
        return false;
    }

    public boolean isContainerNode() {
        return isObject() || isArray();
    }

    public boolean isValueNode() {
        return false;
    }

    public boolean isTextual() {
        return false;
    }

    public boolean isNumber() {
        return false;
    }

    public boolean isIntegralNumber() {
        return false;
    }

    public boolean isFloatingPointNumber() {
        return false;
    }

    public boolean isInt() {
        return false;
    }

    public boolean isLong() {
        return false;
    }

    public boolean isDouble() {
        return false;
    }

    public boolean isBigDecimal() {
        return false;
    }

    public boolean isBoolean() {
        return false;
    }

    public boolean isNull() {
        return false;
    }

    public boolean isMissingNode() {
        return false;
    }

    /** The text of a text node, {@code null} for every other. */
    public String textValue() {
        return null;
    }

    /** The value as text: a number's digits, {@code "true"}, {@code "null"}; {@code ""} for containers. */
    public abstract String asText();

    public String asText(String defaultValue) {
        String text = asText();
        return text == null ? defaultValue : text;
    }

    public long asLong() {
        return asLong(0);
    }

    public long asLong(long defaultValue) {
        return defaultValue;
    }

    public int asInt() {
        return asInt(0);
    }

    public int asInt(int defaultValue) {
        return defaultValue;
    }

    public double asDouble() {
        return 0;
    }

    public boolean asBoolean() {
        return asBoolean(false);
    }

    public boolean asBoolean(boolean defaultValue) {
        return defaultValue;
    }

    public boolean booleanValue() {
        return false;
    }

    public Number numberValue() {
        return null;
    }

    public int intValue() {
        return 0;
    }

    public long longValue() {
        return 0;
    }

    public double doubleValue() {
        return 0;
    }

    public BigDecimal decimalValue() {
        return BigDecimal.ZERO;
    }

    public BigInteger bigIntegerValue() {
        return BigInteger.ZERO;
    }

    public boolean canConvertToInt() {
        return false;
    }

    public boolean canConvertToLong() {
        return false;
    }

    /** The number of fields or elements; 0 for a value. */
    public int size() {
        return 0;
    }

    /** As Jackson: {@code size() == 0}, so true for every value that is not a container. */
    public boolean isEmpty() {
        return size() == 0;
    }

    /** An object's values, an array's elements, nothing for the others. */
    @Override
    public Iterator<JsonNode> iterator() {
        return Collections.emptyIterator();
    }

    public Iterator<JsonNode> elements() {
        return iterator();
    }

    public Iterator<String> fieldNames() {
        return Collections.emptyIterator();
    }

    public Iterator<Map.Entry<String, JsonNode>> fields() {
        return properties().iterator();
    }

    public Set<Map.Entry<String, JsonNode>> properties() {
        return Set.of();
    }

    /** The values of every field named {@code name}, at any depth (not looking inside a match). */
    public List<JsonNode> findValues(String name) {
        List<JsonNode> found = new ArrayList<>();
        collect(name, found);
        return found;
    }

    public List<String> findValuesAsText(String name) {
        return findValues(name).stream().map(JsonNode::asText).toList();
    }

    void collect(String name, List<JsonNode> found) {
    }

    /** A copy that shares nothing mutable with this node. */
    public abstract JsonNode deepCopy();

    /** The compact JSON text, as Jackson writes it. */
    @Override
    public String toString() {
        return JsonWriter.compact(this);
    }

    /** Indented JSON text, as Jackson's default pretty printer writes it. */
    public String toPrettyString() {
        return JsonWriter.pretty(this);
    }
}
