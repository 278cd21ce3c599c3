package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.messaging.Timers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Timers in the TimersTable (partition key {@code timerId}), indexed by due minute for the sweep:
 * GSI {@code DueByMinute}, partition key {@code bucket} = {@code <UTC minute>#<shard>}, sort key
 * {@code dueKey} = {@code <due instant, fixed width>#<timerId>}. Shards spread a busy minute over
 * several index partitions. A timer due in the past is filed under the current minute, so the
 * next sweep finds it.
 *
 * <p>Re-arming writes a new {@code version}; the sweep deletes a fired timer only if its version
 * is unchanged, so a timer re-armed while it fired is kept.
 *
 * <p>The sweep's progress is the item {@code #sweep-cursor} (the last minute swept completely),
 * so a sweep that did not run for a while catches up on the minutes it missed.
 */
public final class DynamoDbTimers implements Timers {

    public static final String INDEX = "DueByMinute";
    private static final String CURSOR = "#sweep-cursor";
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FIXED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** A timer as stored, with the version the sweep must find unchanged to delete it. */
    public record StoredTimer(Timer timer, String version) {}

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
        Instant fileUnder = timer.dueAt().isBefore(clock.instant()) ? clock.instant() : timer.dueAt();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("timerId", s(timer.id()));
        item.put("target", s(timer.target()));
        item.put("body", s(timer.body()));
        item.put("dueAt", s(timer.dueAt().toString()));
        item.put("bucket", s(bucket(fileUnder, shardOf(timer.id()))));
        item.put("dueKey", s(FIXED.format(timer.dueAt()) + "#" + timer.id()));
        // A fresh random UUID per arming, made at call time (never at init, which SnapStart snapshots).
        item.put("version", s(UUID.randomUUID().toString()));
        item.put("armedAt", s(clock.instant().toString()));
        dynamoDb.putItem(p -> p.tableName(tableName).item(item));
    }

    @Override
    public void cancel(String timerId) {
        dynamoDb.deleteItem(d -> d.tableName(tableName).key(Attributes.key("timerId", timerId)));
    }

    /** The timers filed under one minute that are due at {@code now}, from every shard. */
    public List<StoredTimer> dueIn(Instant minute, Instant now) {
        List<StoredTimer> due = new ArrayList<>();
        for (int shard = 0; shard < shards; shard++) {
            String bucket = bucket(minute, shard);
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> exclusiveStart = start;
                QueryResponse page = dynamoDb.query(q -> q.tableName(tableName).indexName(INDEX)
                        .keyConditionExpression("#bucket = :bucket AND dueKey <= :due")
                        .expressionAttributeNames(Map.of("#bucket", "bucket"))
                        .expressionAttributeValues(Map.of(":bucket", s(bucket), ":due", s(FIXED.format(now) + "#\uffff")))
                        .exclusiveStartKey(exclusiveStart));
                for (Map<String, AttributeValue> item : page.items()) {
                    due.add(new StoredTimer(new Timer(item.get("timerId").s(), item.get("target").s(),
                            item.get("body").s(), Instant.parse(item.get("dueAt").s())),
                            item.get("version").s()));
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return due;
    }

    /** Deletes a fired timer unless it was re-armed meanwhile; false if it was. */
    public boolean deleteFired(StoredTimer fired) {
        try {
            dynamoDb.deleteItem(d -> d.tableName(tableName).key(Attributes.key("timerId", fired.timer().id()))
                    .conditionExpression("version = :version")
                    .expressionAttributeValues(Map.of(":version", s(fired.version()))));
            return true;
        } catch (ConditionalCheckFailedException rearmed) {
            return false;
        }
    }

    /** The last minute the sweep completed, if it ever ran. */
    public Optional<Instant> cursor() {
        return Attributes.string(dynamoDb.getItem(g -> g.tableName(tableName).key(Attributes.key("timerId", CURSOR))
                .consistentRead(true)).item(), "sweptThrough").map(Instant::parse);
    }

    /** Moves the cursor forward (never back, whatever sweeps overlap). */
    public void advanceCursor(Instant minute) {
        try {
            dynamoDb.updateItem(u -> u.tableName(tableName).key(Attributes.key("timerId", CURSOR))
                    .updateExpression("SET sweptThrough = :minute")
                    .conditionExpression("attribute_not_exists(sweptThrough) OR sweptThrough < :minute")
                    .expressionAttributeValues(Map.of(":minute", s(minute.toString()))));
        } catch (ConditionalCheckFailedException aheadAlready) {
            // An overlapping sweep got further.
        }
    }

    public static Instant minuteOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MINUTES);
    }

    private String bucket(Instant instant, int shard) {
        return MINUTE.format(instant) + "#" + shard;
    }

    private int shardOf(String timerId) {
        return Math.floorMod(timerId.hashCode(), shards);
    }
}
