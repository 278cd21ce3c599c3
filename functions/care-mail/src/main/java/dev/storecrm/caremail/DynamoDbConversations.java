package dev.storecrm.caremail;

import static dev.storecrm.platform.dynamodb.Attributes.bool;
import static dev.storecrm.platform.dynamodb.Attributes.l;
import static dev.storecrm.platform.dynamodb.Attributes.m;
import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.caremail.Conversation;
import dev.storecrm.domain.caremail.ConversationStore;
import dev.storecrm.domain.caremail.InboundMail;
import dev.storecrm.platform.dynamodb.Attributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The CareMailTable, one table for the conversations (docs/data-model.md):
 * <ul>
 *   <li>{@code pk=C#<conversation>, sk=C}: the conversation; while open it carries {@code queue} (its category)
 *       and {@code answerBy}, the keys of the {@code OpenByCategory} index (the agents' queue, nearest first);</li>
 *   <li>{@code pk=C#<conversation>, sk=T#<at>#M#<message-id hash>}: a message (text up to 8,000 characters,
 *       attachments by reference to the raw object); {@code sk=T#<at>#H#<kind>}: a history entry. One query on
 *       the partition reads the thread in time order;</li>
 *   <li>{@code pk=C#<conversation>, sk=R#<request key>}: an agent's reply, once per request key (its text, whether
 *       it closed, by whom, when, and the deadline it answered), outside the thread's {@code T#} range;</li>
 *   <li>{@code pk=MID#<Message-ID>, sk=MID}: the mark that the mail was taken, and to which conversation (the
 *       threading by {@code In-Reply-To}/{@code References} reads it).</li>
 * </ul>
 * A mail is recorded in one transaction: the mark (only if new), the message, the history entry and the
 * conversation (new, or unchanged since it was read).
 */
final class DynamoDbConversations implements ConversationStore {

    static final String QUEUE_INDEX = "OpenByCategory";

    private final DynamoDbClient dynamoDb;
    private final String table;

    DynamoDbConversations(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<Conversation> get(String conversationId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table).consistentRead(true)
                .key(key("C#" + conversationId, "C"))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(conversation(item));
    }

    @Override
    public Optional<String> conversationOf(String messageId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table).key(key("MID#" + messageId,
                "MID"))).item();
        return item == null ? Optional.empty() : Attributes.string(item, "conversationId");
    }

    @Override
    public boolean record(Optional<Conversation> before, Conversation conversation, InboundMail mail, String note) {
        String pk = "C#" + conversation.conversationId();
        Map<String, AttributeValue> mark = key("MID#" + mail.messageId(), "MID");
        mark.put("conversationId", s(conversation.conversationId()));
        mark.put("receivedAt", s(mail.receivedAt().toString()));
        Map<String, AttributeValue> message = key(pk, "T#" + mail.receivedAt() + "#M#"
                + Integer.toHexString(mail.messageId().hashCode()));
        message.put("kind", s("message"));
        message.put("at", s(mail.receivedAt().toString()));
        message.put("messageId", s(mail.messageId()));
        message.put("from", s(mail.from()));
        message.put("subject", s(mail.subject()));
        message.put("text", s(mail.text()));
        message.put("html", bool(mail.html()));
        message.put("rawKey", s(mail.rawKey()));
        List<AttributeValue> attachments = new ArrayList<>();
        for (InboundMail.Attachment a : mail.attachments().subList(0, Math.min(20, mail.attachments().size()))) {
            attachments.add(m(Map.of("part", s(a.part()), "filename", s(a.filename()), "type", s(a.contentType()),
                    "bytes", n(a.bytes()))));
        }
        message.put("attachments", l(attachments));
        Put.Builder conversationPut = Put.builder().tableName(table).item(item(conversation));
        if (before.isEmpty()) {
            conversationPut.conditionExpression("attribute_not_exists(pk)");
        } else {
            unchanged(conversationPut, before.get());
        }
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(mark)
                        .conditionExpression("attribute_not_exists(pk)")).build(),
                TransactWriteItem.builder().put(p -> p.tableName(table).item(message)).build(),
                TransactWriteItem.builder().put(p -> p.tableName(table).item(history(conversation.conversationId(),
                        mail.receivedAt(), "received", note))).build(),
                TransactWriteItem.builder().put(conversationPut.build()).build());
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(writes));
            return true;
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.cancellationReasons();
            if (!reasons.isEmpty() && failed(reasons.get(0))) {
                return false;
            }
            if (reasons.size() > 3 && failed(reasons.get(3))) {
                throw new ConcurrentUpdateException("conversation " + conversation.conversationId()
                        + " changed since it was read");
            }
            throw cancelled;
        }
    }

    @Override
    public void moveDeadline(Conversation moved, Instant previous, String actor, Instant at) {
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(item(moved))
                        .conditionExpression("answerBy = :previous AND #status = :open")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(":previous", s(previous.toString()), ":open", s("open"))))
                        .build(),
                TransactWriteItem.builder().put(p -> p.tableName(table).item(history(moved.conversationId(), at,
                        "deadline-moved", previous + " -> " + moved.answerBy() + " by " + actor))).build());
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(writes));
        } catch (TransactionCanceledException cancelled) {
            throw new ConcurrentUpdateException("conversation " + moved.conversationId()
                    + " changed since it was read");
        }
    }

    @Override
    public Optional<AgentReply> reply(String conversationId, String requestKey) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table).consistentRead(true)
                .key(key("C#" + conversationId, "R#" + requestKey))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(new AgentReply(requestKey,
                item.get("text").s(), item.get("close").bool(), item.get("actor").s(),
                Instant.parse(item.get("at").s())));
    }

    @Override
    public boolean recordReply(Conversation before, Conversation after, AgentReply reply) {
        String id = after.conversationId();
        Map<String, AttributeValue> mark = key("C#" + id, "R#" + reply.requestKey());
        mark.put("text", s(reply.text()));
        mark.put("close", bool(reply.close()));
        mark.put("actor", s(reply.actor()));
        mark.put("at", s(reply.at().toString()));
        mark.put("answerBy", s(before.answerBy().toString()));
        Put.Builder conversation = Put.builder().tableName(table).item(item(after));
        unchanged(conversation, before);
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(mark)
                        .conditionExpression("attribute_not_exists(pk)")).build(),
                TransactWriteItem.builder().put(conversation.build()).build(),
                TransactWriteItem.builder().put(p -> p.tableName(table).item(history(id, reply.at(), "replied",
                        "by " + reply.actor() + (reply.close() ? ", closing" : ", waiting for the customer") + "\n\n"
                                + reply.text()))).build(),
                TransactWriteItem.builder().put(p -> p.tableName(table).item(history(id, reply.at().plusMillis(1),
                        after.status().name(), "by " + reply.actor()))).build());
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(writes));
            return true;
        } catch (TransactionCanceledException cancelled) {
            if (!cancelled.cancellationReasons().isEmpty() && failed(cancelled.cancellationReasons().get(0))) {
                return false;
            }
            throw new ConcurrentUpdateException("conversation " + id + " changed since it was read");
        }
    }

    @Override
    public void close(Conversation before, String actor, Instant at) {
        Put.Builder conversation = Put.builder().tableName(table)
                .item(item(before.withStatus(Conversation.Status.closed)));
        unchanged(conversation, before);
        List<TransactWriteItem> writes = List.of(TransactWriteItem.builder().put(conversation.build()).build(),
                TransactWriteItem.builder().put(p -> p.tableName(table).item(history(before.conversationId(), at,
                        "closed", "by " + actor + ", without a reply"))).build());
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(writes));
        } catch (TransactionCanceledException cancelled) {
            throw new ConcurrentUpdateException("conversation " + before.conversationId()
                    + " changed since it was read");
        }
    }

    /** The condition that the conversation is as it was read: the same count of messages and the same status. */
    private static void unchanged(Put.Builder put, Conversation before) {
        put.conditionExpression("messages = :before AND #status = :status")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":before", n(before.messages()), ":status",
                        s(before.status().name())));
    }

    @Override
    public void note(String conversationId, Instant at, String kind, String detail) {
        dynamoDb.putItem(p -> p.tableName(table).item(history(conversationId, at, kind, detail)));
    }

    @Override
    public List<Conversation> openByCategory(String category, int limit) {
        return dynamoDb.query(q -> q.tableName(table).indexName(QUEUE_INDEX).keyConditionExpression("queue = :c")
                        .expressionAttributeValues(Map.of(":c", s(category))).limit(limit)).items().stream()
                .map(DynamoDbConversations::conversation).toList();
    }

    @Override
    public List<Entry> thread(String conversationId, int limit) {
        // Newest first, page after page until the limit: one call stops at 1 MB, which a long thread of quoted mail
        // reaches before the limit, and the entries an agent must see are the newest.
        List<Entry> newest = dynamoDb.queryPaginator(q -> q.tableName(table)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :t)").scanIndexForward(false)
                        .expressionAttributeValues(Map.of(":pk", s("C#" + conversationId), ":t", s("T#")))
                        .limit(limit)).items().stream().limit(limit)
                .map(item -> new Entry(Instant.parse(item.get("at").s()), item.get("kind").s(), summary(item)))
                .toList();
        return newest.reversed();
    }

    private static String summary(Map<String, AttributeValue> item) {
        if (!item.get("kind").s().equals("message")) {
            return Attributes.string(item, "detail").orElse("");
        }
        return item.get("subject").s() + "\n\n" + item.get("text").s() + (item.get("attachments").l().isEmpty() ? ""
                : "\n\n[attachments: " + item.get("attachments").l().stream().map(a -> a.m().get("filename").s())
                        .toList() + "]");
    }

    private Map<String, AttributeValue> history(String conversationId, Instant at, String kind, String detail) {
        Map<String, AttributeValue> item = key("C#" + conversationId, "T#" + at + "#H#" + kind);
        item.put("kind", s(kind));
        item.put("detail", s(detail));
        item.put("at", s(at.toString()));
        return item;
    }

    private static Map<String, AttributeValue> item(Conversation c) {
        Map<String, AttributeValue> item = key("C#" + c.conversationId(), "C");
        item.put("conversationId", s(c.conversationId()));
        item.put("status", s(c.status().name()));
        item.put("category", s(c.category()));
        item.put("urgent", bool(c.urgent()));
        c.customerId().ifPresent(id -> item.put("customerId", s(id)));
        item.put("email", s(c.email()));
        c.name().ifPresent(name -> item.put("name", s(name)));
        item.put("locale", s(c.locale()));
        c.orderId().ifPresent(id -> item.put("orderId", s(id)));
        item.put("subject", s(c.subject()));
        item.put("openedAt", s(c.openedAt().toString()));
        item.put("lastMessageAt", s(c.lastMessageAt().toString()));
        item.put("messages", n(c.messages()));
        item.put("answerBy", s(c.answerBy().toString()));
        item.put("lastMessageId", s(c.lastMessageId()));
        if (c.isOpen()) {
            item.put("queue", s(c.category()));
        }
        return item;
    }

    private static Conversation conversation(Map<String, AttributeValue> item) {
        return new Conversation(item.get("conversationId").s(), Conversation.Status.valueOf(item.get("status").s()),
                item.get("category").s(), item.get("urgent").bool(), Attributes.string(item, "customerId"),
                item.get("email").s(), Attributes.string(item, "name"), item.get("locale").s(),
                Attributes.string(item, "orderId"), item.get("subject").s(), Instant.parse(item.get("openedAt").s()),
                Instant.parse(item.get("lastMessageAt").s()), (int) Attributes.number(item, "messages", 1),
                Instant.parse(item.get("answerBy").s()), Attributes.string(item, "lastMessageId").orElse(""));
    }

    private static boolean failed(CancellationReason reason) {
        return "ConditionalCheckFailed".equals(reason.code());
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("pk", s(pk));
        key.put("sk", s(sk));
        return key;
    }
}
