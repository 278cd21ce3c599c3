package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;
import static dev.storecrm.platform.dynamodb.RfmItemMapper.key;
import static dev.storecrm.platform.dynamodb.RfmItemMapper.memberKey;

import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.rfm.RfmBook;
import dev.storecrm.domain.rfm.RfmChange;
import dev.storecrm.domain.rfm.RfmHistogram;
import dev.storecrm.domain.rfm.RfmState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * RFM in the RfmTable ({@link RfmItemMapper} lists the items). A change is one transaction: the
 * member's state (conditional on the version read), its memberships, and the additions to its shard's
 * histogram and live counts, so counts and memberships never disagree. The histogram and the counts are
 * split over {@code shards} items by customer id, so no one item takes every order's write; reading the
 * histogram costs one GetItem and one bounded Query per shard.
 */
public final class DynamoDbRfmBook implements RfmBook {

    public static final String GROUP_INDEX = "ByGroup";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final int shards;

    public DynamoDbRfmBook(DynamoDbClient dynamoDb, String tableName, int shards) {
        if (shards < 1 || shards > 64) {
            throw new IllegalArgumentException("RFM_SHARDS is 1 to 64, not " + shards);
        }
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.shards = shards;
    }

    @Override
    public Optional<RfmState> find(String customerId, boolean consistentRead) {
        return RfmItemMapper.present(dynamoDb.getItem(g -> g.tableName(tableName).consistentRead(consistentRead)
                .key(key(memberKey(customerId), RfmItemMapper.STATE))).item()).map(RfmItemMapper::fromItem);
    }

    @Override
    public RfmHistogram histogram(long fromWeek) {
        long members = 0;
        TreeMap<Long, Long> weeks = new TreeMap<>();
        TreeMap<Integer, Long> frequency = new TreeMap<>();
        TreeMap<Integer, Long> monetary = new TreeMap<>();
        for (int shard = 0; shard < shards; shard++) {
            String pk = "HIST#" + shard;
            Map<String, AttributeValue> totals = dynamoDb.getItem(g -> g.tableName(tableName)
                    .key(key(pk, "TOTALS"))).item();
            for (Map.Entry<String, AttributeValue> attribute : totals.entrySet()) {
                String name = attribute.getKey();
                if (name.equals("members")) {
                    members += Long.parseLong(attribute.getValue().n());
                } else if (name.matches("F\\d+")) {
                    frequency.merge(Integer.parseInt(name.substring(1)), count(attribute.getValue()), Long::sum);
                } else if (name.matches("M\\d+")) {
                    monetary.merge(Integer.parseInt(name.substring(1)), count(attribute.getValue()), Long::sum);
                }
            }
            QueryResponse page = dynamoDb.query(q -> q.tableName(tableName)
                    .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":pk", s(pk), ":from", s(week(fromWeek)),
                            ":to", s("WEEK#~"))));
            for (Map<String, AttributeValue> item : page.items()) {
                String sk = item.get("sk").s();
                weeks.merge(Long.parseLong(sk.substring(5)), RfmItemMapper.number(item, "n"), Long::sum);
            }
        }
        return new RfmHistogram(members, weeks, frequency, monetary);
    }

    @Override
    public void save(RfmChange change, LocalDate day) {
        String customerId = change.customerId();
        Map<String, Long> additions = additions(change);
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(stateWrite(change));
        String shardKey = "HIST#" + shard(customerId);
        if (!additions.isEmpty()) {
            additions.put("v", 1L);
            writes.add(add(shardKey, "TOTALS", additions));
        }
        change.weekDeltas().forEach((week, delta) -> writes.add(add(shardKey, week(week), Map.of("n", delta))));
        change.left().forEach(group -> writes.add(TransactWriteItem.builder().delete(d -> d.tableName(tableName)
                .key(key(memberKey(customerId), "GROUP#" + RfmItemMapper.group(group)))).build()));
        change.joined().forEach(group -> writes.add(TransactWriteItem.builder().put(p -> p.tableName(tableName)
                .item(RfmItemMapper.membership(customerId, group, change.after().orElseThrow().evaluatedAt())))
                .build()));
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(writes));
        } catch (TransactionCanceledException cancelled) {
            if (cancelled.cancellationReasons().stream().map(CancellationReason::code)
                    .anyMatch(code -> "ConditionalCheckFailed".equals(code) || "TransactionConflict".equals(code))) {
                throw new ConcurrentUpdateException("RFM of " + customerId + " changed since it was read");
            }
            throw cancelled;
        }
        if (!additions.isEmpty()) {
            fileDay(shardKey, day);
        }
    }

    /** Copies the shard's live counts to its item for the day, unless a later copy is there already. */
    private void fileDay(String shardKey, LocalDate day) {
        Map<String, AttributeValue> totals = dynamoDb.getItem(g -> g.tableName(tableName).consistentRead(true)
                .key(key(shardKey, "TOTALS"))).item();
        Map<String, AttributeValue> counts = new HashMap<>();
        totals.forEach((name, value) -> {
            if (name.startsWith("C_")) {
                counts.put(name.substring(2), value);
            }
        });
        Map<String, AttributeValue> item = new HashMap<>(key("DAY#" + shardKey.substring(5), day.toString()));
        item.put("counts", Attributes.m(counts));
        item.put("v", totals.get("v"));
        try {
            dynamoDb.putItem(p -> p.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(v) OR v < :v")
                    .expressionAttributeValues(Map.of(":v", totals.get("v"))));
        } catch (ConditionalCheckFailedException newerFiled) {
            // A writer that saw later counts filed them first: the day holds the newer figures, as it should.
            return;
        }
    }

    @Override
    public Map<RfmChange.Group, Long> counts(LocalDate day) {
        Map<RfmChange.Group, Long> counts = new TreeMap<>(
                (a, b) -> RfmItemMapper.group(a).compareTo(RfmItemMapper.group(b)));
        for (int shard = 0; shard < shards; shard++) {
            String pk = "DAY#" + shard;
            List<Map<String, AttributeValue>> latest = dynamoDb.query(q -> q.tableName(tableName)
                    .keyConditionExpression("pk = :pk AND sk <= :day").scanIndexForward(false).limit(1)
                    .expressionAttributeValues(Map.of(":pk", s(pk), ":day", s(day.toString())))).items();
            for (Map<String, AttributeValue> item : latest) {
                Attributes.map(item, "counts").forEach((group, count) ->
                        counts.merge(RfmItemMapper.group(group), Long.parseLong(count.n()), Long::sum));
            }
        }
        counts.values().removeIf(count -> count == 0);
        return counts;
    }

    @Override
    public List<String> members(RfmChange.Group group, String after, int limit) {
        String name = RfmItemMapper.group(group);
        Map<String, AttributeValue> start = after == null ? null : Map.of("group", s(name), "customerId", s(after),
                "pk", s(memberKey(after)), "sk", s("GROUP#" + name));
        return dynamoDb.query(q -> q.tableName(tableName).indexName(GROUP_INDEX).limit(limit)
                        .keyConditionExpression("#g = :g").expressionAttributeNames(Map.of("#g", "group"))
                        .expressionAttributeValues(Map.of(":g", s(name))).exclusiveStartKey(start))
                .items().stream().map(item -> item.get("customerId").s()).toList();
    }

    private TransactWriteItem stateWrite(RfmChange change) {
        String customerId = change.customerId();
        Map<String, AttributeValue> values = new HashMap<>();
        String condition = change.before().map(b -> {
            values.put(":v", n(b.version()));
            return "version = :v";
        }).orElse("attribute_not_exists(pk)");
        Map<String, AttributeValue> conditionValues = values.isEmpty() ? null : values;
        long version = change.before().map(RfmState::version).orElse(0L) + 1;
        return change.after()
                .map(state -> TransactWriteItem.builder().put(p -> p.tableName(tableName)
                        .item(RfmItemMapper.toItem(state, version)).conditionExpression(condition)
                        .expressionAttributeValues(conditionValues)).build())
                .orElseGet(() -> TransactWriteItem.builder().delete(d -> d.tableName(tableName)
                        .key(key(memberKey(customerId), RfmItemMapper.STATE)).conditionExpression(condition)
                        .expressionAttributeValues(conditionValues)).build());
    }

    /** What the change adds to its shard's totals item, by attribute name (zero additions left out). */
    private static Map<String, Long> additions(RfmChange change) {
        Map<String, Long> additions = new TreeMap<>();
        if (change.membersDelta() != 0) {
            additions.put("members", change.membersDelta());
        }
        change.frequencyDeltas().forEach((bucket, delta) -> additions.put("F%02d".formatted(bucket), delta));
        change.monetaryDeltas().forEach((bucket, delta) -> additions.put("M%03d".formatted(bucket), delta));
        change.left().forEach(group -> additions.merge("C_" + RfmItemMapper.group(group), -1L, Long::sum));
        change.joined().forEach(group -> additions.merge("C_" + RfmItemMapper.group(group), 1L, Long::sum));
        additions.values().removeIf(v -> v == 0);
        return additions;
    }

    private TransactWriteItem add(String pk, String sk, Map<String, Long> additions) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> clauses = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Long> addition : additions.entrySet()) {
            names.put("#a" + i, addition.getKey());
            values.put(":a" + i, n(addition.getValue()));
            clauses.add("#a" + i + " :a" + i);
            i++;
        }
        return TransactWriteItem.builder().update(u -> u.tableName(tableName).key(key(pk, sk))
                .updateExpression("ADD " + String.join(", ", clauses))
                .expressionAttributeNames(names).expressionAttributeValues(values)).build();
    }

    private static long count(AttributeValue value) {
        return Long.parseLong(value.n());
    }

    int shard(String customerId) {
        return Math.floorMod(customerId.hashCode(), shards);
    }

    private static String week(long week) {
        return "WEEK#%06d".formatted(week);
    }
}
