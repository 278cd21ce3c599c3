package dev.storecrm.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.localcloud.InvalidEvents;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalCloudExtension;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The bad-input corpus ({@code events/invalid/}, its README's table) through the real handlers of the
 * member archive, cart recovery, disputes and privacy requests against the local cloud, at the corpus's receiving
 * clock:
 * every file, sent to its consumer's queue between the valid samples of {@code events/<consumer>/}, is
 * kept in the RejectsTable with its expected reason; the valid samples of the same batches apply;
 * nothing is retried, nothing reaches a dead-letter queue, no personal value reaches the logs.
 */
@ExtendWith(LocalCloudExtension.class)
class BadInputCorpusIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> QUEUES = Map.of("member-archive", "MemberArchiveQueue",
            "cart-recovery", "CartRecoveryQueue", "disputes", "DisputeQueue",
            "privacy-requests", "PrivacyRequestsQueue");

    @Test
    void everyBadEventIsKeptWithItsReasonAndItsValidNeighboursApply(LocalCloud cloud) throws IOException {
        cloud.reset();
        LocalFunctions functions = cloud.functions(new SimulatedClock(InvalidEvents.RECEIVED_AT));
        InvalidEvents corpus = InvalidEvents.read();
        Map<String, String> expected = new TreeMap<>();
        for (Map.Entry<String, String> consumer : QUEUES.entrySet()) {
            String queue = cloud.queueUrl(consumer.getValue());
            List<InvalidEvents.Case> cases = corpus.of(consumer.getKey());
            List<Path> valid = samples(consumer.getKey());
            assertTrue(cases.size() >= 10, consumer.getKey() + " has " + cases.size() + " cases");
            for (int i = 0; i < Math.max(cases.size(), valid.size()); i++) {
                if (i < cases.size()) {
                    InvalidEvents.Case bad = cases.get(i);
                    String body = corpus.body(bad);
                    String messageId = cloud.sqs().sendMessage(m -> m.queueUrl(queue).messageBody(body)).messageId();
                    expected.put(consumer.getKey() + "#" + messageId, bad.file() + " " + bad.reason());
                }
                if (i < valid.size()) {
                    String good = Files.readString(valid.get(i));
                    cloud.sqs().sendMessage(m -> m.queueUrl(queue).messageBody(good));
                }
            }
        }
        LocalFunctions.DrainReport report = functions.drainAll();

        assertEquals(Map.of(), report.failures().entrySet().stream().filter(f -> f.getValue() > 0)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "nothing retried");
        Map<String, String> kept = new TreeMap<>();
        for (Map<String, AttributeValue> reject : scan(cloud, "RejectsTable")) {
            String key = reject.get("rejectId").s();
            String expectedReason = expected.getOrDefault(key, "(a valid sample)").split(" ")[0];
            kept.put(key, expectedReason + " " + reject.get("reason").s());
        }
        assertEquals(expected, kept, "each bad event kept once, with its reason; no valid sample refused");
        assertEquals(corpus.cases().size(), kept.size());
        assertTrue(kept.size() >= 110, kept.size() + " cases");

        assertFalse(get(cloud, "MembersTable", Map.of("customerId", "c-1004")).isEmpty(), "members applied");
        assertFalse(get(cloud, "CartsTable", Map.of("cartId", "cart-3001")).isEmpty(), "carts applied");
        assertFalse(get(cloud, "DisputesTable", Map.of("disputeId", "d-4002")).isEmpty(), "disputes applied");
        assertFalse(get(cloud, "PrivacyRequestsTable", Map.of("requestKey", "CustomerErasureRequested#dsr-2026-0018"))
                .isEmpty(), "privacy requests kept");
        assertEquals(Map.of(), cloud.deadLetters());
        for (String queue : QUEUES.values()) {
            assertEquals(0, cloud.queueDepth(queue), queue);
        }
        Path functionLog = Path.of(System.getProperty("storecrm.functionLog", "target/function-logs.jsonl"));
        String logs = Files.readString(functionLog);
        for (String personal : personalValues(corpus)) {
            assertFalse(logs.contains(personal), "a personal value reached the logs: " + personal.charAt(0) + "...");
        }
    }

    private static List<Path> samples(String consumer) throws IOException {
        try (Stream<Path> files = Files.list(Template.projectRoot().resolve("events").resolve(consumer))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Every e-mail address and name in the corpus. */
    private static List<String> personalValues(InvalidEvents corpus) {
        List<String> values = new ArrayList<>();
        for (InvalidEvents.Case c : corpus.cases()) {
            try {
                JsonNode event = JSON.readTree(corpus.body(c));
                for (String field : List.of("email", "name", "phone")) {
                    event.findValues(field).stream().filter(JsonNode::isTextual).map(JsonNode::asText)
                            .filter(v -> v.length() >= 8).forEach(values::add);
                }
            } catch (IOException malformed) {
                // The malformed sample names nothing.
            }
        }
        assertTrue(values.size() > 30, values.size() + " personal values");
        return values;
    }

    private static List<Map<String, AttributeValue>> scan(LocalCloud cloud, String table) {
        return cloud.dynamoDb().scan(s -> s.tableName(cloud.tableName(table)).consistentRead(true)).items();
    }

    private static Map<String, AttributeValue> get(LocalCloud cloud, String table, Map<String, String> key) {
        Map<String, AttributeValue> attributes = new TreeMap<>();
        key.forEach((name, value) -> attributes.put(name, AttributeValue.fromS(value)));
        return cloud.dynamoDb().getItem(g -> g.tableName(cloud.tableName(table)).key(attributes).consistentRead(true))
                .item();
    }
}
