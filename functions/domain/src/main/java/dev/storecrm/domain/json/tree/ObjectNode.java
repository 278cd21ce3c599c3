package dev.storecrm.domain.json.tree;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object: its fields in the order they were read or put. Every {@code put} of a {@code null} puts JSON
 * {@code null}, and every {@code put} returns this object, so that fields chain as in Jackson.
 */
public final class ObjectNode extends JsonNode {

    private final Map<String, JsonNode> fields = new LinkedHashMap<>();

    ObjectNode() {
    }

    @Override
    public boolean isObject() {
        return true;
    }

    @Override
    public JsonNode get(String name) {
        return fields.get(name);
    }

    @Override
    public JsonNode path(String name) {
        JsonNode value = fields.get(name);
        return value == null ? MissingNode.getInstance() : value;
    }

    @Override
    public boolean has(String name) {
        return fields.containsKey(name);
    }

    @Override
    public String asText() {
        return "";
    }

    @Override
    public int size() {
        return fields.size();
    }

    @Override
    public Iterator<JsonNode> iterator() {
        return Collections.unmodifiableCollection(fields.values()).iterator();
    }

    @Override
    public Iterator<String> fieldNames() {
        return Collections.unmodifiableSet(fields.keySet()).iterator();
    }

    @Override
    public Set<Map.Entry<String, JsonNode>> properties() {
        return fields.entrySet();
    }

    @Override
    void collect(String name, List<JsonNode> found) {
        fields.forEach((key, value) -> {
            if (key.equals(name)) {
                found.add(value);
            } else {
                value.collect(name, found);
            }
        });
    }

    @Override
    public ObjectNode deepCopy() {
        ObjectNode copy = new ObjectNode();
        fields.forEach((key, value) -> copy.fields.put(key, value.deepCopy()));
        return copy;
    }

    /** Puts {@code value} under {@code name} and returns this object (typed as the caller needs it). */
    @SuppressWarnings("unchecked")
    public <T extends JsonNode> T set(String name, JsonNode value) {
        fields.put(name, orNull(value));
        return (T) this;
    }

    /** Puts every field of {@code other}, replacing those of the same name. */
    @SuppressWarnings("unchecked")
    public <T extends JsonNode> T setAll(ObjectNode other) {
        fields.putAll(other.fields);
        return (T) this;
    }

    @SuppressWarnings("unchecked")
    public <T extends JsonNode> T setAll(Map<String, ? extends JsonNode> values) {
        values.forEach(this::set);
        return (T) this;
    }

    /** Puts {@code value} under {@code name}, giving the value it replaced, or {@code null}. */
    public JsonNode replace(String name, JsonNode value) {
        return fields.put(name, orNull(value));
    }

    public JsonNode putIfAbsent(String name, JsonNode value) {
        return fields.putIfAbsent(name, orNull(value));
    }

    /** Removes the field {@code name}, giving its value, or {@code null}. */
    public JsonNode remove(String name) {
        return fields.remove(name);
    }

    /** Removes the fields {@code names} and returns this object. */
    public ObjectNode remove(Collection<String> names) {
        fields.keySet().removeAll(names);
        return this;
    }

    /** Removes the field {@code name} and returns this object. */
    @SuppressWarnings("unchecked")
    public <T extends JsonNode> T without(String name) {
        fields.remove(name);
        return (T) this;
    }

    public ObjectNode removeAll() {
        fields.clear();
        return this;
    }

    /** The object under {@code name}, put there empty if there was nothing. */
    public ObjectNode with(String name) {
        JsonNode value = fields.get(name);
        if (value == null) {
            return putObject(name);
        }
        if (value instanceof ObjectNode object) {
            return object;
        }
        throw new UnsupportedOperationException("Property '" + name + "' has a value that is not an object");
    }

    /** The object at a JSON Pointer ({@code /detail/mail}) or under a name, made along the way where missing. */
    public ObjectNode withObject(String pointerOrName) {
        if (!pointerOrName.startsWith("/")) {
            return with(pointerOrName);
        }
        ObjectNode object = this;
        for (String token : pointerOrName.substring(1).split("/", -1)) {
            object = object.with(token.replace("~1", "/").replace("~0", "~"));
        }
        return object;
    }

    /** The array under {@code name}, put there empty if there was nothing. */
    public ArrayNode withArray(String name) {
        JsonNode value = fields.get(name);
        if (value == null) {
            return putArray(name);
        }
        if (value instanceof ArrayNode array) {
            return array;
        }
        throw new UnsupportedOperationException("Property '" + name + "' has a value that is not an array");
    }

    public ObjectNode putObject(String name) {
        ObjectNode object = new ObjectNode();
        fields.put(name, object);
        return object;
    }

    public ArrayNode putArray(String name) {
        ArrayNode array = new ArrayNode();
        fields.put(name, array);
        return array;
    }

    public ObjectNode putNull(String name) {
        fields.put(name, NullNode.getInstance());
        return this;
    }

    public ObjectNode put(String name, String value) {
        fields.put(name, TextNode.valueOf(value));
        return this;
    }

    public ObjectNode put(String name, int value) {
        fields.put(name, NumberNode.valueOf(value));
        return this;
    }

    public ObjectNode put(String name, long value) {
        fields.put(name, NumberNode.valueOf(value));
        return this;
    }

    public ObjectNode put(String name, double value) {
        fields.put(name, NumberNode.valueOf(value));
        return this;
    }

    public ObjectNode put(String name, boolean value) {
        fields.put(name, BooleanNode.valueOf(value));
        return this;
    }

    public ObjectNode put(String name, Integer value) {
        fields.put(name, value == null ? NullNode.getInstance() : NumberNode.valueOf(value));
        return this;
    }

    public ObjectNode put(String name, Long value) {
        fields.put(name, value == null ? NullNode.getInstance() : NumberNode.valueOf(value));
        return this;
    }

    public ObjectNode put(String name, Double value) {
        fields.put(name, value == null ? NullNode.getInstance() : NumberNode.valueOf(value));
        return this;
    }

    public ObjectNode put(String name, Boolean value) {
        fields.put(name, value == null ? NullNode.getInstance() : BooleanNode.valueOf(value));
        return this;
    }

    public ObjectNode put(String name, BigDecimal value) {
        fields.put(name, value == null ? NullNode.getInstance() : NumberNode.valueOf(value));
        return this;
    }

    public ObjectNode put(String name, BigInteger value) {
        fields.put(name, value == null ? NullNode.getInstance() : NumberNode.valueOf(value));
        return this;
    }

    static JsonNode orNull(JsonNode value) {
        return value == null ? NullNode.getInstance() : value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ObjectNode object && object.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }
}
