package dev.storecrm.domain.event;

import static dev.storecrm.domain.event.ContractSchemas.CLOCK;
import static dev.storecrm.domain.event.ContractSchemas.EVENTS;
import static dev.storecrm.domain.event.ContractSchemas.JSON;
import static dev.storecrm.domain.event.ContractSchemas.schemaErrors;
import static java.util.stream.Collectors.toSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.tree.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The invalid corpus of {@code events/invalid/}: every file is refused with the reason its row in
 * {@code events/invalid/README.md} names, by whom the row says (the schema too, or only the parser,
 * or a consumer of a valid event), and the reason never repeats a personal value.
 */
class InvalidEventsTest {

    /** What consumers refuse of events that are valid under the contract. */
    private static final Set<RejectReason> CONSUMER_REASONS = EnumSet.of(RejectReason.WRONG_CURRENCY,
            RejectReason.NOT_FOR_THIS_CONSUMER, RejectReason.INVALID_TRANSITION);
    /** Fields whose values are personal or free text: a reason must never repeat them. */
    private static final Set<String> PERSONAL_FIELDS =
            Set.of("email", "name", "phone", "birthday", "note", "text", "returnTrackingNumber", "wedding");

    @Test
    void everyInvalidSampleHasARowAndEveryRowItsSample() throws IOException {
        Set<String> files;
        try (Stream<Path> list = Files.list(EVENTS.resolve("invalid"))) {
            files = list.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json")).collect(toSet());
        }
        List<InvalidCase> cases = InvalidCase.all(EVENTS);
        assertEquals(files, cases.stream().map(InvalidCase::file).collect(toSet()), "events/invalid/README.md");
        assertEquals(cases.size(), files.size(), "one row per file");
        assertTrue(files.size() >= 80, "the corpus has " + files.size() + " files");
        assertEquals(Set.of("member-archive", "cart-recovery", "disputes", "privacy-requests"),
                cases.stream().map(InvalidCase::consumer).collect(toSet()));
    }

    @TestFactory
    Stream<DynamicTest> everyInvalidSampleIsRefusedWithItsReason() throws IOException {
        return InvalidCase.all(EVENTS).stream().map(c -> DynamicTest.dynamicTest(c.file(), () -> {
            String body = Files.readString(EVENTS.resolve("invalid").resolve(c.file()));
            Optional<JsonNode> json = json(body);
            if (c.refusedBy().equals("consumer")) {
                assertTrue(CONSUMER_REASONS.contains(c.reason()), c.reason() + " is not a consumer's reason");
                EventParser.read(body, CLOCK);
                assertEquals(List.of(), schemaErrors(json.orElseThrow()), "valid under the schema");
                return;
            }
            InvalidInputException refused =
                    assertThrows(InvalidInputException.class, () -> EventParser.read(body, CLOCK));
            assertEquals(c.reason(), refused.reason(), refused.detail());
            if (json.isPresent()) {
                for (String personal : personalValues(json.get())) {
                    assertFalse(refused.detail().contains(personal), "the reason repeats a value: " + refused.detail());
                }
                List<String> errors = schemaErrors(json.get());
                assertEquals(c.refusedBy().equals("schema and parser"), !errors.isEmpty(),
                        "refused by " + c.refusedBy() + "; the schema says " + errors);
            }
        }));
    }

    private static Optional<JsonNode> json(String body) {
        try {
            return Optional.of(JSON.readTree(body));
        } catch (IOException malformed) {
            return Optional.empty();
        }
    }

    private static List<String> personalValues(JsonNode event) {
        List<String> values = new ArrayList<>();
        for (String field : PERSONAL_FIELDS) {
            event.findValues(field).stream().filter(JsonNode::isTextual).map(JsonNode::asText)
                    .filter(v -> v.length() >= 4).forEach(values::add);
        }
        return values;
    }

    /** One row of events/invalid/README.md: the file, the consumer it is sent to, the reason, who refuses it. */
    record InvalidCase(String file, String consumer, RejectReason reason, String refusedBy) {
        static List<InvalidCase> all(Path events) throws IOException {
            List<InvalidCase> cases = new ArrayList<>();
            for (String line : Files.readAllLines(events.resolve("invalid/README.md"))) {
                String[] cells = line.split("\\|");
                if (cells.length >= 5 && cells[1].strip().endsWith(".json")) {
                    cases.add(new InvalidCase(cells[1].strip(), cells[2].strip(),
                            RejectReason.valueOf(cells[3].strip()), cells[4].strip()));
                }
            }
            return cases;
        }
    }
}
