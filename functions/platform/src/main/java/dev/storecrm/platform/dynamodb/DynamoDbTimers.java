package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.messaging.DueTimers;
import dev.storecrm.domain.messaging.Timers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Timers in the TimersTable (partition key {@code timerId}), indexed by due time for the sweep: GSI
 * {@code DueByShard}, partition key {@code shard} ({@code timers#<n>}, spreading the timers over
 * {@code TIMER_SHARDS} index partitions), sort key {@code dueKey} = {@code <due instant, fixed
 * width>#<timerId>}. The sweep asks each shard for {@code dueKey <= now}: it reads exactly the timers
 * that are due, however long ago it last ran, and nothing that is not due yet.
 *
 * <p>Re-arming writes a new {@code version}; the sweep deletes a fired timer only if its version
 * is unchanged, so a timer re-armed while it fired is kept.
 */
public final class DynamoDbTimers implements Timers, DueTimers {

    public static final String INDEX = "DueByShard";
    private static final DateTimeFormatter FIXED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final int shards;
    private final Clock clock;

    public DynamoDbTimers(DynamoDbClient dynamoDb, String tableName, int shards, Clock clock) {
        if (shards < 1) {
            throw new IllegalArgumentException("timer shards must be at least 1");
        }
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.shards = shards;
        this.clock = clock;
    }

    @Override
    public void schedule(Timer timer) {
        dynamoDb.putItem(p -> p.tableName(tableName).item(item(timer)));
    }

    /** Compares due keys, which end with the timer's id, so the earlier arming wins in one conditional write. */
    @Override
    public void scheduleNoLaterThan(Timer timer) {
        Map<String, AttributeValue> item = item(timer);
        try {
            dynamoDb.putItem(p -> p.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(timerId) OR dueKey > :dueKey")
                    .expressionAttributeValues(Map.of(":dueKey", item.get("dueKey"))));
        } catch (ConditionalCheckFailedException armedEarlier) {
            // An earlier firing will come first; it arms the timer for what is due after it.
        }
    }

    /** Arms many timers at once (bulk loading: imports, benchmarks, simulations). */
    public void scheduleAll(List<Timer> timers) {
        BatchWrites.putAll(dynamoDb, tableName, timers.stream().map(this::item).toList());
    }

    private Map<String, AttributeValue> item(Timer timer) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("timerId", s(timer.id()));
        item.put("target", s(timer.target()));
        item.put("body", s(timer.body()));
        item.put("dueAt", s(timer.dueAt().toString()));
        item.put("shard", s(shard(Math.floorMod(timer.id().hashCode(), shards))));
        item.put("dueKey", s(FIXED.format(timer.dueAt()) + "#" + timer.id()));
        // A fresh random UUID per arming, made at call time (never at init, which SnapStart snapshots).
        item.put("version", s(UUID.randomUUID().toString()));
        item.put("armedAt", s(clock.instant().toString()));
        return item;
    }

    @Override
    public void cancel(String timerId) {
        dynamoDb.deleteItem(d -> d.tableName(tableName).key(Attributes.key("timerId", timerId)));
    }

    @Override
    public int shards() {
        return shards;
    }

    @Override
    public List<Armed> due(int shard, Instant now, int limit) {
        List<Armed> due = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse page = dynamoDb.query(q -> q.tableName(tableName).indexName(INDEX)
                    .keyConditionExpression("#shard = :shard AND dueKey <= :due")
                    .expressionAttributeNames(Map.of("#shard", "shard"))
                    .expressionAttributeValues(
                            Map.of(":shard", s(shard(shard)), ":due", s(FIXED.format(now) + "#\uffff")))
                    .limit(limit - due.size())
                    .exclusiveStartKey(exclusiveStart));
            for (Map<String, AttributeValue> item : page.items()) {
                due.add(new Armed(new Timer(item.get("timerId").s(), item.get("target").s(), item.get("body").s(),
                        Instant.parse(item.get("dueAt").s())), item.get("version").s()));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && due.size() < limit);
        return due;
    }

    @Override
    public boolean deleteFired(Armed fired) {
        try {
            dynamoDb.deleteItem(d -> d.tableName(tableName).key(Attributes.key("timerId", fired.timer().id()))
                    .conditionExpression("version = :version")
                    .expressionAttributeValues(Map.of(":version", s(fired.version()))));
            return true;
        } catch (ConditionalCheckFailedException rearmed) {
            return false;
        }
    }

    private static String shard(int n) {
        return "timers#" + n;
    }
}
