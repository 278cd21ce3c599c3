package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.messaging.SendLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The send ledger in the SendLedgerTable: partition key {@code businessKey}. Every state change
 * is a conditional write, so exactly one sender holds a key at a time. Entries expire (TTL on
 * {@code expiresAt}) after the retention, longer than any business key is reused (a yearly
 * greeting's key names its year).
 */
public final class DynamoDbSendLedger implements SendLedger {

    private static final String CLAIMABLE =
            "attribute_not_exists(#businessKey) OR (#status = :claimedStatus AND #leaseUntil < :now)";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Duration retention;

    public DynamoDbSendLedger(DynamoDbClient dynamoDb, String tableName, Duration retention) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.retention = retention;
    }

    @Override
    public Optional<Entry> find(String businessKey, boolean consistentRead) {
        GetItemResponse response = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(Attributes.key("businessKey", businessKey)).consistentRead(consistentRead));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(new Entry(businessKey, Status.valueOf(item.get("status").s()),
                Attributes.string(item, "owner").orElse(null),
                Attributes.string(item, "leaseUntil").map(Instant::parse).orElse(null),
                Attributes.string(item, "messageId").orElse(null),
                Attributes.string(item, "settledAt").map(Instant::parse).orElse(null),
                Attributes.string(item, "reason").orElse(null)));
    }

    @Override
    public boolean claim(String businessKey, String owner, Instant now, Duration lease, Facts facts) {
        Update update = facts(new Update(), facts, now)
                .set("status", s(Status.CLAIMED.name()))
                .set("owner", s(owner))
                .set("claimedAt", s(now.toString()))
                .set("leaseUntil", s(now.plus(lease).toString()))
                .name("businessKey", "businessKey")
                .value("claimedStatus", s(Status.CLAIMED.name()))
                .value("now", s(now.toString()))
                .condition(CLAIMABLE);
        return conditional(update, businessKey);
    }

    @Override
    public void markSent(String businessKey, String owner, String messageId, Instant at) {
        Update update = new Update()
                .set("status", s(Status.SENT.name()))
                .set("messageId", s(messageId))
                .set("settledAt", s(at.toString()))
                .value("owner", s(owner))
                .value("claimedStatus", s(Status.CLAIMED.name()))
                .name("owner", "owner")
                .condition("#status = :claimedStatus AND #owner = :owner");
        if (!conditional(update, businessKey)) {
            // The SES Send event settled it first (confirmSent), or the lease ran out: the message
            // went either way, and the entry says so once one of the writers records it.
            find(businessKey, true).filter(e -> e.status() == Status.SENT).orElseThrow(() -> new IllegalStateException(
                    "send ledger entry " + businessKey + " was taken over while its message was being sent"));
        }
    }

    @Override
    public void release(String businessKey, String owner) {
        try {
            dynamoDb.deleteItem(d -> d.tableName(tableName).key(Attributes.key("businessKey", businessKey))
                    .conditionExpression("#status = :claimedStatus AND #owner = :owner")
                    .expressionAttributeNames(Map.of("#status", "status", "#owner", "owner"))
                    .expressionAttributeValues(Map.of(":claimedStatus", s(Status.CLAIMED.name()), ":owner", s(owner))));
        } catch (ConditionalCheckFailedException alreadyGone) {
            // Released before, or taken over after the lease: nothing of ours to give back.
        }
    }

    @Override
    public boolean settle(String businessKey, Status status, String reason, Instant now, Facts facts) {
        if (status == Status.CLAIMED || status == Status.SENT) {
            throw new IllegalArgumentException("settle records messages that were not sent");
        }
        Update update = facts(new Update(), facts, now)
                .set("status", s(status.name()))
                .set("reason", s(reason))
                .set("settledAt", s(now.toString()))
                .name("businessKey", "businessKey")
                .name("leaseUntil", "leaseUntil")
                .value("claimedStatus", s(Status.CLAIMED.name()))
                .value("now", s(now.toString()))
                .condition(CLAIMABLE);
        return conditional(update, businessKey);
    }

    @Override
    public void confirmSent(String businessKey, String messageId, Instant at) {
        Update update = new Update()
                .set("status", s(Status.SENT.name()))
                .set("messageId", s(messageId))
                .set("settledAt", s(at.toString()))
                .set("confirmedBy", s("ses-send-event"))
                .value("claimedStatus", s(Status.CLAIMED.name()))
                .condition("#status = :claimedStatus");
        conditional(update, businessKey);
    }

    @Override
    public void recordDelivery(String businessKey, Instant at) {
        conditional(new Update().set("deliveredAt", s(at.toString())).name("businessKey", "businessKey")
                .condition("attribute_exists(#businessKey)"), businessKey);
    }

    @Override
    public void recordBounce(String businessKey, Instant at) {
        conditional(new Update().set("bouncedAt", s(at.toString())).name("businessKey", "businessKey")
                .condition("attribute_exists(#businessKey)"), businessKey);
    }

    private Update facts(Update update, Facts facts, Instant now) {
        update.set("journey", s(facts.journey()))
                .set("category", s(facts.category().name()))
                .set("templateId", s(facts.templateId()))
                .set("expiresAt", n(now.plus(retention).getEpochSecond()));
        facts.customerId().ifPresent(id -> update.set("customerId", s(id)));
        return update;
    }

    private boolean conditional(Update update, String businessKey) {
        try {
            dynamoDb.updateItem(update.toRequest(tableName, Attributes.key("businessKey", businessKey)));
            return true;
        } catch (ConditionalCheckFailedException refused) {
            return false;
        }
    }
}
