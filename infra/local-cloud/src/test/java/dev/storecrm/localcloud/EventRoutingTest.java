package dev.storecrm.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every sample event, put on the store's event bus, reaches exactly the queues of its consumers
 * according to the template's rules, and nothing else.
 */
class EventRoutingTest {

    /** The consumers of each event type, as the queues the template's rules must deliver it to. */
    static final Map<String, List<String>> EXPECTED = Map.of(
            "MemberRegistered", List.of("MemberArchiveQueue"),
            "MemberUpdated", List.of("MemberArchiveQueue"),
            "OrderPlaced", List.of("MemberArchiveQueue", "CartRecoveryQueue"),
            "OrderPaid", List.of("MemberArchiveQueue", "CartRecoveryQueue"),
            "OrderCancelled", List.of("MemberArchiveQueue"),
            "OrderRefunded", List.of("MemberArchiveQueue"),
            "CartUpdated", List.of("CartRecoveryQueue"),
            "CheckoutCompleted", List.of("CartRecoveryQueue"),
            "DisputeOpened", List.of("DisputeQueue"),
            "DisputeUpdated", List.of("DisputeQueue"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Template template = Template.ofProject("us-east-1");
    private final LocalEventBus bus = new LocalEventBus(template, null, Map.of());

    @TestFactory
    Stream<DynamicTest> everySampleIsRoutedToItsConsumers() throws IOException {
        Path events = Template.projectRoot().resolve("events");
        List<Path> samples;
        try (Stream<Path> files = Files.walk(events)) {
            samples = files.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> !events.relativize(p).toString().matches("(schemas|invalid|sam|ses|[a-z]+-adapter)/.*"))
                    .sorted().toList();
        }
        assertFalse(samples.isEmpty());
        return samples.stream().map(sample -> DynamicTest.dynamicTest(events.relativize(sample).toString(), () -> {
            JsonNode detail = JSON.readTree(sample.toFile());
            String type = detail.get("type").asText();
            List<String> routed = bus.route(bus.envelope(detail, "storefront", Instant.parse("2026-11-23T00:00:00Z")));
            assertEquals(EXPECTED.get(type), routed, type);
        }));
    }

    @TestFactory
    Stream<DynamicTest> sesEventsOfTheStacksConfigurationSetReachTheFeedbackQueue() throws IOException {
        Path ses = Template.projectRoot().resolve("events/ses");
        List<Path> samples;
        try (Stream<Path> files = Files.list(ses)) {
            samples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(samples.isEmpty());
        return samples.stream().map(sample -> DynamicTest.dynamicTest("ses/" + sample.getFileName(), () -> {
            com.fasterxml.jackson.databind.node.ObjectNode event =
                    (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(sample.toFile());
            event.putArray("resources").add(template.arn("SesConfigurationSet"));
            assertEquals(List.of("SesFeedbackQueue"), bus.route(event, "default"));
            assertEquals(List.of(), bus.route(event, bus.storeBusName()), "SES publishes to the default bus only");
            event.putArray("resources").add("arn:aws:ses:us-east-1:000000000000:configuration-set/another-stack");
            assertEquals(List.of(), bus.route(event, "default"), "another stack's SES events are not ours");
        }));
    }

    @Test
    void anEventOnAnotherBusOrOfAnUnknownTypeGoesNowhere() throws IOException {
        JsonNode unknown = JSON.readTree("{\"id\":\"e\",\"type\":\"OrderShipped\",\"body\":{}}");
        assertTrue(bus.route(bus.envelope(unknown, "storefront", Instant.EPOCH)).isEmpty());
    }

    @Test
    void patternOperatorsMatchAsEventBridgeDocumentsThem() throws IOException {
        JsonNode event = JSON.readTree("""
                {"detail-type":"OrderPaid","source":"shop.eu","detail":{"amount":120,"tags":["vip","new"],"note":null}}""");
        assertTrue(EventPattern.of(Map.of("source", List.of(Map.of("prefix", "shop.")))).matches(event));
        assertFalse(EventPattern.of(Map.of("source", List.of(Map.of("anything-but", List.of("shop.eu"))))).matches(event));
        assertTrue(EventPattern.of(Map.of("detail", Map.of("amount", List.of(Map.of("numeric", List.of(">", 100, "<=", 120))))))
                .matches(event));
        assertTrue(EventPattern.of(Map.of("detail", Map.of("tags", List.of("vip")))).matches(event), "any array element");
        assertTrue(EventPattern.of(Map.of("detail", Map.of("missing", List.of(Map.of("exists", false))))).matches(event));
        assertFalse(EventPattern.of(Map.of("detail", Map.of("amount", List.of(Map.of("exists", false))))).matches(event));
        assertTrue(EventPattern.of(Map.of("detail", Map.of("note", java.util.Arrays.asList((Object) null)))).matches(event));
        assertFalse(EventPattern.of(Map.of("detail-type", List.of("OrderPlaced"))).matches(event));
        assertThrows(IllegalArgumentException.class,
                () -> EventPattern.of(Map.of("source", List.of(Map.of("wildcard", "shop.*")))),
                "an operator the local bus cannot evaluate is refused, never guessed");
    }
}
