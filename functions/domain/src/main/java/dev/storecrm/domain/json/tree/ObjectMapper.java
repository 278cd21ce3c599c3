package dev.storecrm.domain.json.tree;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Reads JSON text into trees, writes trees and plain values as JSON text, and converts between trees and plain
 * Java values (maps, lists, text, numbers, booleans), with the method names of Jackson's {@code ObjectMapper}.
 * Immutable once configured, and safe to share between threads.
 */
public final class ObjectMapper {

    private boolean strictDuplicates;

    /** Turns a reader option on, and returns this mapper. */
    public ObjectMapper enable(JsonParser.Feature feature) {
        strictDuplicates |= feature == JsonParser.Feature.STRICT_DUPLICATE_DETECTION;
        return this;
    }

    public ObjectNode createObjectNode() {
        return new ObjectNode();
    }

    public ArrayNode createArrayNode() {
        return new ArrayNode();
    }

    /** The value of {@code text}; {@link MissingNode} when there is nothing but white space. */
    public JsonNode readTree(String text) throws JsonProcessingException {
        return JsonParser.read(text, strictDuplicates);
    }

    /** The value of UTF-8 {@code bytes}; bytes that are not UTF-8 are refused at the first bad one. */
    public JsonNode readTree(byte[] bytes) throws JsonProcessingException {
        return readTree(utf8(bytes));
    }

    public JsonNode readTree(File file) throws IOException {
        return readTree(Files.readAllBytes(file.toPath()));
    }

    public JsonNode readTree(InputStream input) throws IOException {
        return readTree(input.readAllBytes());
    }

    private static String utf8(byte[] bytes) throws JsonProcessingException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new JsonProcessingException("not valid UTF-8", new JsonProcessingException.JsonLocation(1, 1));
        }
    }

    public String writeValueAsString(Object value) {
        return value == null ? "null" : tree(value, false).toString();
    }

    public byte[] writeValueAsBytes(Object value) {
        return writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
    }

    /** Writes {@code value} as UTF-8 JSON to {@code output}, leaving the stream open. */
    public void writeValue(OutputStream output, Object value) throws IOException {
        output.write(writeValueAsBytes(value));
        output.flush();
    }

    /**
     * The tree of a plain value: a map becomes an object (its keys as text), a collection or array an array, a
     * record an object of its components, an enum its name, a {@code UUID}, {@code URI}, {@code Locale} or
     * {@code Currency} its text (as Jackson writes them), {@code byte[]} base64 text, a {@code BigDecimal} its
     * value without trailing zeros (as Jackson's trees keep it, though it writes it as it is); {@code null} gives
     * {@code null}. Any other type is refused, naming it.
     */
    public <T extends JsonNode> T valueToTree(Object value) {
        @SuppressWarnings("unchecked")
        T tree = value == null ? null : (T) tree(value, true);
        return tree;
    }

    private static JsonNode tree(Object value, boolean strip) {
        return switch (value) {
            case null -> NullNode.getInstance();
            case JsonNode node -> node.deepCopy();
            case CharSequence text -> new TextNode(text.toString());
            case Character character -> new TextNode(character.toString());
            case Boolean bool -> BooleanNode.valueOf(bool);
            case Integer number -> NumberNode.valueOf(number);
            case Short number -> NumberNode.valueOf(number.intValue());
            case Byte number -> NumberNode.valueOf(number.intValue());
            case Long number -> NumberNode.valueOf(number);
            case BigInteger number -> NumberNode.valueOf(number);
            case BigDecimal number -> NumberNode.valueOf(!strip ? number : number.signum() == 0 ? BigDecimal.ZERO
                    : number.stripTrailingZeros());
            case Float number -> NumberNode.valueOf(Double.parseDouble(number.toString()));
            case Double number -> NumberNode.valueOf(number);
            case Enum<?> constant -> new TextNode(constant.name());
            case UUID id -> new TextNode(id.toString());
            case URI uri -> new TextNode(uri.toString());
            case Locale locale -> new TextNode(locale.toString());
            case Currency currency -> new TextNode(currency.getCurrencyCode());
            case byte[] bytes -> new TextNode(Base64.getEncoder().encodeToString(bytes));
            case Map<?, ?> map -> {
                ObjectNode object = new ObjectNode();
                map.forEach((key, item) -> object.set(String.valueOf(key), tree(item, strip)));
                yield object;
            }
            case Iterable<?> items -> {
                ArrayNode array = new ArrayNode();
                items.forEach(item -> array.add(tree(item, strip)));
                yield array;
            }
            case Record record -> record(record, strip);
            default -> {
                if (value.getClass().isArray()) {
                    ArrayNode array = new ArrayNode();
                    for (int i = 0; i < Array.getLength(value); i++) {
                        array.add(tree(Array.get(value, i), strip));
                    }
                    yield array;
                }
                throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
            }
        };
    }

    private static ObjectNode record(Record record, boolean strip) {
        ObjectNode object = new ObjectNode();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                component.getAccessor().setAccessible(true);
                object.set(component.getName(), tree(component.getAccessor().invoke(record), strip));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalArgumentException("cannot read " + record.getClass().getName() + "."
                        + component.getName(), e);
            }
        }
        return object;
    }

    /**
     * {@code value} as a plain Java value of {@code type}: objects become {@link LinkedHashMap}s (or the map class
     * asked for, such as a {@code TreeMap}), arrays {@link ArrayList}s (or the collection class asked for), numbers
     * {@code Integer}, {@code Long}, {@code BigInteger}, {@code Double} or {@code BigDecimal} by their kind, text
     * {@code String}, JSON {@code null} {@code null}.
     */
    @SuppressWarnings("unchecked")
    public <T> T convertValue(Object value, Class<T> type) {
        Object plain = value == null ? null : plain(tree(value, true));
        if (plain == null || type.isInstance(plain)) {
            return type.cast(plain);
        }
        try {
            if (plain instanceof Map<?, ?> map && Map.class.isAssignableFrom(type)) {
                Map<Object, Object> typed = (Map<Object, Object>) type.getConstructor().newInstance();
                typed.putAll(map);
                return type.cast(typed);
            }
            if (plain instanceof List<?> list && Collection.class.isAssignableFrom(type)) {
                Collection<Object> typed = (Collection<Object>) type.getConstructor().newInstance();
                typed.addAll(list);
                return type.cast(typed);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot make a " + type.getName(), e);
        }
        throw new IllegalArgumentException("cannot convert a JSON " + kind(plain) + " to " + type.getName());
    }

    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(field -> map.put(field.getKey(), plain(field.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(plain(element)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNumber() ? node.numberValue() : null;
    }

    private static String kind(Object plain) {
        return plain instanceof Map ? "object" : plain instanceof List ? "array" : plain.getClass().getSimpleName();
    }
}
