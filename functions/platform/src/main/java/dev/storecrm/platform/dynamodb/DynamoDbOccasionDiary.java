package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.occasion.GreetingCalendar;
import dev.storecrm.domain.occasion.Occasion;
import dev.storecrm.domain.occasion.OccasionDiary;
import dev.storecrm.domain.time.AnnualDate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Occasions in the OccasionsTable: partition key {@code customerId}, sort key {@code kind}; GSI
 * {@code ByLocalDay} with partition key {@code day} = {@code <local date of the next greeting>#<shard>} and sort key
 * {@code hourKey} = {@code <UTC day offset>|<UTC hour of the run>|<customerId>|<kind>}. A run's query
 * reads the greetings of one local day, one shard and one run hour: only what is due.
 *
 * <p>Entries carry the revision of the member record they were filed from; a write from an older
 * revision is refused, so concurrent archive updates cannot file a stale date. The greeting run's
 * cursor is the item {@code #greeting-run}/{@code cursor}.
 */
public final class DynamoDbOccasionDiary implements OccasionDiary {

    public static final String INDEX = "ByLocalDay";
    private static final String NEWER_OR_NEW = "attribute_not_exists(memberRev) OR memberRev <= :rev";
    private static final Map<String, AttributeValue> CURSOR = Map.of(
            "customerId", s("#greeting-run"), "kind", s("cursor"));

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final GreetingCalendar calendar;
    private final int shards;

    public DynamoDbOccasionDiary(DynamoDbClient dynamoDb, String tableName, GreetingCalendar calendar, int shards) {
        if (shards < 1) {
            throw new IllegalArgumentException("greeting shards must be at least 1");
        }
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.calendar = calendar;
        this.shards = shards;
    }

    @Override
    public void refile(String customerId, List<Occasion> before, List<Occasion> after, long memberRevision,
                       Instant now) {
        Map<String, Occasion> previous = before.stream().collect(Collectors.toMap(Occasion::kind, o -> o, (a, b) -> b));
        for (Occasion occasion : after) {
            if (!occasion.equals(previous.get(occasion.kind()))) {
                file(occasion, calendar.next(occasion, now), memberRevision);
            }
        }
        Set<String> kept = after.stream().map(Occasion::kind).collect(Collectors.toSet());
        for (String kind : previous.keySet()) {
            if (!kept.contains(kind)) {
                try {
                    dynamoDb.deleteItem(d -> d.tableName(tableName).key(key(customerId, kind))
                            .conditionExpression(NEWER_OR_NEW)
                            .expressionAttributeValues(Map.of(":rev", n(memberRevision))));
                } catch (ConditionalCheckFailedException newerFiled) {
                    // A newer revision of the member filed this kind again: it stays.
                }
            }
        }
    }

    @Override
    public void file(Occasion occasion, GreetingCalendar.Due due, long memberRevision) {
        Map<String, AttributeValue> item = item(occasion, due, memberRevision);
        try {
            dynamoDb.putItem(p -> p.tableName(tableName).item(item).conditionExpression(NEWER_OR_NEW)
                    .expressionAttributeValues(Map.of(":rev", n(memberRevision))));
        } catch (ConditionalCheckFailedException newerFiled) {
            // Filed meanwhile from a newer revision of the member: that one is right.
        }
    }

    /**
     * Files many occasions for their next greetings in batches of 25 (a store importing its member
     * base): unconditional writes, for a diary nothing else writes to at the same time.
     */
    public void fileAll(List<Entry> entries) {
        BatchWrites.putAll(dynamoDb, tableName, entries.stream()
                .map(entry -> item(entry.occasion(), entry.due(), entry.memberRevision())).toList());
    }

    @Override
    public List<Entry> due(GreetingCalendar.Range range, int shard) {
        return dynamoDb.queryPaginator(q -> q.tableName(tableName).indexName(INDEX)
                        .keyConditionExpression("#day = :day AND begins_with(hourKey, :hour)")
                        .expressionAttributeNames(Map.of("#day", "day"))
                        .expressionAttributeValues(Map.of(":day", s(range.localDay() + "#" + shard),
                                ":hour", s(range.hourPrefix()))))
                .items().stream().map(DynamoDbOccasionDiary::entry).toList();
    }

    @Override
    public List<Entry> filedFor(String localDay, int shard) {
        return dynamoDb.queryPaginator(q -> q.tableName(tableName).indexName(INDEX)
                        .keyConditionExpression("#day = :day")
                        .expressionAttributeNames(Map.of("#day", "day"))
                        .expressionAttributeValues(Map.of(":day", s(localDay + "#" + shard))))
                .items().stream().map(DynamoDbOccasionDiary::entry).toList();
    }

    @Override
    public int shards() {
        return shards;
    }

    @Override
    public boolean advance(Entry entry, GreetingCalendar.Due next) {
        Map<String, AttributeValue> item = new HashMap<>();
        putDue(item, entry.occasion(), next);
        Update update = new Update();
        item.forEach(update::set);
        update.value("readHourKey",
                        s(entry.due().hourKey() + entry.occasion().customerId() + "|" + entry.occasion().kind()))
                .value("readYear", n(entry.due().year()))
                .condition("#hourKey = :readHourKey AND #year = :readYear");
        try {
            dynamoDb.updateItem(
                    update.toRequest(tableName, key(entry.occasion().customerId(), entry.occasion().kind())));
            return true;
        } catch (ConditionalCheckFailedException refiled) {
            return false;
        }
    }

    @Override
    public void remove(String customerId, String kind) {
        dynamoDb.deleteItem(d -> d.tableName(tableName).key(key(customerId, kind)));
    }

    @Override
    public Optional<Instant> lastRun() {
        return Attributes.string(dynamoDb.getItem(g -> g.tableName(tableName).key(CURSOR).consistentRead(true)).item(),
                "lastRun").map(Instant::parse);
    }

    @Override
    public void completedRun(Instant hour) {
        try {
            dynamoDb.updateItem(u -> u.tableName(tableName).key(CURSOR).updateExpression("SET lastRun = :hour")
                    .conditionExpression("attribute_not_exists(lastRun) OR lastRun < :hour")
                    .expressionAttributeValues(Map.of(":hour", s(hour.toString()))));
        } catch (ConditionalCheckFailedException aheadAlready) {
            // An overlapping run completed a later hour.
        }
    }

    private Map<String, AttributeValue> item(Occasion occasion, GreetingCalendar.Due due, long memberRevision) {
        Map<String, AttributeValue> item = new HashMap<>(key(occasion.customerId(), occasion.kind()));
        item.put("date", s(occasion.date().iso()));
        item.put("zone", s(occasion.zone().getId()));
        item.put("setAt", s(occasion.setAt().toString()));
        item.put("memberRev", n(memberRevision));
        putDue(item, occasion, due);
        return item;
    }

    private void putDue(Map<String, AttributeValue> item, Occasion occasion, GreetingCalendar.Due due) {
        item.put("year", n(due.year()));
        item.put("localDate", s(due.localDate().toString()));
        item.put("greetAt", s(due.greetAt().toString()));
        item.put("day", s(due.localDay() + "#" + Math.floorMod(occasion.customerId().hashCode(), shards)));
        item.put("hourKey", s(due.hourKey() + occasion.customerId() + "|" + occasion.kind()));
    }

    private static Entry entry(Map<String, AttributeValue> item) {
        Occasion occasion = new Occasion(item.get("customerId").s(), item.get("kind").s(),
                AnnualDate.parse(item.get("date").s()), ZoneId.of(item.get("zone").s()),
                Instant.parse(item.get("setAt").s()));
        String hourKey = item.get("hourKey").s();
        String prefix = hourKey.substring(0, hourKey.indexOf('|', hourKey.indexOf('|') + 1) + 1);
        String localDay = item.get("day").s().split("#")[0];
        Instant greetAt = Instant.parse(item.get("greetAt").s());
        GreetingCalendar.Due due = new GreetingCalendar.Due((int) Attributes.number(item, "year", 0),
                LocalDate.parse(item.get("localDate").s()), greetAt, GreetingCalendar.runFor(greetAt), localDay,
                prefix);
        return new Entry(occasion, due, Attributes.number(item, "memberRev", 0));
    }

    private static Map<String, AttributeValue> key(String customerId, String kind) {
        return Map.of("customerId", s(customerId), "kind", s(kind));
    }
}
