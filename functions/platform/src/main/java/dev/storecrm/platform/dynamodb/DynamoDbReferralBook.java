package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.referral.Referral;
import dev.storecrm.domain.referral.ReferralBook;
import dev.storecrm.domain.referral.ReferralStatus;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Referrals in the ReferralsTable, one item per referee (under 1 KB):
 *
 * <pre>
 * refereeId (S, partition key)   rev (N, optimistic lock)
 * referrerId status orderId paidAt qualifiesAt reason recordedAt decidedAt (S)
 * referrerPoints refereePoints (N)  rewarded (BOOL)  reward (S: points, or coupon and its value; points when absent)
 * listMonth (S, yyyy-MM of recordedAt, UTC)  listKey (S, recordedAt#refereeId)
 * GSI ByMonth:    listMonth, listKey   (the staff list of a month's referrals)
 * GSI ByReferrer: referrerId, listKey  (one referrer's referees)
 * </pre>
 * A page is one Query of the index; the cursor is the last {@code listKey} served.
 */
public final class DynamoDbReferralBook implements ReferralBook {

    public static final String BY_MONTH = "ByMonth";
    public static final String BY_REFERRER = "ByReferrer";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbReferralBook(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Optional<Revisioned<Referral>> find(String refereeId, boolean consistentRead) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(Attributes.key("refereeId", refereeId)).consistentRead(consistentRead)).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(new Revisioned<>(fromItem(item), Attributes.number(item, "rev", 0)));
    }

    @Override
    public void save(Referral referral, OptionalLong expectedRevision) {
        Map<String, AttributeValue> item = toItem(referral);
        item.put("rev", n(expectedRevision.orElse(0) + 1));
        String condition = expectedRevision.isPresent() ? "rev = :expected" : "attribute_not_exists(refereeId)";
        Map<String, AttributeValue> values = expectedRevision.isPresent()
                ? Map.of(":expected", n(expectedRevision.getAsLong())) : null;
        try {
            dynamoDb.putItem(p -> p.tableName(tableName).item(item).conditionExpression(condition)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException conflict) {
            throw new ConcurrentUpdateException("the referral of " + referral.refereeId()
                    + " changed since it was read");
        }
    }

    @Override
    public Page recordedIn(YearMonth month, Optional<String> cursor, int limit) {
        return page(BY_MONTH, "listMonth", month.toString(), cursor, limit);
    }

    @Override
    public Page referredBy(String referrerId, Optional<String> cursor, int limit) {
        return page(BY_REFERRER, "referrerId", referrerId, cursor, limit);
    }

    private Page page(String index, String partition, String value, Optional<String> cursor, int limit) {
        Map<String, AttributeValue> start = cursor.map(key -> {
            Map<String, AttributeValue> exclusive = new HashMap<>();
            exclusive.put(partition, s(value));
            exclusive.put("listKey", s(key));
            exclusive.put("refereeId", s(key.substring(key.indexOf('#') + 1)));
            return exclusive;
        }).orElse(null);
        QueryResponse response = dynamoDb.query(q -> q.tableName(tableName).indexName(index)
                .keyConditionExpression("#p = :p").expressionAttributeNames(Map.of("#p", partition))
                .expressionAttributeValues(Map.of(":p", s(value))).limit(limit).exclusiveStartKey(start));
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(response.lastEvaluatedKey().get("listKey").s()) : Optional.empty();
        return new Page(response.items().stream().map(DynamoDbReferralBook::fromItem).toList(), next);
    }

    static Map<String, AttributeValue> toItem(Referral r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("refereeId", s(r.refereeId()));
        item.put("referrerId", s(r.referrerId()));
        item.put("status", s(r.status().wire()));
        r.orderId().ifPresent(id -> item.put("orderId", s(id)));
        r.paidAt().ifPresent(at -> item.put("paidAt", s(at.toString())));
        r.qualifiesAt().ifPresent(at -> item.put("qualifiesAt", s(at.toString())));
        r.reason().ifPresent(why -> item.put("reason", s(why)));
        item.put("referrerPoints", n(r.referrerPoints()));
        item.put("refereePoints", n(r.refereePoints()));
        item.put("rewarded", AttributeValue.fromBool(r.rewarded()));
        item.put("reward", s(r.reward()));
        item.put("recordedAt", s(r.recordedAt().toString()));
        r.decidedAt().ifPresent(at -> item.put("decidedAt", s(at.toString())));
        item.put("listMonth", s(YearMonth.from(r.recordedAt().atZone(ZoneOffset.UTC)).toString()));
        item.put("listKey", s(r.recordedAt() + "#" + r.refereeId()));
        return item;
    }

    public static Referral fromItem(Map<String, AttributeValue> item) {
        return new Referral(item.get("refereeId").s(), item.get("referrerId").s(),
                ReferralStatus.fromWire(item.get("status").s()).orElseThrow(() -> new IllegalStateException(
                        "the referral of " + item.get("refereeId").s() + " has an unknown status")),
                Attributes.string(item, "orderId"), instant(item, "paidAt"), instant(item, "qualifiesAt"),
                Attributes.string(item, "reason"), Attributes.number(item, "referrerPoints", 0),
                Attributes.number(item, "refereePoints", 0),
                item.containsKey("rewarded") && Boolean.TRUE.equals(item.get("rewarded").bool()),
                Instant.parse(item.get("recordedAt").s()), instant(item, "decidedAt"),
                Attributes.string(item, "reward").orElse("points"));
    }

    private static Optional<Instant> instant(Map<String, AttributeValue> item, String name) {
        return Attributes.string(item, name).map(Instant::parse);
    }
}
