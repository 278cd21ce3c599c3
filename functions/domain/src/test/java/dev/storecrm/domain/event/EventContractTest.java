package dev.storecrm.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.json.tree.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The event contract: the JSON Schemas in {@code events/schemas/} and the runtime parser agree.
 * Every sample is valid under both, and hundreds of mutations of the samples (a field dropped,
 * added, emptied, mistyped, nulled) get the same verdict from the schema and from the parser. The
 * invalid corpus is held to its expected reasons in {@link InvalidEventsTest}, the limits in
 * {@link EventLimitsTest}.
 */
class EventContractTest {

    private static final ObjectMapper JSON = ContractSchemas.JSON;
    private static final Path EVENTS = ContractSchemas.EVENTS;

    static List<Path> samples() throws IOException {
        // The folders that hold no canonical events, as the local cloud's CanonicalSamples reads them too.
        String notForTheBus = Files.readAllLines(EVENTS.resolve("not-for-the-bus.txt")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).collect(Collectors.joining("|", "(", ")/.*"));
        try (Stream<Path> files = Files.walk(EVENTS)) {
            return files.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> !EVENTS.relativize(p).toString().matches(notForTheBus))
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
            ContractEvent parsed = EventParser.read(Files.readString(sample), ContractSchemas.CLOCK);
            assertEquals(event.get("id").asText(), parsed.meta().id());
            assertEquals(event.get("type").asText(), parsed.meta().type().name());
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
                boolean parserAccepts = ContractSchemas.parserAccepts(mutation.event(), ContractSchemas.CLOCK);
                if (schemaAccepts != parserAccepts) {
                    disagreements.add(EVENTS.relativize(sample) + " " + mutation.description() + ": schema "
                            + (schemaAccepts ? "accepts" : "refuses") + ", parser "
                            + (parserAccepts ? "accepts" : "refuses"));
                }
            }
        }
        assertTrue(checked > 500, "only " + checked + " mutations");
        if (!disagreements.isEmpty()) {
            fail(disagreements.size() + " of " + checked + " mutations disagree:\n" + String.join("\n", disagreements));
        }
    }

    /**
     * Each {@code events/sam/<consumer>-sqs-batch.json} carries the samples of {@code events/<consumer>/}, in file
     * order.
     */
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
        return ContractSchemas.schemaErrors(event);
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
                    out.add(mutate(root, path, "text for " + child,
                            n -> ((ObjectNode) n).set(name, TextNode.valueOf("42"))));
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
