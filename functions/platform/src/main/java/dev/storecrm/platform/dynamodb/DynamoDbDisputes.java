package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.dispute.Deadline;
import dev.storecrm.domain.dispute.Dispute;
import dev.storecrm.domain.dispute.DisputeIndex;
import dev.storecrm.domain.dispute.DisputeRecords;
import dev.storecrm.domain.dispute.DisputeStatus;
import dev.storecrm.domain.dispute.HistoryEntry;
import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Disputes in the DisputesTable (partition key {@code disputeId}), saved in one transaction with
 * the history entry of the change (DisputeHistoryTable): the dispute's put is conditional on the
 * revision read, the entry's on not having been applied before, so a concurrent writer is detected
 * and a redelivered change is saved once. The agents' queue reads the GSI {@code QueueByStatus}
 * (partition {@code status}, sort {@code queueKey}): one query per page, never a scan.
 */
public final class DynamoDbDisputes implements DisputeRecords, DisputeIndex {

    public static final String QUEUE_INDEX = "QueueByStatus";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final DynamoDbDisputeHistory history;
    private final Clock clock;

    public DynamoDbDisputes(DynamoDbClient dynamoDb, String tableName, DynamoDbDisputeHistory history, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.history = history;
        this.clock = clock;
    }

    @Override
    public Optional<Revisioned<Dispute>> find(String disputeId, boolean consistentRead) {
        GetItemResponse response = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(Attributes.key("disputeId", disputeId)).consistentRead(consistentRead));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(DisputeItemMapper.fromItem(response.item())) : Optional.empty();
    }

    @Override
    public boolean save(Dispute dispute, Optional<Deadline> nearest, OptionalLong expectedRevision, HistoryEntry entry,
                        Optional<String> idempotencyKey) {
        long revision = expectedRevision.orElse(0) + 1;
        Put.Builder put = Put.builder().tableName(tableName)
                .item(DisputeItemMapper.toItem(dispute, nearest, revision, clock.instant()));
        if (expectedRevision.isPresent()) {
            put.conditionExpression("rev = :expected")
                    .expressionAttributeValues(Map.of(":expected", n(expectedRevision.getAsLong())));
        } else {
            put.conditionExpression("attribute_not_exists(disputeId)");
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(put.build()).build());
        writes.add(TransactWriteItem.builder().put(history.entryPut(entry, true)).build());
        idempotencyKey.ifPresent(key -> writes.add(TransactWriteItem.builder()
                .put(history.markerPut(entry, key)).build()));
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(writes));
            return true;
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.cancellationReasons();
            boolean recordedBefore = reasons.size() > 1 && failedCondition(reasons.get(1))
                    || reasons.size() > 2 && failedCondition(reasons.get(2));
            if (recordedBefore) {
                return false;
            }
            if (!reasons.isEmpty() && failedCondition(reasons.get(0))) {
                throw new ConcurrentUpdateException("dispute " + dispute.disputeId() + " changed since it was read");
            }
            throw cancelled;
        }
    }

    @Override
    public Page list(DisputeStatus status, int limit, Optional<String> after) {
        Map<String, AttributeValue> start = after.map(DynamoDbDisputes::startKey).orElse(null);
        QueryResponse page = dynamoDb.query(q -> q.tableName(tableName).indexName(QUEUE_INDEX)
                .keyConditionExpression("#status = :status")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":status", s(status.name())))
                .scanIndexForward(status.isOpen())
                .limit(limit)
                .exclusiveStartKey(start));
        List<Listed> listed = page.items().stream().map(DynamoDbDisputes::listed).toList();
        Optional<String> next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                ? Optional.of(token(page.lastEvaluatedKey())) : Optional.empty();
        return new Page(listed, next);
    }

    private static Listed listed(Map<String, AttributeValue> item) {
        return new Listed(item.get("disputeId").s(), DisputeStatus.valueOf(item.get("status").s()),
                Stamp.decode(item.get("statusStamp").s()).at(), Attributes.string(item, "orderId"),
                Attributes.string(item, "customerId"), Attributes.string(item, "channel"),
                Attributes.string(item, "reason"),
                item.containsKey("amount") ? Optional.of(Attributes.number(item, "amount", 0)) : Optional.empty(),
                Attributes.string(item, "currency"), Attributes.string(item, "nextDeadline"),
                Attributes.string(item, "nextDeadlineAt").map(Instant::parse));
    }

    private static boolean failedCondition(CancellationReason reason) {
        return "ConditionalCheckFailed".equals(reason.code());
    }

    /** The page token: the index key where the next page starts, as base64url JSON. */
    private static String token(Map<String, AttributeValue> key) {
        ObjectNode node = JSON.createObjectNode();
        key.forEach((name, value) -> node.put(name, value.s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> startKey(String token) {
        try {
            var node = JSON.readTree(Base64.getUrlDecoder().decode(token));
            Map<String, AttributeValue> key = new HashMap<>();
            for (String name : List.of("disputeId", "status", "queueKey")) {
                if (!node.path(name).isTextual()) {
                    throw new IllegalArgumentException(name);
                }
                key.put(name, s(node.get(name).asText()));
            }
            return key;
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException(RejectReason.SCHEMA_VIOLATION,
                    "next is not a page token this queue gave out");
        }
    }
}
