package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.privacy.RawMailArchive;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * An erased member's customer mail (docs/privacy.md): the conversations the CareMailTable's keys-only
 * {@code ByCustomer} index finds (only a conversation's own item, {@code sk=C}, carries the customer id). Each
 * message's raw object in the InboundMailBucket is deleted, and its sender, subject, text and attachments' names
 * become {@value DynamoDbDisputeRedaction#REDACTED}; agents' replies (the {@code R#} marks and the {@code replied}
 * history entries) lose their text. The facts stay (times, statuses, deadlines, categories, who acted), so the
 * reports still count the conversation and its replies. The conversation itself goes last: it takes the
 * pseudonym (out of the index, so a re-run finds nothing more), loses the address, the name and the subject, and an
 * open or waiting one is closed with an {@code erased} history entry: there is no address left to answer, and the
 * chase's later firings find it closed and remind nobody.
 */
final class DynamoDbCareMailRedaction {

    private static final String REDACTED = DynamoDbDisputeRedaction.REDACTED;
    private static final List<String> MESSAGE_TEXT = List.of("from", "subject", "text");

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final RawMailArchive raw;
    private final Clock clock;

    DynamoDbCareMailRedaction(DynamoDbClient dynamoDb, String table, RawMailArchive raw, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.raw = raw;
        this.clock = clock;
    }

    void redact(String customerId, String pseudonym) {
        QueryRequest byCustomer = QueryRequest.builder().tableName(table).indexName(DynamoDbPersonalData.BY_CUSTOMER)
                .keyConditionExpression("customerId = :c").expressionAttributeValues(Map.of(":c", s(customerId)))
                .build();
        dynamoDb.queryPaginator(byCustomer).items().forEach(key -> {
            QueryRequest thread = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", key.get("pk")))
                    .build();
            dynamoDb.queryPaginator(thread).items().stream().filter(item -> !item.get("sk").s().equals("C"))
                    .forEach(this::redactEntry);
            Map<String, AttributeValue> conversation = dynamoDb.getItem(g -> g.tableName(table).consistentRead(true)
                    .key(Map.of("pk", key.get("pk"), "sk", s("C")))).item();
            if (!conversation.isEmpty()) {
                redactConversation(conversation, pseudonym);
            }
        });
    }

    private void redactEntry(Map<String, AttributeValue> entry) {
        String kind = Attributes.string(entry, "kind").orElse("");
        boolean reply = entry.get("sk").s().startsWith("R#");
        if (entry.containsKey("redactedAt") || !(kind.equals("message") || kind.equals("replied") || reply)) {
            return;
        }
        Map<String, AttributeValue> redacted = new HashMap<>(entry);
        if (kind.equals("message")) {
            Attributes.string(entry, "rawKey").ifPresent(raw::delete);
            MESSAGE_TEXT.forEach(field -> redacted.computeIfPresent(field, (name, value) -> s(REDACTED)));
            redacted.put("attachments", Attributes.l(List.of()));
        }
        redacted.computeIfPresent("text", (name, value) -> s(REDACTED));
        if (kind.equals("replied")) {
            redacted.put("detail", s(REDACTED));
        }
        redacted.put("redactedAt", s(clock.instant().toString()));
        dynamoDb.putItem(p -> p.tableName(table).item(redacted));
    }

    /** The conversation under the pseudonym, without the contact; guarded by what was read (messages, status). */
    private void redactConversation(Map<String, AttributeValue> conversation, String pseudonym) {
        String at = clock.instant().toString();
        Map<String, AttributeValue> redacted = new HashMap<>(conversation);
        redacted.put("customerId", s(pseudonym));
        redacted.put("email", s(REDACTED));
        redacted.put("subject", s(REDACTED));
        redacted.remove("name");
        redacted.put("redactedAt", s(at));
        boolean closing = !"closed".equals(conversation.get("status").s());
        if (closing) {
            redacted.put("status", s("closed"));
            redacted.remove("queue");
        }
        dynamoDb.putItem(p -> p.tableName(table).item(redacted)
                .conditionExpression("messages = :messages AND #status = :status")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":messages", conversation.get("messages"), ":status",
                        conversation.get("status"))));
        if (closing) {
            Map<String, AttributeValue> note = new HashMap<>(Map.of("pk", conversation.get("pk"),
                    "sk", s("T#" + at + "#H#erased"), "kind", s("erased"), "at", s(at),
                    "detail", s("closed: the customer's data was erased on request")));
            dynamoDb.putItem(p -> p.tableName(table).item(note));
        }
    }
}
