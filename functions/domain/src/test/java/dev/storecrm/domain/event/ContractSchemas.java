package dev.storecrm.domain.event;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.TestEvents;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The JSON Schemas of {@code events/schemas/} for the contract tests, and the clock the samples are received at. */
final class ContractSchemas {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path EVENTS = TestEvents.eventsDirectory();
    /** The receiving clock of the samples and of the invalid corpus (events/invalid/README.md). */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);

    private static final String SCHEMA_BASE = "https://schemas.storecrm.dev/events/v1/";
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(
                    m -> m.mapPrefix(SCHEMA_BASE, EVENTS.resolve("schemas").toUri().toString())));
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private ContractSchemas() {}

    /** What the event's schema finds wrong with it (empty: valid). */
    static List<String> schemaErrors(JsonNode event) {
        String type = event.path("type").asText();
        if (EventType.fromWire(type).isEmpty()) {
            return List.of("type " + type + " has no schema");
        }
        JsonSchema schema = SCHEMAS.getSchema(SchemaLocation.of(SCHEMA_BASE + type + ".schema.json"), CONFIG);
        return schema.validate(event.toString(), InputFormat.JSON).stream().map(Object::toString).toList();
    }

    /** Whether the parser accepts the event at the clock. */
    static boolean parserAccepts(JsonNode event, Clock clock) {
        try {
            EventParser.read(event.toString(), clock);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    static JsonNode read(String sample) throws IOException {
        return JSON.readTree(EVENTS.resolve(sample).toFile());
    }
}
