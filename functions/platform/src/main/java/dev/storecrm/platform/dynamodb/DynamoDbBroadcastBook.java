package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.broadcast.Broadcast;
import dev.storecrm.domain.broadcast.BroadcastBook;
import dev.storecrm.domain.broadcast.BroadcastJson;
import dev.storecrm.domain.broadcast.BroadcastStatus;
import dev.storecrm.domain.campaign.Holdout;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The BroadcastsTable: one item per broadcast, keyed {@code campaignId}. Attributes: {@code definition} (the
 * definition's JSON, {@link BroadcastJson}, at most 200 KB), {@code status} ({@link BroadcastStatus}),
 * {@code createdAt}, {@code createdBy}, {@code pagesDone} and {@code after} (the fan-out's progress: the pages
 * counted and the last customer id of the last one), the counts {@code members}, {@code heldOut},
 * {@code notFound} and {@code q_<variant>} (requests handed to the outbox per variant), {@code scheduledAt},
 * {@code finishedAt} (sent or cancelled), {@code cancelledBy}. Every change is one conditional write: a page is
 * counted only if it is the next one and the broadcast still fans out. The index {@value #BY_CREATION} lists them
 * newest first: partition {@code listed} (always {@code broadcast}), sort key {@code listedKey}
 * ({@code <createdAt>#<campaignId>}, also the listing's cursor).
 */
public final class DynamoDbBroadcastBook implements BroadcastBook {

    private static final String QUEUED = "q_";
    private static final String BY_CREATION = "ByCreation";
    private static final String LISTED = "broadcast";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbBroadcastBook(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean create(Broadcast broadcast, String by, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("campaignId", s(broadcast.campaignId()));
        item.put("definition", s(BroadcastJson.write(broadcast)));
        item.put("status", s(BroadcastStatus.DRAFT.name()));
        item.put("createdAt", s(at.toString()));
        item.put("createdBy", s(by));
        item.put("pagesDone", n(0));
        item.put("listed", s(LISTED));
        item.put("listedKey", s(at + "#" + broadcast.campaignId()));
        return conditional(() -> dynamoDb.putItem(put -> put.tableName(tableName).item(item)
                .conditionExpression("attribute_not_exists(campaignId)")));
    }

    @Override
    public Optional<Stored> find(String campaignId, boolean consistentRead) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                .key(Map.of("campaignId", s(campaignId))).consistentRead(consistentRead)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(stored(item));
    }

    @Override
    public Listing list(Optional<String> after, int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("a page of broadcasts holds 1 to " + MAX_LIST);
        }
        QueryResponse page = dynamoDb.query(q -> {
            q.tableName(tableName).indexName(BY_CREATION).keyConditionExpression("listed = :listed")
                    .expressionAttributeValues(Map.of(":listed", s(LISTED))).scanIndexForward(false).limit(limit);
            after.ifPresent(cursor -> q.exclusiveStartKey(Map.of("listed", s(LISTED), "listedKey", s(cursor),
                    "campaignId", s(cursor.substring(cursor.indexOf('#') + 1)))));
        });
        Optional<String> next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                ? Attributes.string(page.lastEvaluatedKey(), "listedKey") : Optional.empty();
        return new Listing(page.items().stream().map(DynamoDbBroadcastBook::stored).toList(), next);
    }

    private static Stored stored(Map<String, AttributeValue> item) {
        Broadcast broadcast = BroadcastJson.read(item.get("definition").s(), Holdout.NONE);
        Map<String, Long> queued = new HashMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith(QUEUED)) {
                queued.put(name.substring(QUEUED.length()), Long.parseLong(value.n()));
            }
        });
        return new Stored(broadcast, BroadcastStatus.valueOf(item.get("status").s()),
                (int) Attributes.number(item, "pagesDone", 0), Attributes.string(item, "after"),
                new PageCounts(Attributes.number(item, "members", 0), Attributes.number(item, "heldOut", 0),
                        Attributes.number(item, "notFound", 0), queued),
                Instant.parse(item.get("createdAt").s()), item.get("createdBy").s(),
                Attributes.string(item, "finishedAt").map(Instant::parse), Attributes.string(item, "cancelledBy"));
    }

    @Override
    public boolean schedule(String campaignId, Instant at) {
        return conditional(() -> dynamoDb.updateItem(u -> u.tableName(tableName).key(key(campaignId))
                .updateExpression("SET #status = :scheduled, scheduledAt = :at")
                .conditionExpression("#status = :draft")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":scheduled", s(BroadcastStatus.SCHEDULED.name()),
                        ":draft", s(BroadcastStatus.DRAFT.name()), ":at", s(at.toString())))));
    }

    @Override
    public boolean cancel(String campaignId, String by, Instant at) {
        return conditional(() -> dynamoDb.updateItem(u -> u.tableName(tableName).key(key(campaignId))
                .updateExpression("SET #status = :cancelled, cancelledBy = :by, finishedAt = :at")
                .conditionExpression("#status IN (:draft, :scheduled, :sending)")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":cancelled", s(BroadcastStatus.CANCELLED.name()),
                        ":draft", s(BroadcastStatus.DRAFT.name()), ":scheduled",
                        s(BroadcastStatus.SCHEDULED.name()), ":sending", s(BroadcastStatus.SENDING.name()),
                        ":by", s(by), ":at", s(at.toString())))));
    }

    @Override
    public boolean recordPage(String campaignId, int page, PageCounts counts, Optional<String> after, boolean last,
                              Instant at) {
        Map<String, String> names = new HashMap<>(Map.of("#status", "status"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":page", n(page), ":previous", n(page - 1L),
                ":scheduled", s(BroadcastStatus.SCHEDULED.name()), ":sending", s(BroadcastStatus.SENDING.name()),
                ":next", s((last ? BroadcastStatus.SENT : BroadcastStatus.SENDING).name()),
                ":members", n(counts.members()), ":heldOut", n(counts.heldOut()),
                ":notFound", n(counts.notFound())));
        StringBuilder set = new StringBuilder("SET pagesDone = :page, #status = :next");
        StringBuilder add = new StringBuilder(" ADD members :members, heldOut :heldOut, notFound :notFound");
        after.ifPresent(id -> {
            set.append(", #after = :after");
            names.put("#after", "after");
            values.put(":after", s(id));
        });
        if (last) {
            set.append(", finishedAt = :at");
            values.put(":at", s(at.toString()));
        }
        int i = 0;
        for (Map.Entry<String, Long> variant : counts.queued().entrySet()) {
            names.put("#q" + i, QUEUED + variant.getKey());
            values.put(":q" + i, n(variant.getValue()));
            add.append(", #q").append(i).append(" :q").append(i);
            i++;
        }
        return conditional(() -> dynamoDb.updateItem(u -> u.tableName(tableName).key(key(campaignId))
                .updateExpression(set.toString() + add)
                .conditionExpression("pagesDone = :previous AND #status IN (:scheduled, :sending)")
                .expressionAttributeNames(names).expressionAttributeValues(values)));
    }

    private static Map<String, AttributeValue> key(String campaignId) {
        return Map.of("campaignId", s(campaignId));
    }

    private static boolean conditional(Runnable write) {
        try {
            write.run();
            return true;
        } catch (ConditionalCheckFailedException refused) {
            return false;
        }
    }
}
