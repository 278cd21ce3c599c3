package dev.storecrm.privacyrequests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.localcloud.FreshLocalCloud;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions.DrainReport;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The real PrivacyRequestsFunction behind the template's PrivacyRequestsRule and SQS trigger, under its IAM policy,
 * against the local cloud: every data and erasure request published on the store bus is kept in the
 * PrivacyRequestsTable, once per request however often it arrives, and answered (an export; an erasure, after which
 * the request keeps no contact of its subject); what is not a valid privacy request is
 * kept in the RejectsTable with its reason; nothing waits in a queue or a dead-letter queue.
 */
@ExtendWith(FreshLocalCloud.class)
class PrivacyRequestsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");
    private static final Path EVENTS = Template.projectRoot().resolve("events");
    private static final String ERASURE = "privacy-requests/customer-erasure-requested.json";
    private static final String DATA = "privacy-requests/customer-data-requested.json";

    private LocalCloud cloud;
    private LocalFunctions functions;

    @BeforeEach
    void reset(LocalCloud cloud) {
        this.cloud = cloud;
        this.functions = cloud.functions(new SimulatedClock(NOW));
    }

    @Test
    void everyRequestOnTheBusIsKeptWholeOnceHoweverOftenItArrives() throws IOException {
        String erasure = sample(ERASURE);
        assertEquals(List.of("PrivacyRequestsQueue"), publish(erasure));
        assertEquals(List.of("PrivacyRequestsQueue"), publish(sample(DATA)));
        assertEquals(List.of("PrivacyRequestsQueue"), publish(erasure), "EventBridge delivers an event twice");
        ObjectNode resent = (ObjectNode) JSON.readTree(erasure);
        resent.put("id", "evt-20261122-0499").put("occurredAt", "2026-11-22T12:00:00+08:00");
        publish(resent.toString());
        cloud.sqs().sendMessage(m -> m.queueUrl(cloud.queueUrl("PrivacyRequestsQueue")).messageBody(erasure));

        DrainReport report = functions.drainAll();

        assertEquals(5, report.messages().get("PrivacyRequestsFunction"));
        assertEquals(Map.of("PrivacyRequestsFunction", 0), report.failures());
        Map<String, Map<String, AttributeValue>> kept = requests();
        assertEquals(List.of("CustomerDataRequested#dsr-2026-0017", "CustomerErasureRequested#dsr-2026-0018",
                "ERASED#c-1003"), List.copyOf(kept.keySet()), "one item per request, and the erased customer's mark");
        Map<String, AttributeValue> erase = kept.get("CustomerErasureRequested#dsr-2026-0018");
        assertFalse(erase.containsKey("event"), "once done, an erasure keeps no contact of its subject");
        assertEquals("evt-20261122-0402", erase.get("eventId").s(), "the first event's");
        assertEquals("c-1003", erase.get("customerId").s());
        assertEquals("2026-12-22T03:30:00Z", erase.get("deadline").s());
        assertEquals("ERASED", erase.get("status").s());
        assertEquals(NOW.toString(), erase.get("receivedAt").s());
        Map<String, AttributeValue> data = kept.get("CustomerDataRequested#dsr-2026-0017");
        assertEquals(JSON.readTree(sample(DATA)), JSON.readTree(data.get("event").s()), "the first event, whole");
        assertEquals("EXPORTED", data.get("status").s());
        assertEquals(false, JSON.readTree(data.get("export").s()).get("found").asBoolean(), "no such member here");
        assertNothingWaits();
        assertEquals(List.of(), rejects(), "a re-delivery is not a reject");
    }

    @Test
    void whatIsNotAValidPrivacyRequestIsKeptWithItsReasonBesideTheValidOnes() throws IOException {
        String queue = cloud.queueUrl("PrivacyRequestsQueue");
        for (String body : List.of(sample("invalid/erasure-request-without-subject.json"), sample(DATA),
                sample("invalid/order-paid-on-privacy-queue.json"),
                sample("invalid/data-request-deadline-too-late.json"), sample(ERASURE))) {
            cloud.sqs().sendMessage(m -> m.queueUrl(queue).messageBody(body));
        }

        DrainReport report = functions.drainAll();

        assertEquals(Map.of("PrivacyRequestsFunction", 0), report.failures(), "nothing retried");
        assertEquals(3, requests().size(), "the two valid requests kept, and the erased customer's mark");
        assertEquals(List.of("DATE_OUT_OF_RANGE", "NOT_FOR_THIS_CONSUMER", "SCHEMA_VIOLATION"),
                rejects().stream().map(r -> r.get("reason").s()).sorted().toList());
        assertNothingWaits();
        String logs = Files.readString(
                Path.of(System.getProperty("storecrm.functionLog", "target/function-logs.jsonl")));
        for (String personal : List.of("member.1003@example.com", "+8613800001003", "counsel.1003@example.com",
                "Sample Legal Representative")) {
            assertFalse(logs.contains(personal), "a subject's contact reached the logs");
        }
    }

    private List<String> publish(String event) {
        return cloud.eventBus().publish(event, "storefront", NOW);
    }

    private void assertNothingWaits() {
        assertEquals(0, cloud.queueDepth("PrivacyRequestsQueue"));
        assertEquals(Map.of(), cloud.deadLetters(), "every dead-letter queue stays empty");
    }

    private Map<String, Map<String, AttributeValue>> requests() {
        Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
        for (Map<String, AttributeValue> item : scan("PrivacyRequestsTable")) {
            items.put(item.get("requestKey").s(), item);
        }
        return items;
    }

    private List<Map<String, AttributeValue>> rejects() {
        return scan("RejectsTable").stream().filter(r -> r.get("consumer").s().equals("privacy-requests")).toList();
    }

    private List<Map<String, AttributeValue>> scan(String table) {
        return cloud.dynamoDb().scan(s -> s.tableName(cloud.tableName(table)).consistentRead(true)).items();
    }

    private static String sample(String path) throws IOException {
        return Files.readString(EVENTS.resolve(path));
    }
}
