package dev.storecrm.memberarchive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberSummary;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What DynamoDB itself refuses as invalid can never succeed: the real MemberArchiveFunction, against
 * DynamoDB Local, keeps such a message in the RejectsTable with its reason at once instead of retrying
 * it into the dead-letter queue, and the rest of the batch applies. (Throttling, 5xx and timeouts are
 * retried: {@code SqsBatchProcessorTest}; an outage: {@link MemberArchiveIT}.)
 */
class ItemTooLargeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");
    private static final Path EVENTS = Template.projectRoot().resolve("events");

    @RegisterExtension
    final LocalStore local = LocalStore.at(NOW);

    @Test
    void anOrderTooLargeForDynamoDbIsRefusedAsSuchNotRetried() throws IOException {
        ObjectNode order = (ObjectNode) JSON.readTree(EVENTS.resolve("member-archive/04-order-placed.json").toFile());
        ArrayNode lines = ((ObjectNode) order.get("body")).putArray("lines");
        for (int i = 0; i < 200; i++) {
            lines.addObject().put("sku", "SKU-" + i).put("name", "Sample tea " + "x".repeat(280)).put("quantity", 1)
                    .put("imageUrl", "https://cdn.example.com/" + "i".repeat(1950)).putObject("unitPrice")
                    .put("amount", 100).put("currency", "CNY");
        }
        String queue = local.cloud().queueUrl("MemberArchiveQueue");
        String tooLarge = order.toString();
        assertTrue(tooLarge.length() > 400 * 1024, "over DynamoDB's 400 KB item limit: " + tooLarge.length());
        String messageId = local.cloud().sqs().sendMessage(m -> m.queueUrl(queue).messageBody(tooLarge)).messageId();
        String good = Files.readString(EVENTS.resolve("member-archive/05-order-paid.json"));
        local.cloud().sqs().sendMessage(m -> m.queueUrl(queue).messageBody(good));

        DrainReport report = local.functions().drainAll();
        assertEquals(Map.of("MemberArchiveFunction", 0), report.failures(), "refused at once, not retried");
        List<Map<String, AttributeValue>> rejects = local.cloud().dynamoDb()
                .scan(s -> s.tableName(local.cloud().tableName("RejectsTable")).consistentRead(true)).items();
        assertEquals(1, rejects.size());
        assertEquals(messageId, rejects.getFirst().get("messageId").s());
        assertEquals("ITEM_TOO_LARGE", rejects.getFirst().get("reason").s(), rejects.getFirst().get("detail").s());
        assertEquals(399, points("c-1001"), "the payment in the same batch applied");
        assertEquals(Map.of(), local.cloud().deadLetters());
    }

    private long points(String customerId) {
        Map<String, AttributeValue> item = local.cloud().dynamoDb().getItem(g -> g.tableName(local.cloud()
                .tableName("MembersTable"))
                .key(Map.of("customerId", AttributeValue.fromS(customerId))).consistentRead(true)).item();
        MemberPolicy policy = MemberPolicySettings.from(
                new Settings(local.functions().spec("MemberArchiveFunction").environment()));
        return MemberSummary.of(MemberItemMapper.fromItem(item).value(), policy, NOW).points();
    }
}
