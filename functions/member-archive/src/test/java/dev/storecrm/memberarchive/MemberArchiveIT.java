package dev.storecrm.memberarchive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.member.MembershipStatus;
import dev.storecrm.localcloud.InvalidEvents;
import dev.storecrm.localcloud.LocalFunctions.DrainReport;
import dev.storecrm.localcloud.LocalStore;
import dev.storecrm.localcloud.Template;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.dynamodb.MemberItemMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The real MemberArchiveFunction handler, fed through the template's event bus rule and SQS
 * trigger, against DynamoDB Local and ElasticMQ provisioned from template.yaml.
 */
class MemberArchiveIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");
    private static final Path EVENTS = Template.projectRoot().resolve("events");

    private MemberPolicy policy;

    @RegisterExtension
    final LocalStore local = LocalStore.at(NOW);

    @BeforeEach
    void setUp() {
        this.policy = MemberPolicySettings.from(new Settings(local.functions().spec("MemberArchiveFunction")
                .environment()));
    }

    static List<Path> files(String directory) throws IOException {
        try (Stream<Path> files = Files.list(EVENTS.resolve(directory))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private void publish(Path sample) throws IOException {
        local.cloud().eventBus().publish(Files.readString(sample), "storefront", NOW);
    }

    private MemberSummary member(String customerId) {
        return MemberSummary.of(record(customerId), policy, NOW);
    }

    private MemberRecord record(String customerId) {
        Map<String, AttributeValue> item = local.cloud().dynamoDb().getItem(g -> g.tableName(local.cloud()
                .tableName("MembersTable"))
                .key(Map.of("customerId", AttributeValue.fromS(customerId))).consistentRead(true)).item();
        assertFalse(item.isEmpty(), "no archive for " + customerId);
        return MemberItemMapper.fromItem(item).value();
    }

    @Test
    void theSampleEventsBuildTheArchiveAStoreOperatorExpects() throws IOException {
        for (Path sample : files("member-archive")) {
            publish(sample);
        }
        DrainReport report = local.functions().drainAll();
        assertEquals(18, report.totalMessages());
        assertEquals(Map.of("MemberArchiveFunction", 0), report.failures());

        MemberSummary wang = member("c-1001");
        assertEquals(MembershipStatus.ACTIVE, wang.status());
        assertEquals(2, wang.orderCount(), "o-5001 and o-5002; o-5003 was cancelled unpaid");
        assertEquals(39_900 + 129_900 - 20_000, wang.lifetimeSpendMinor(), "net of the partial refund");
        assertEquals(399 + 1_099, wang.points());
        assertEquals(Optional.of("VIP1"), wang.tier(), "CNY 1,498 in the last year: VIP1 (from CNY 500)");
        assertEquals(1, wang.refundCount());
        assertEquals("+8613800001011", record("c-1001").profile().phone(), "the later update wins");
        assertEquals(Optional.of(Instant.parse("2026-03-01T02:12:00Z")), wang.memberSince());

        MemberSummary guest = member("c-1002");
        assertEquals(MembershipStatus.ACTIVE, guest.status(), "enrolled by the first paid order");
        assertEquals(Optional.of(Instant.parse("2026-05-10T18:02:10Z")), guest.memberSince());
        assertEquals(89, guest.points());
        assertEquals("customer.1002@example.com", record("c-1002").profile().email(), "contact from the checkout");
        assertFalse(record("c-1002").profile().marketingConsent().granted());

        MemberSummary frozen = member("c-1003");
        assertEquals(MembershipStatus.FROZEN, frozen.status());
        assertEquals(0, frozen.points(), "paid while frozen: no points");
        assertEquals(1, frozen.orderCount());
        assertEquals("--02-29", record("c-1003").profile().birthday().iso());

        MemberSummary vip = member("c-1004");
        assertEquals(Optional.of("VIP2"), vip.tier());
        assertEquals(6_000, vip.points());
        assertEquals("c-1001", record("c-1004").profile().referrerId());

        Map<String, AttributeValue> order = local.cloud().dynamoDb().getItem(g -> g.tableName(local.cloud()
                .tableName("OrdersTable"))
                .key(Map.of("customerId", AttributeValue.fromS("c-1001"), "orderId",
                        AttributeValue.fromS("o-5002")))).item();
        assertEquals(2, order.get("lines").l().size());
        assertEquals(List.of("WELCOME-20"), order.get("couponCodes").l().stream().map(AttributeValue::s).toList());
        assertEquals("129900", order.get("paidAmount").n());
        assertEquals(1, order.get("refunds").ss().size());

        Map<String, AttributeValue> stored = local.cloud().dynamoDb().getItem(g -> g.tableName(local.cloud()
                .tableName("MembersTable"))
                .key(Map.of("customerId", AttributeValue.fromS("c-1004")))).item();
        assertEquals("VIP2", stored.get("tier").s(), "the table shows the tier to people reading it");
        assertEquals(0, local.cloud().queueDepth("MemberArchiveQueue"));
        assertEquals(0, local.cloud().queueDepth("MemberArchiveDeadLetterQueue"));
        assertEquals(0, scan("RejectsTable").size());
    }

    @Test
    void badInputIsKeptWithItsReasonAndNeverBlocksTheRestOfTheBatch() throws IOException {
        String queue = local.cloud().queueUrl("MemberArchiveQueue");
        InvalidEvents corpus = InvalidEvents.read();
        List<InvalidEvents.Case> invalid = corpus.of("member-archive");
        List<Path> valid = files("member-archive");
        Map<String, String> expected = new TreeMap<>();
        for (int i = 0; i < Math.max(invalid.size(), valid.size()); i++) {
            if (i < invalid.size()) {
                String body = corpus.body(invalid.get(i));
                expected.put(local.cloud().sqs().sendMessage(m -> m.queueUrl(queue).messageBody(body)).messageId(),
                        invalid.get(i).file() + " " + invalid.get(i).reason());
            }
            if (i < valid.size()) {
                String good = Files.readString(valid.get(i));
                local.cloud().sqs().sendMessage(m -> m.queueUrl(queue).messageBody(good));
            }
        }
        DrainReport report = local.functions().drainAll();
        assertEquals(Map.of("MemberArchiveFunction", 0), report.failures(), "a rejected message is not a retried one");

        Map<String, String> kept = new TreeMap<>();
        for (Map<String, AttributeValue> reject : scan("RejectsTable")) {
            String messageId = reject.get("messageId").s();
            kept.put(messageId, expected.getOrDefault(messageId, "(a valid sample)").split(" ")[0] + " "
                    + reject.get("reason").s());
            assertTrue(reject.get("body").s().length() > 10, "the message is kept whole");
            assertEquals("member-archive", reject.get("consumer").s());
        }
        assertEquals(expected, kept);
        assertTrue(invalid.size() >= 40, invalid.size() + " member and order cases");
        MemberSummary wang = member("c-1001");
        assertEquals(39_900 + 129_900 - 20_000, wang.lifetimeSpendMinor(),
                "the valid samples of the same batches applied");
        assertEquals(Optional.of("VIP2"), member("c-1004").tier());
        assertEquals(Map.of(), local.cloud().deadLetters());
    }

    @Test
    void shuffledAndDuplicatedDeliveriesConvergeToTheSameArchive() throws IOException {
        List<Path> samples = files("member-archive");
        for (Path sample : samples) {
            publish(sample);
        }
        local.functions().drainAll();
        Map<String, Object> expected = snapshot();

        Random random = new Random(2026);
        for (int run = 0; run < 3; run++) {
            local.cloud().reset();
            List<Path> stream = new ArrayList<>();
            for (Path sample : samples) {
                for (int copies = 1 + random.nextInt(3); copies > 0; copies--) {
                    stream.add(sample);
                }
            }
            Collections.shuffle(stream, random);
            for (Path sample : stream) {
                publish(sample);
            }
            local.functions().drainAll();
            assertEquals(expected, snapshot(),
                    "run " + run + " delivered " + stream.size() + " events in another order");
        }
    }

    @Test
    void aStoreOutageIsRetriedAndNothingIsLostOrDeadLettered() throws IOException {
        local.cloud().dynamoDb().deleteTable(d -> d.tableName(local.cloud().tableName("MembersTable")));
        publish(EVENTS.resolve("member-archive/05-order-paid.json"));

        DrainReport failed = local.functions().pollOnce("MemberArchiveFunction");
        assertEquals(Map.of("MemberArchiveFunction", 1), failed.failures(), "reported as a batch item failure");
        assertEquals(1, local.cloud().queueDepth("MemberArchiveQueue"), "back on the queue for a retry");
        assertEquals(0, local.cloud().queueDepth("MemberArchiveDeadLetterQueue"), "not dead-lettered on first sight");
        assertEquals(0, scan("RejectsTable").size(), "an outage is not bad input");

        local.cloud().createTable("MembersTable");
        local.functions().drainAll();
        assertEquals(399, member("c-1001").points());
        assertEquals(0, local.cloud().queueDepth("MemberArchiveQueue"));
    }

    @Test
    void logsNameIdsButNeverPersonalData() throws IOException {
        for (Path sample : files("member-archive")) {
            publish(sample);
        }
        for (Path sample : files("invalid")) {
            String body = Files.readString(sample);
            local.cloud().sqs().sendMessage(m -> m.queueUrl(local.cloud().queueUrl("MemberArchiveQueue"))
                    .messageBody(body));
        }
        local.functions().drainAll();
        String logs = Files.readString(Path.of(System.getProperty("storecrm.functionLog",
                "target/function-logs.jsonl")));
        assertTrue(logs.contains("\"outcome\":\"APPLIED\""), "the log records outcomes");
        assertTrue(logs.contains("evt-bad-0004"), "and the ids of rejected events");
        for (String personal : personalValues()) {
            assertFalse(logs.contains(personal), "a personal value reached the logs: " + personal.charAt(0) + "...");
        }
    }

    /** Every e-mail, phone, name and birthday in the sample events. */
    private static List<String> personalValues() throws IOException {
        List<String> values = new ArrayList<>();
        for (String dir : List.of("member-archive", "invalid")) {
            for (Path sample : files(dir)) {
                JsonNode event;
                try {
                    event = JSON.readTree(sample.toFile());
                } catch (IOException malformed) {
                    continue;
                }
                for (String field : List.of("email", "phone", "name", "birthday")) {
                    event.findValues(field).stream().filter(JsonNode::isTextual)
                            .filter(v -> field.equals("name") ? v.asText().contains(" ") : true)
                            .forEach(v -> values.add(v.asText()));
                }
            }
        }
        assertTrue(values.size() > 8);
        return values;
    }

    private List<Map<String, AttributeValue>> scan(String table) {
        return local.cloud().dynamoDb().scan(s -> s.tableName(local.cloud().tableName(table)).consistentRead(true))
                .items();
    }

    /**
     * Members (record and summary) and orders, without the bookkeeping that differs between runs (the
     * member's rev and updatedAt, the member revision that wrote an order's facts).
     */
    private Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new TreeMap<>();
        for (Map<String, AttributeValue> item : scan("MembersTable")) {
            MemberRecord record = MemberItemMapper.fromItem(item).value();
            snapshot.put("member " + record.customerId(), List.of(record, MemberSummary.of(record, policy, NOW)));
        }
        for (Map<String, AttributeValue> item : scan("OrdersTable")) {
            Map<String, AttributeValue> order = new HashMap<>(item);
            order.remove("memberRev");
            snapshot.put("order " + order.get("orderId").s(), order);
        }
        return snapshot;
    }
}
