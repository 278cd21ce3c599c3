package dev.storecrm.domain.json.tree;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** A JSON array. Every {@code add} of a {@code null} adds JSON {@code null} and returns this array. */
public final class ArrayNode extends JsonNode {

    private final List<JsonNode> elements = new ArrayList<>();

    ArrayNode() {
    }

    @Override
    public boolean isArray() {
        return true;
    }

    @Override
    public JsonNode get(int index) {
        return index >= 0 && index < elements.size() ? elements.get(index) : null;
    }

    @Override
    public JsonNode path(int index) {
        JsonNode value = get(index);
        return value == null ? MissingNode.getInstance() : value;
    }

    @Override
    public String asText() {
        return "";
    }

    @Override
    public int size() {
        return elements.size();
    }

    @Override
    public Iterator<JsonNode> iterator() {
        return Collections.unmodifiableList(elements).iterator();
    }

    @Override
    void collect(String name, List<JsonNode> found) {
        elements.forEach(element -> element.collect(name, found));
    }

    @Override
    public ArrayNode deepCopy() {
        ArrayNode copy = new ArrayNode();
        elements.forEach(element -> copy.elements.add(element.deepCopy()));
        return copy;
    }

    public ArrayNode add(JsonNode value) {
        elements.add(ObjectNode.orNull(value));
        return this;
    }

    public ArrayNode add(String value) {
        return add(TextNode.valueOf(value));
    }

    public ArrayNode add(int value) {
        return add(NumberNode.valueOf(value));
    }

    public ArrayNode add(long value) {
        return add(NumberNode.valueOf(value));
    }

    public ArrayNode add(double value) {
        return add(NumberNode.valueOf(value));
    }

    public ArrayNode add(boolean value) {
        return add(BooleanNode.valueOf(value));
    }

    public ArrayNode add(Integer value) {
        return add(value == null ? NullNode.getInstance() : NumberNode.valueOf(value));
    }

    public ArrayNode add(Long value) {
        return add(value == null ? NullNode.getInstance() : NumberNode.valueOf(value));
    }

    public ArrayNode add(BigDecimal value) {
        return add(value == null ? NullNode.getInstance() : NumberNode.valueOf(value));
    }

    public ArrayNode add(BigInteger value) {
        return add(value == null ? NullNode.getInstance() : NumberNode.valueOf(value));
    }

    public ArrayNode addNull() {
        return add(NullNode.getInstance());
    }

    public ObjectNode addObject() {
        ObjectNode object = new ObjectNode();
        elements.add(object);
        return object;
    }

    public ArrayNode addArray() {
        ArrayNode array = new ArrayNode();
        elements.add(array);
        return array;
    }

    public ArrayNode addAll(ArrayNode other) {
        elements.addAll(other.elements);
        return this;
    }

    public ArrayNode addAll(Collection<? extends JsonNode> values) {
        values.forEach(this::add);
        return this;
    }

    public ArrayNode insert(int index, JsonNode value) {
        elements.add(Math.min(Math.max(index, 0), elements.size()), ObjectNode.orNull(value));
        return this;
    }

    /** Replaces the element at {@code index}, giving the one it replaced. */
    public JsonNode set(int index, JsonNode value) {
        return elements.set(index, ObjectNode.orNull(value));
    }

    /** Removes the element at {@code index}, giving it, or {@code null} where there is none. */
    public JsonNode remove(int index) {
        return index >= 0 && index < elements.size() ? elements.remove(index) : null;
    }

    public ArrayNode removeAll() {
        elements.clear();
        return this;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArrayNode array && array.elements.equals(elements);
    }

    @Override
    public int hashCode() {
        return elements.hashCode();
    }
}
