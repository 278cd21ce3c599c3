package dev.storecrm.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.TestEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The event contract: the JSON Schemas in {@code events/schemas/} and the runtime parser agree.
 * Every sample is valid under both; every invalid sample is refused with its specific reason; and
 * hundreds of mutations of the samples (a field dropped, added, emptied, mistyped, nulled) get the
 * same verdict from the schema and from the parser.
 */
class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_BASE = "https://schemas.storecrm.dev/events/v1/";
    private static final Path EVENTS = TestEvents.eventsDirectory();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(SCHEMA_BASE, EVENTS.resolve("schemas").toUri().toString())));
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    /** Invalid samples and what refuses them: the parser's reason, or null where a consumer refuses a valid event. */
    private static final Map<String, RejectReason> INVALID = Map.of(
            "malformed-json.json", RejectReason.MALFORMED_JSON,
            "unknown-type.json", RejectReason.UNKNOWN_EVENT_TYPE,
            "missing-customer-id.json", RejectReason.SCHEMA_VIOLATION,
            "impossible-birthday.json", RejectReason.IMPOSSIBLE_DATE,
            "unknown-time-zone.json", RejectReason.UNKNOWN_TIME_ZONE,
            "unsupported-version.json", RejectReason.UNSUPPORTED_VERSION,
            "unknown-currency.json", RejectReason.UNKNOWN_CURRENCY,
            "occurred-at-without-offset.json", RejectReason.SCHEMA_VIOLATION);

    static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.walk(EVENTS)) {
            return files.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> !EVENTS.relativize(p).toString().matches("(schemas|invalid|sam|ses|[a-z]+-adapter)/.*"))
                    .sorted().toList();
        }
    }

    @Test
    void everyEventTypeHasASchemaAndAtLeastOneSample() throws IOException {
        List<String> sampledTypes = new ArrayList<>();
        for (Path sample : samples()) {
            sampledTypes.add(JSON.readTree(sample.toFile()).path("type").asText());
        }
        for (EventType type : EventType.values()) {
            assertTrue(Files.isRegularFile(EVENTS.resolve("schemas/" + type + ".schema.json")), "schema of " + type);
            assertTrue(sampledTypes.contains(type.name()), "a sample of " + type + " in events/");
        }
    }

    @TestFactory
    Stream<DynamicTest> everySampleIsValidUnderItsSchemaAndTheParser() throws IOException {
        return samples().stream().map(sample -> DynamicTest.dynamicTest(EVENTS.relativize(sample).toString(), () -> {
            JsonNode event = JSON.readTree(sample.toFile());
            List<String> errors = schemaErrors(event);
            assertTrue(errors.isEmpty(), "schema errors: " + errors);
            StoreEvent parsed = EventParser.parse(Files.readString(sample));
            assertEquals(event.get("id").asText(), parsed.meta().id());
            assertEquals(event.get("type").asText(), parsed.meta().type().name());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyInvalidSampleIsRefusedWithItsReason() throws IOException {
        List<Path> invalid;
        try (Stream<Path> files = Files.list(EVENTS.resolve("invalid"))) {
            invalid = files.sorted().toList();
        }
        return invalid.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String name = file.getFileName().toString();
            String body = Files.readString(file);
            if (!INVALID.containsKey(name)) {
                // Valid under the contract, refused by the consumer it reaches (see MemberArchiveServiceTest).
                assertTrue(List.of("wrong-currency.json", "cart-event-on-member-queue.json").contains(name),
                        name + " needs an expected reason here");
                EventParser.parse(body);
                return;
            }
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> EventParser.parse(body));
            assertEquals(INVALID.get(name), refused.reason(), refused.detail());
            assertFalse(refused.detail().contains("example.com"), "the reason must not repeat an e-mail address");
            assertFalse(refused.detail().contains("2001-02-29"), "the reason must not repeat a birthday");
        }));
    }

    @Test
    void schemaAndParserGiveTheSameVerdictOnMutatedSamples() throws IOException {
        List<String> disagreements = new ArrayList<>();
        int checked = 0;
        for (Path sample : samples()) {
            JsonNode original = JSON.readTree(sample.toFile());
            for (Mutation mutation : mutations(original)) {
                checked++;
                boolean schemaAccepts = schemaErrors(mutation.event()).isEmpty();
                boolean parserAccepts;
                try {
                    EventParser.parse(mutation.event().toString());
                    parserAccepts = true;
                } catch (InvalidInputException e) {
                    parserAccepts = false;
                }
                if (schemaAccepts != parserAccepts) {
                    disagreements.add(EVENTS.relativize(sample) + " " + mutation.description() + ": schema "
                            + (schemaAccepts ? "accepts" : "refuses") + ", parser " + (parserAccepts ? "accepts" : "refuses"));
                }
            }
        }
        assertTrue(checked > 500, "only " + checked + " mutations");
        if (!disagreements.isEmpty()) {
            fail(disagreements.size() + " of " + checked + " mutations disagree:\n" + String.join("\n", disagreements));
        }
    }

    /** Each {@code events/sam/<consumer>-sqs-batch.json} carries the samples of {@code events/<consumer>/}, in file order. */
    @Test
    void everySamBatchCarriesItsConsumersSamples() throws IOException {
        List<Path> batches;
        try (Stream<Path> files = Files.list(EVENTS.resolve("sam"))) {
            batches = files.filter(f -> f.getFileName().toString().endsWith("-sqs-batch.json")).sorted().toList();
        }
        assertTrue(batches.size() >= 2, "the member archive's and cart recovery's batches");
        for (Path batchFile : batches) {
            String consumer = batchFile.getFileName().toString().replace("-sqs-batch.json", "");
            List<JsonNode> bodies = new ArrayList<>();
            for (JsonNode record : JSON.readTree(batchFile.toFile()).get("Records")) {
                bodies.add(JSON.readTree(record.get("body").asText()));
            }
            List<JsonNode> samples = new ArrayList<>();
            try (Stream<Path> files = Files.list(EVENTS.resolve(consumer))) {
                for (Path file : files.sorted().toList()) {
                    samples.add(JSON.readTree(file.toFile()));
                }
            }
            assertEquals(samples, bodies, "events/sam/" + batchFile.getFileName() + " is out of step with events/"
                    + consumer + "/");
        }
    }

    private static List<String> schemaErrors(JsonNode event) {
        String type = event.path("type").asText();
        if (EventType.fromWire(type).isEmpty()) {
            return List.of("type " + type + " has no schema");
        }
        JsonSchema schema = SCHEMAS.getSchema(SchemaLocation.of(SCHEMA_BASE + type + ".schema.json"), CONFIG);
        return schema.validate(event).stream().map(Object::toString).toList();
    }

    record Mutation(String description, JsonNode event) {}

    /** Every field dropped, nulled, emptied and mistyped; every object given an unknown field. */
    private static List<Mutation> mutations(JsonNode original) {
        List<Mutation> mutations = new ArrayList<>();
        collect(original, "", original, mutations);
        return mutations;
    }

    private static void collect(JsonNode root, String path, JsonNode node, List<Mutation> out) {
        if (node.isObject()) {
            out.add(mutate(root, path, "unknown field added", n -> ((ObjectNode) n).put("unexpectedField", 1)));
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String child = path + "/" + name;
                out.add(mutate(root, path, "drop " + child, n -> ((ObjectNode) n).remove(name)));
                out.add(mutate(root, path, "null " + child, n -> ((ObjectNode) n).putNull(name)));
                JsonNode value = node.get(name);
                if (value.isTextual()) {
                    out.add(mutate(root, path, "empty " + child, n -> ((ObjectNode) n).put(name, "")));
                    out.add(mutate(root, path, "number for " + child, n -> ((ObjectNode) n).put(name, 42)));
                } else if (value.isNumber()) {
                    out.add(mutate(root, path, "text for " + child, n -> ((ObjectNode) n).set(name, TextNode.valueOf("42"))));
                    out.add(mutate(root, path, "negative " + child, n -> ((ObjectNode) n).put(name, -1)));
                }
                collect(root, child, value, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(root, path + "/" + i, node.get(i), out);
            }
            if (node.size() > 0) {
                out.add(mutate(root, path, "emptied array " + path, n -> ((ArrayNode) n).removeAll()));
            }
        }
    }

    private static Mutation mutate(JsonNode root, String path, String description,
                                   java.util.function.Consumer<JsonNode> change) {
        JsonNode copy = root.deepCopy();
        change.accept(path.isEmpty() ? copy : copy.at(path));
        return new Mutation(description, copy);
    }
}
