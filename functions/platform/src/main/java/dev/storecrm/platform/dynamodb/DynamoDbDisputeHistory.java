package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.l;
import static dev.storecrm.platform.dynamodb.Attributes.m;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.dispute.DisputeHistory;
import dev.storecrm.domain.dispute.HistoryEntry;
import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.MessageRequestJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The append-only history of disputes in the DisputeHistoryTable: partition key {@code disputeId},
 * sort key {@code seq} (the encoded stamp of the change, or of the chase step), so a dispute's
 * history is one query in the order things happened. Entries are only ever added. An agent's
 * request with an idempotency key also leaves a marker {@code ~key <key>} (sorted after every
 * entry and left out of the history) that names its entry.
 */
public final class DynamoDbDisputeHistory implements DisputeHistory {

    private static final String MARKER = "~key ";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbDisputeHistory(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean append(HistoryEntry entry, Optional<String> idempotencyKey) {
        if (idempotencyKey.isEmpty()) {
            try {
                dynamoDb.putItem(putRequest(entryPut(entry, false)));
                return true;
            } catch (ConditionalCheckFailedException recordedBefore) {
                // The same change or chase step was recorded by an earlier delivery: the history keeps it once.
                return false;
            }
        }
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().put(entryPut(entry, false)).build(),
                    TransactWriteItem.builder().put(markerPut(entry, idempotencyKey.get())).build()));
            return true;
        } catch (TransactionCanceledException cancelled) {
            if (cancelled.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()))) {
                // The entry or the agent's idempotency key exists already: this request was recorded before.
                return false;
            }
            throw cancelled; // a conflict or throttling is retried; an invalid item is refused by the batch processor
        }
    }

    @Override
    public Optional<HistoryEntry> find(String disputeId, Stamp seq) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(key(disputeId, seq.encode())).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public Optional<HistoryEntry> byIdempotencyKey(String disputeId, String idempotencyKey) {
        Map<String, AttributeValue> marker = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(key(disputeId, MARKER + idempotencyKey)).consistentRead(true)).item();
        if (marker == null || marker.isEmpty()) {
            return Optional.empty();
        }
        return find(disputeId, Stamp.decode(marker.get("entrySeq").s()));
    }

    @Override
    public List<HistoryEntry> of(String disputeId) {
        List<HistoryEntry> entries = new ArrayList<>();
        dynamoDb.queryPaginator(q -> q.tableName(tableName).consistentRead(true)
                        .keyConditionExpression("disputeId = :id AND #seq < :marker")
                        .expressionAttributeNames(Map.of("#seq", "seq"))
                        .expressionAttributeValues(Map.of(":id", s(disputeId), ":marker", s("~"))))
                .items().forEach(item -> entries.add(fromItem(item)));
        return entries;
    }

    /**
     * The put of an entry. {@code replaceUnlessApplied}: a change that only now applies may replace
     * the entry an earlier delivery left as unchanged or refused, but never one that was applied.
     */
    Put entryPut(HistoryEntry entry, boolean replaceUnlessApplied) {
        Put.Builder put = Put.builder().tableName(tableName).item(toItem(entry));
        if (replaceUnlessApplied) {
            put.conditionExpression("attribute_not_exists(#seq) OR #outcome <> :applied")
                    .expressionAttributeNames(Map.of("#seq", "seq", "#outcome", "outcome"))
                    .expressionAttributeValues(Map.of(":applied", s(HistoryEntry.Outcome.applied.name())));
        } else {
            put.conditionExpression("attribute_not_exists(#seq)").expressionAttributeNames(Map.of("#seq", "seq"));
        }
        return put.build();
    }

    Put markerPut(HistoryEntry entry, String idempotencyKey) {
        Map<String, AttributeValue> item = key(entry.disputeId(), MARKER + idempotencyKey);
        item.put("entrySeq", s(entry.seq().encode()));
        return Put.builder().tableName(tableName).item(item)
                .conditionExpression("attribute_not_exists(#seq)")
                .expressionAttributeNames(Map.of("#seq", "seq")).build();
    }

    private static PutItemRequest putRequest(Put put) {
        return PutItemRequest.builder().tableName(put.tableName())
                .item(put.item()).conditionExpression(put.conditionExpression())
                .expressionAttributeNames(put.expressionAttributeNames())
                .expressionAttributeValues(put.hasExpressionAttributeValues() ? put.expressionAttributeValues() : null)
                .build();
    }

    private static Map<String, AttributeValue> key(String disputeId, String seq) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("disputeId", s(disputeId));
        key.put("seq", s(seq));
        return key;
    }

    private static Map<String, AttributeValue> toItem(HistoryEntry entry) {
        Map<String, AttributeValue> item = key(entry.disputeId(), entry.seq().encode());
        item.put("at", s(entry.seq().at().toString()));
        item.put("kind", s(entry.kind()));
        item.put("outcome", s(entry.outcome().name()));
        entry.actor().ifPresent(a -> item.put("actor", s(a)));
        Map<String, AttributeValue> details = new HashMap<>();
        entry.details().forEach((k, v) -> details.put(k, s(v)));
        item.put("details", m(details));
        item.put("effect", s(entry.effect()));
        if (!entry.requests().isEmpty()) {
            item.put("requests", l(entry.requests().stream().map(r -> s(MessageRequestJson.write(r))).toList()));
        }
        return item;
    }

    private static HistoryEntry fromItem(Map<String, AttributeValue> item) {
        Map<String, String> details = new HashMap<>();
        Attributes.map(item, "details").forEach((k, v) -> details.put(k, v.s()));
        List<MessageRequest> requests = Attributes.list(item, "requests").stream()
                .map(r -> MessageRequestJson.read(r.s())).toList();
        return new HistoryEntry(item.get("disputeId").s(), Stamp.decode(item.get("seq").s()), item.get("kind").s(),
                HistoryEntry.Outcome.valueOf(item.get("outcome").s()), Attributes.string(item, "actor"), details,
                item.get("effect").s(), requests);
    }
}
