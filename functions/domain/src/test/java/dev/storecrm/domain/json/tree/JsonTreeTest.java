package dev.storecrm.domain.json.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.TestEvents;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Our JSON trees held to Jackson's (2.20, the tests' only use of it), which the functions used before: every sample of
 * {@code events/} and every edge case below must read, write and answer alike.
 */
class JsonTreeTest {

    private static final ObjectMapper OURS = new ObjectMapper();
    private static final com.fasterxml.jackson.databind.ObjectMapper JACKSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private static final List<String> EDGE_CASES = List.of(
            "{}", "[]", "{ }", " [ ] ", "0", "-0", "12", "-12", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890",
            "1.5", "-0.0", "1e3", "1E-7", "2.5e+10", "0.1", "1.0", "123456789.123456789", "1e400",
            "true", "false", "null", "\"\"", "\"plain\"", "\"42\"", "\" 7 \"", "\"1.9\"", "\"true\"", "\" false\"",
            "\"a\\\"b\\\\c\\/d\"", "\"\\b\\f\\n\\r\\t\"", "\"\\u0000\\u001f\\u007f\\u00e9\"", "\"\\uD83D\\uDE00\"",
            "\"\\ud800\"", "\"中文 😀 é\"", "\"\u007f\u0080\u2028\"",
            "{\"a\":{\"b\":[1,2,{\"c\":null}],\"d\":\"\"},\"e\":[]}",
            "[[[]],[{}],[null,true,false,-1.25e-3]]",
            "\n\t{\r\n  \"spaced\" : [ 1 , 2 ] \n}\n",
            "{\"x\":1,\"y\":{\"x\":2,\"z\":{\"x\":3}},\"w\":[{\"x\":4}]}");

    private static final List<String> REFUSED = List.of(
            "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{'a':1}", "01", "-", "1.", ".5", "1e", "+1",
            "NaN", "Infinity", "tru", "nul", "truex", "\"open", "\"bad \\x escape\"", "\"\\u12G4\"",
            "\"tab\tinside\"", "\"line\nbreak\"", "[1 2]", "// comment\n1", "/* c */ 1", "[\"a\"\"b\"]", "{\"a\"}");

    @Test
    void everySampleOfEventsReadsAndWritesAsJacksonDoes() throws IOException {
        List<Path> samples;
        try (Stream<Path> files = Files.walk(TestEvents.eventsDirectory())) {
            samples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(samples.size() > 100, "the samples of events/: " + samples.size());
        for (Path sample : samples) {
            String text = Files.readString(sample);
            if (!readsWithJackson(text)) {
                assertThrows(JsonProcessingException.class, () -> OURS.readTree(text), sample + " is refused");
                continue;
            }
            assertEquals(JACKSON.readTree(text).toString(), OURS.readTree(text).toString(), sample.toString());
            assertEquals(JACKSON.readTree(text).toPrettyString(), OURS.readTree(text).toPrettyString(),
                    sample.toString());
        }
    }

    private static boolean readsWithJackson(String text) {
        try {
            JACKSON.readTree(text);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void edgeCasesReadAndWriteAsJacksonDoes() throws IOException {
        for (String text : EDGE_CASES) {
            assertEquals(JACKSON.readTree(text).toString(), OURS.readTree(text).toString(), text);
            assertEquals(JACKSON.readTree(text).toPrettyString(), OURS.readTree(text).toPrettyString(), text);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertEquals(JACKSON.readTree(bytes).toString(),
                    OURS.readTree(new ByteArrayInputStream(bytes)).toString(), text);
        }
    }

    @Test
    void everyAccessorAnswersAsJacksonsDoes() throws IOException {
        Map<String, Function<Object, Object>> accessors = new LinkedHashMap<>();
        accessors.put("asText", n -> call(n, "asText"));
        accessors.put("textValue", n -> call(n, "textValue"));
        accessors.put("asLong", n -> call(n, "asLong"));
        accessors.put("asInt", n -> call(n, "asInt"));
        accessors.put("asDouble", n -> call(n, "asDouble"));
        accessors.put("asBoolean", n -> call(n, "asBoolean"));
        accessors.put("longValue", n -> call(n, "longValue"));
        accessors.put("intValue", n -> call(n, "intValue"));
        accessors.put("decimalValue", n -> call(n, "decimalValue"));
        accessors.put("numberValue", n -> call(n, "numberValue"));
        accessors.put("booleanValue", n -> call(n, "booleanValue"));
        accessors.put("canConvertToLong", n -> call(n, "canConvertToLong"));
        accessors.put("canConvertToInt", n -> call(n, "canConvertToInt"));
        for (String kind : List.of("isObject", "isArray", "isTextual", "isNumber", "isIntegralNumber",
                "isFloatingPointNumber", "isInt", "isLong", "isDouble", "isBoolean", "isNull", "isMissingNode",
                "isValueNode", "isContainerNode", "isEmpty", "size")) {
            accessors.put(kind, n -> call(n, kind));
        }
        for (String text : EDGE_CASES) {
            for (String path : List.of("", "missing")) {
                Object ours = path.isEmpty() ? OURS.readTree(text) : OURS.readTree(text).path(path);
                Object theirs = path.isEmpty() ? JACKSON.readTree(text) : JACKSON.readTree(text).path(path);
                accessors.forEach((name, accessor) -> assertEquals(accessor.apply(theirs), accessor.apply(ours),
                        name + " of " + text + (path.isEmpty() ? "" : " .path(\"missing\")")));
            }
        }
    }

    private static Object call(Object node, String method) {
        try {
            Object value = node.getClass().getMethod(method).invoke(node);
            return value instanceof BigDecimal decimal ? decimal.stripTrailingZeros() : value;
        } catch (java.lang.reflect.InvocationTargetException e) {
            return "threw " + e.getCause().getClass().getName();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(method + " on " + node.getClass(), e);
        }
    }

    @Test
    void navigationAndSearchAnswerAsJacksonsDo() throws IOException {
        String text = EDGE_CASES.getLast();
        JsonNode ours = OURS.readTree(text);
        com.fasterxml.jackson.databind.JsonNode theirs = JACKSON.readTree(text);
        assertEquals(theirs.findValues("x").toString(), ours.findValues("x").toString());
        assertEquals(theirs.findValuesAsText("x"), ours.findValuesAsText("x"));
        assertEquals(theirs.at("/y/z/x").toString(), ours.at("/y/z/x").toString());
        assertEquals(theirs.at("/w/0").toString(), ours.at("/w/0").toString());
        assertTrue(ours.at("/w/1").isMissingNode());
        assertEquals(List.of("x", "y", "w"), names(ours));
        assertEquals(theirs.get("y").size(), ours.get("y").size());
        assertEquals(null, ours.get("nothing"));
        assertEquals(null, ours.get("w").get(5));
        assertTrue(ours.path("nothing").path("deeper").path(3).isMissingNode());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void treesBuiltWriteAsJacksonsBuiltTheSameWay() {
        ObjectNode ours = OURS.createObjectNode().put("s", "x\"y").put("i", 1).put("l", 5_000_000_000L)
                .put("d", 0.25).put("b", true).put("n", (String) null).put("bd", new BigDecimal("19.90"))
                .put("boxed", (Integer) null).putNull("z");
        ours.putArray("a").add(1).add("two").add(3.5).add(false).add((String) null).addObject().put("k", "v");
        ours.putObject("o").set("inner", OURS.createArrayNode());
        com.fasterxml.jackson.databind.node.ObjectNode theirs = JACKSON.createObjectNode().put("s", "x\"y").put("i", 1)
                .put("l", 5_000_000_000L).put("d", 0.25).put("b", true).put("n", (String) null)
                .put("bd", new BigDecimal("19.90")).put("boxed", (Integer) null).putNull("z");
        theirs.putArray("a").add(1).add("two").add(3.5).add(false).add((String) null).addObject().put("k", "v");
        theirs.putObject("o").set("inner", JACKSON.createArrayNode());
        assertEquals(theirs.toString(), ours.toString());
        assertEquals(theirs.toPrettyString(), ours.toPrettyString());

        ObjectNode copy = ours.deepCopy();
        assertEquals(ours, copy);
        ((ObjectNode) copy.get("o")).put("changed", 1);
        assertNotEquals(ours, copy, "a deep copy shares nothing");
        assertEquals(theirs.without("a").toString(), ours.without("a").toString());
    }

    record Line(String sku, int quantity, BigDecimal price, List<String> tags, Kind kind, Map<String, Object> extra) {}

    enum Kind { GIFT }

    @Test
    void plainValuesBecomeTheTreesJacksonMakesOfThem() throws IOException {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("n", null);
        extra.put("bytes", "hi".getBytes(StandardCharsets.UTF_8));
        extra.put("long", 7L);
        Line line = new Line("SKU-1", 2, new BigDecimal("9.90"), List.of("a", "b"), Kind.GIFT, extra);
        assertEquals(JACKSON.valueToTree(line).toString(), OURS.valueToTree(line).toString());
        assertEquals(JACKSON.writeValueAsString(List.of(line)), OURS.writeValueAsString(List.of(line)));
        assertEquals(JACKSON.valueToTree(new int[] {1, 2}).toString(), OURS.valueToTree(new int[] {1, 2}).toString());
        List<Object> texts = List.of(java.util.UUID.fromString("5b0e8d6e-0000-4000-8000-000000000000"),
                java.net.URI.create("https://shop.example.com/a?b=c"), java.util.Locale.SIMPLIFIED_CHINESE,
                java.util.Currency.getInstance("CNY"));
        assertEquals(JACKSON.writeValueAsString(texts), OURS.writeValueAsString(texts));
        assertEquals(null, OURS.valueToTree(null));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> OURS.valueToTree(java.time.Instant.EPOCH));
        assertTrue(refused.getMessage().contains("java.time.Instant"), refused.getMessage());

        String text = "{\"a\":1,\"b\":5000000000,\"c\":1.5,\"d\":[\"x\",null,true],\"e\":{\"f\":{}}}";
        assertEquals(JACKSON.convertValue(JACKSON.readTree(text), Map.class),
                OURS.convertValue(OURS.readTree(text), Map.class));
        assertEquals(JACKSON.convertValue(JACKSON.readTree(text), Object.class),
                OURS.convertValue(OURS.readTree(text), Object.class));
        assertThrows(IllegalArgumentException.class, () -> OURS.convertValue(OURS.readTree("[1]"), Map.class));
        assertEquals(JACKSON.convertValue(JACKSON.readTree(text), java.util.TreeMap.class),
                OURS.convertValue(OURS.readTree(text), java.util.TreeMap.class));
        assertEquals(java.util.TreeMap.class,
                OURS.convertValue(OURS.readTree(text), java.util.TreeMap.class).getClass());
        assertEquals(JACKSON.convertValue(JACKSON.readTree("[3,1,2]"), java.util.TreeSet.class),
                OURS.convertValue(OURS.readTree("[3,1,2]"), java.util.TreeSet.class));
    }

    @Test
    void whatJacksonRefusesIsRefusedWithWhereItBroke() {
        for (String text : REFUSED) {
            assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class, () -> JACKSON.readTree(text),
                    "Jackson refuses " + text);
            JsonProcessingException refused = assertThrows(JsonProcessingException.class, () -> OURS.readTree(text),
                    text);
            assertTrue(refused.getLocation().getLineNr() >= 1 && refused.getLocation().getColumnNr() >= 1, text);
        }
        JsonProcessingException where = assertThrows(JsonProcessingException.class,
                () -> OURS.readTree("{\n  \"a\": 1,\n  \"b\": tru\n}"));
        assertEquals(3, where.getLocation().getLineNr());
        assertEquals(8, where.getLocation().getColumnNr());
        assertEquals("unrecognised token: expected a value (line 3, column 8)", where.getMessage());
    }

    @Test
    void aDuplicateFieldIsRefusedOnlyWhenAskedAsWithJackson() throws IOException {
        String text = "{\"a\":1,\"a\":2}";
        assertEquals(JACKSON.readTree(text).toString(), OURS.readTree(text).toString(), "otherwise the last counts");
        ObjectMapper strict = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        JsonProcessingException refused = assertThrows(JsonProcessingException.class, () -> strict.readTree(text));
        assertEquals("duplicate field \"a\"", refused.getOriginalMessage());
    }

    @Test
    void unlikeJacksonAnythingAfterTheValueIsRefused() throws IOException {
        assertEquals("{\"a\":1}", JACKSON.readTree("{\"a\":1} {\"b\":2}").toString(), "Jackson ignores the rest");
        JsonProcessingException refused = assertThrows(JsonProcessingException.class,
                () -> OURS.readTree("{\"a\":1} {\"b\":2}"));
        assertEquals("unexpected character '{' after the end of the JSON value", refused.getOriginalMessage());
    }

    @Test
    void emptyInputIsMissingAndNotUtf8IsRefused() throws IOException {
        assertTrue(OURS.readTree("").isMissingNode());
        assertTrue(OURS.readTree(" \n").isMissingNode());
        assertTrue(OURS.readTree(new ByteArrayInputStream(new byte[0])).isMissingNode());
        assertTrue(JACKSON.readTree("").isMissingNode());
        assertThrows(JsonProcessingException.class, () -> OURS.readTree(new byte[] {'"', (byte) 0xC3, '"'}));
        assertEquals("{}", OURS.readTree("\uFEFF{}").toString(), "a byte-order mark is skipped");
    }

    @Test
    void nestingIsBoundedWithoutExhaustingTheStack() throws IOException {
        String deepest = "[".repeat(1000) + "]".repeat(1000);
        assertEquals(1, OURS.readTree(deepest).size());
        JsonProcessingException refused = assertThrows(JsonProcessingException.class,
                () -> OURS.readTree("[".repeat(1001) + "]".repeat(1001)));
        assertEquals("nested deeper than 1000 levels", refused.getOriginalMessage());
        assertThrows(JsonProcessingException.class, () -> OURS.readTree("{\"a\":".repeat(200_000)));
    }

    @Test
    void numbersKeepTheirKindsAsJacksonReadsThem() throws IOException {
        assertInstanceOf(Integer.class, OURS.readTree("2147483647").numberValue());
        assertInstanceOf(Long.class, OURS.readTree("2147483648").numberValue());
        assertInstanceOf(java.math.BigInteger.class, OURS.readTree("9223372036854775808").numberValue());
        assertInstanceOf(Double.class, OURS.readTree("1.0").numberValue());
        assertNotEquals(OURS.readTree("1"), OURS.createObjectNode().put("n", 1L).get("n"),
                "an int and a long of the same value differ, as in Jackson");
        assertEquals(JACKSON.readTree("1").equals(JACKSON.createObjectNode().put("n", 1L).get("n")),
                OURS.readTree("1").equals(OURS.createObjectNode().put("n", 1L).get("n")));
        assertFalse(OURS.readTree("1e19").canConvertToLong());
    }
}
