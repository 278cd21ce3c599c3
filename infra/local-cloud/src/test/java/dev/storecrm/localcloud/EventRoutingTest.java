package dev.storecrm.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sample event, put on the store's event bus, reaches exactly the queues of its consumers
 * according to the template's rules, and nothing else.
 */
class EventRoutingTest {

    /**
     * The consumers of each event type, as the queues the template's rules must deliver it to; an order placed
     * with coupon codes also reaches the LiftQueue ({@link #expected}).
     */
    static final Map<String, List<String>> EXPECTED = Map.ofEntries(
            Map.entry("MemberRegistered", List.of("MemberArchiveQueue")),
            Map.entry("MemberUpdated", List.of("MemberArchiveQueue")),
            Map.entry("OrderPlaced", List.of("MemberArchiveQueue", "CartRecoveryQueue")),
            Map.entry("OrderPaid",
                    List.of("MemberArchiveQueue", "LiftQueue", "CartRecoveryQueue", "OrderFeedbackQueue")),
            Map.entry("OrderCancelled", List.of("MemberArchiveQueue")),
            Map.entry("OrderRefunded", List.of("MemberArchiveQueue", "LiftQueue")),
            Map.entry("CartUpdated", List.of("CartRecoveryQueue")),
            Map.entry("CheckoutCompleted", List.of("CartRecoveryQueue")),
            Map.entry("DisputeOpened", List.of("DisputeQueue")),
            Map.entry("DisputeUpdated", List.of("DisputeQueue")),
            Map.entry("CustomerDataRequested", List.of("PrivacyRequestsQueue")),
            Map.entry("CustomerErasureRequested", List.of("PrivacyRequestsQueue")));

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Template template = Template.ofProject("us-east-1");
    private final LocalEventBus bus = new LocalEventBus(template, null, Map.of());

    @TestFactory
    Stream<DynamicTest> everySampleIsRoutedToItsConsumers() throws IOException {
        Path events = Template.projectRoot().resolve("events");
        List<Path> samples = CanonicalSamples.under(events);
        assertFalse(samples.isEmpty());
        assertEquals(EXPECTED.keySet(), samples.stream().map(EventRoutingTest::type).collect(
                Collectors.toSet()), "a sample of every routed type");
        return samples.stream().map(sample -> DynamicTest.dynamicTest(events.relativize(sample).toString(), () -> {
            JsonNode detail = JSON.readTree(sample.toFile());
            String type = detail.get("type").asText();
            List<String> routed = bus.route(bus.envelope(detail, "storefront", Instant.parse("2026-11-23T00:00:00Z")));
            assertEquals(expected(detail), routed, type);
        }));
    }

    /** An order placed with coupon codes goes to the lift report too (the discounts of journeys' coupons). */
    private static List<String> expected(JsonNode detail) {
        String type = detail.get("type").asText();
        return type.equals("OrderPlaced") && detail.path("body").path("couponCodes").size() > 0
                ? List.of("MemberArchiveQueue", "LiftQueue", "CartRecoveryQueue") : EXPECTED.get(type);
    }

    @Test
    void onlyAnOrderPlacedWithCouponCodesReachesTheLiftReport() throws IOException {
        String placed = """
                {"id":"e-1","type":"OrderPlaced","version":1,"occurredAt":"2026-11-23T00:00:00Z",
                 "body":{"orderId":"o-1","customerId":"c-1","total":{"amount":100,"currency":"CNY"},"lines":[]%s}}""";
        assertEquals(List.of("MemberArchiveQueue", "LiftQueue", "CartRecoveryQueue"), bus.route(bus.envelope(
                JSON.readTree(placed.formatted(",\"couponCodes\":[\"WB1\"]")), "storefront", Instant.EPOCH)));
        assertEquals(EXPECTED.get("OrderPlaced"), bus.route(bus.envelope(JSON.readTree(placed.formatted("")),
                "storefront", Instant.EPOCH)), "without codes");
        assertEquals(EXPECTED.get("OrderPlaced"), bus.route(bus.envelope(
                JSON.readTree(placed.formatted(",\"couponCodes\":[]")), "storefront", Instant.EPOCH)),
                "an empty list of codes");
    }

    private static String type(Path sample) {
        try {
            return JSON.readTree(sample.toFile()).get("type").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            dev.storecrm.domain.json.tree.ObjectNode event =
                    (dev.storecrm.domain.json.tree.ObjectNode) JSON.readTree(sample.toFile());
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

    /**
     * The operators a rule may use match as EventBridge documents them (content filtering), since
     * the local bus matches with EventBridge's own library: each pattern is put in a template's
     * rule and the event is routed through the bus.
     */
    @Test
    void patternOperatorsMatchAsEventBridgeDocumentsThem() throws IOException {
        assertTrue(routes("{\"source\":[{\"prefix\":\"shop.\"}]}"));
        assertTrue(routes("{\"source\":[{\"suffix\":\".eu\"}]}"));
        assertTrue(routes("{\"source\":[{\"equals-ignore-case\":\"SHOP.EU\"}]}"));
        assertFalse(routes("{\"source\":[{\"anything-but\":[\"shop.eu\"]}]}"));
        assertFalse(routes("{\"source\":[{\"anything-but\":{\"prefix\":\"shop.\"}}]}"));
        assertTrue(routes("{\"detail\":{\"amount\":[{\"numeric\":[\">\",100,\"<=\",120]}]}}"));
        assertFalse(routes("{\"detail\":{\"amount\":[{\"numeric\":[\">\",120]}]}}"));
        assertTrue(routes("{\"detail\":{\"tags\":[\"vip\"]}}"), "a value matches if any element of the array does");
        assertTrue(routes("{\"detail\":{\"missing\":[{\"exists\":false}]}}"));
        assertFalse(routes("{\"detail\":{\"amount\":[{\"exists\":false}]}}"));
        assertTrue(routes("{\"detail\":{\"note\":[null]}}"));
        assertFalse(routes("{\"detail\":{\"amount\":[\"120\"]}}"), "a string never matches a number");
        assertTrue(routes("{\"detail-type\":[\"OrderPaid\"],\"source\":[\"shop.eu\"]}"), "every field must match");
        assertFalse(routes("{\"detail-type\":[\"OrderPaid\"],\"source\":[\"shop.us\"]}"));
    }

    /** Where the hand-written matcher the local bus had before answered otherwise than EventBridge. */
    @Test
    void existsLooksAtLeavesAndArraysOfObjectsMatchElementByElementAsOnAws() throws IOException {
        assertFalse(routes("{\"detail\":{\"body\":[{\"exists\":true}]}}"),
                "exists matches leaf values only: an object field does not 'exist' for EventBridge");
        assertTrue(routes("{\"detail\":{\"body\":[{\"exists\":false}]}}"));
        assertTrue(routes("{\"detail\":{\"lines\":{\"sku\":[\"SKU-B\"]}}}"),
                "a pattern object applies to each object of an array");
        assertTrue(routes("{\"detail\":{\"lines\":{\"sku\":[\"SKU-B\"],\"quantity\":[1]}}}"));
        assertFalse(routes("{\"detail\":{\"lines\":{\"sku\":[\"SKU-A\"],\"quantity\":[1]}}}"),
                "both fields must match within the same element of the array");
    }

    @Test
    void aPatternEventBridgeWouldRefuseStopsTheBusWithTheRulesName() {
        IllegalStateException unknown = assertThrows(IllegalStateException.class,
                () -> routes("{\"source\":[{\"starts-with\":\"shop.\"}]}"));
        assertTrue(unknown.getMessage().startsWith("rule TestRule: EventBridge would refuse its EventPattern"),
                unknown.getMessage());
        assertThrows(IllegalStateException.class, () -> routes("{\"source\":\"shop.eu\"}"),
                "a field's values are an array");
    }

    private static final String EVENT = """
            {"version":"0","id":"e-1","detail-type":"OrderPaid","source":"shop.eu","account":"000000000000",
             "time":"2026-11-23T00:00:00Z","region":"us-east-1","resources":[],
             "detail":{"amount":120,"tags":["vip","new"],"note":null,"body":{"orderId":"o-1"},
                       "lines":[{"sku":"SKU-A","quantity":2},{"sku":"SKU-B","quantity":1}]}}""";

    @TempDir
    Path templates;

    /** Whether {@link #EVENT} on a bus is delivered by a rule with this pattern (JSON is YAML too). */
    private boolean routes(String pattern) throws IOException {
        Path file = Files.createTempFile(templates, "template", ".yaml");
        Files.writeString(file, """
                Resources:
                  TestBus:
                    Type: AWS::Events::EventBus
                    Properties:
                      Name: test-bus
                  TestQueue:
                    Type: AWS::SQS::Queue
                  TestRule:
                    Type: AWS::Events::Rule
                    Properties:
                      EventBusName: test-bus
                      EventPattern: %s
                      Targets:
                        - Id: test
                          Arn: !GetAtt TestQueue.Arn
                """.formatted(pattern));
        LocalEventBus testBus = new LocalEventBus(Template.load(file, "us-east-1", Map.of()), null, Map.of());
        return testBus.route(JSON.readTree(EVENT), "test-bus").equals(List.of("TestQueue"));
    }
}
