package dev.storecrm.platform.dynamodb;

import dev.storecrm.domain.privacy.PersonalData;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A member's data read from every table that holds some, through the member's own keys only: a GetItem on the
 * MembersTable, a query of the member's partition (OrdersTable, PointsLedgerTable, OccasionsTable, WinBackTable),
 * a {@code ByCustomer} index (CouponsTable, CartsTable, DisputesTable; keys only, then each item), the
 * SendLedgerTable's {@code SettledByCustomer} index (business key, template, time and outcome: no body), the
 * DisputeHistoryTable's partition of each dispute, and the SuppressionsTable's {@code member#} and
 * {@code address#<hash>} items. Every read asks for at most one record more than the limit, to tell a truncated
 * part. Items are returned as stored.
 */
public final class DynamoDbPersonalData implements PersonalData {

    /** The tables read. */
    public record Tables(String members, String orders, String pointsLedger, String coupons, String carts,
                         String sendLedger, String disputes, String disputeHistory, String occasions, String winBack,
                         String suppressions) {}

    public static final String BY_CUSTOMER = "ByCustomer";

    private final DynamoDbClient dynamoDb;
    private final Tables tables;

    public DynamoDbPersonalData(DynamoDbClient dynamoDb, Tables tables) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
    }

    @Override
    public Section read(String customerId, Part part, int limit) {
        List<Map<String, AttributeValue>> items = switch (part) {
            case PROFILE -> profile(customerId);
            case ORDERS -> partition(tables.orders(), customerId, limit);
            case POINTS -> partition(tables.pointsLedger(), customerId, limit);
            case OCCASIONS -> partition(tables.occasions(), customerId, limit);
            case WIN_BACK -> partition(tables.winBack(), customerId, limit);
            case COUPONS -> byCustomer(tables.coupons(), "code", customerId, limit);
            case CARTS -> byCustomer(tables.carts(), "cartId", customerId, limit);
            case DISPUTES -> disputes(customerId, limit);
            case MAIL -> query(QueryRequest.builder().tableName(tables.sendLedger())
                    .indexName(DynamoDbMemberFile.MAIL_INDEX).scanIndexForward(false), customerId, limit);
            case SUPPRESSION -> suppression(customerId);
        };
        boolean truncated = items.size() > limit;
        List<Map<String, Object>> records = items.stream().limit(limit).map(DynamoDbPersonalData::plain).toList();
        return new Section(part, records, truncated);
    }

    @Override
    public List<String> idsByEmail(String emailKey, int limit) {
        return dynamoDb.query(q -> q.tableName(tables.members()).indexName(DynamoDbMemberFile.EMAIL_INDEX)
                        .keyConditionExpression("emailKey = :k").expressionAttributeValues(Map.of(":k",
                                Attributes.s(emailKey))).limit(limit))
                .items().stream().map(item -> item.get("customerId").s()).toList();
    }

    private List<Map<String, AttributeValue>> profile(String customerId) {
        Map<String, AttributeValue> item = get(tables.members(), Attributes.key("customerId", customerId));
        return item.isEmpty() ? List.of() : List.of(item);
    }

    private List<Map<String, AttributeValue>> partition(String table, String customerId, int limit) {
        return query(QueryRequest.builder().tableName(table), customerId, limit);
    }

    private List<Map<String, AttributeValue>> query(QueryRequest.Builder query, String customerId, int limit) {
        QueryResponse response = dynamoDb.query(query.keyConditionExpression("customerId = :c")
                .expressionAttributeValues(Map.of(":c", Attributes.s(customerId))).limit(limit + 1).build());
        return response.items();
    }

    /** The member's items of a keys-only {@code ByCustomer} index: the query, then each item. */
    private List<Map<String, AttributeValue>> byCustomer(String table, String keyName, String customerId, int limit) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (Map<String, AttributeValue> key : query(QueryRequest.builder().tableName(table).indexName(BY_CUSTOMER),
                customerId, limit)) {
            Map<String, AttributeValue> item = get(table, Map.of(keyName, key.get(keyName)));
            if (!item.isEmpty()) {
                found.add(item);
            }
        }
        return found;
    }

    /** Each dispute with its history (at most {@code limit} entries, in the order they happened) in {@code history}. */
    private List<Map<String, AttributeValue>> disputes(String customerId, int limit) {
        List<Map<String, AttributeValue>> disputes = new ArrayList<>();
        for (Map<String, AttributeValue> dispute : byCustomer(tables.disputes(), "disputeId", customerId, limit)) {
            List<Map<String, AttributeValue>> history = dynamoDb.query(q -> q.tableName(tables.disputeHistory())
                    .keyConditionExpression("disputeId = :d").limit(limit + 1)
                    .expressionAttributeValues(Map.of(":d", dispute.get("disputeId")))).items();
            Map<String, AttributeValue> withHistory = new LinkedHashMap<>(dispute);
            withHistory.put("history", Attributes.l(history.stream().limit(limit).map(Attributes::m).toList()));
            withHistory.put("historyTruncated", Attributes.bool(history.size() > limit));
            disputes.add(withHistory);
        }
        return disputes;
    }

    /** The member's own suppression, and their address's (by its hash, as the sender checks it). */
    private List<Map<String, AttributeValue>> suppression(String customerId) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        List<String> subjects = new ArrayList<>(List.of(DynamoDbSuppressionList.memberKey(customerId)));
        Attributes.string(get(tables.members(), Attributes.key("customerId", customerId)), "email")
                .ifPresent(email -> subjects.add(DynamoDbSuppressionList.addressKey(email)));
        for (String subject : subjects) {
            Map<String, AttributeValue> item = get(tables.suppressions(), Attributes.key("subject", subject));
            if (!item.isEmpty()) {
                found.add(item);
            }
        }
        return found;
    }

    private Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
        return dynamoDb.getItem(g -> g.tableName(table).key(key)).item();
    }

    /** An item as plain values, attributes in name order. */
    static Map<String, Object> plain(Map<String, AttributeValue> item) {
        Map<String, Object> values = new TreeMap<>();
        item.forEach((name, value) -> {
            Object plain = plain(value);
            if (plain != null) {
                values.put(name, plain);
            }
        });
        return values;
    }

    private static Object plain(AttributeValue value) {
        return switch (value.type()) {
            case S -> value.s();
            case N -> new BigDecimal(value.n());
            case BOOL -> value.bool();
            case B -> Base64.getEncoder().encodeToString(value.b().asByteArray());
            case SS -> List.copyOf(value.ss());
            case NS -> value.ns().stream().map(BigDecimal::new).toList();
            case BS -> value.bs().stream().map(b -> Base64.getEncoder().encodeToString(b.asByteArray())).toList();
            case L -> value.l().stream().map(DynamoDbPersonalData::plain).filter(v -> v != null).toList();
            case M -> plain(value.m());
            case NUL, UNKNOWN_TO_SDK_VERSION -> null;
        };
    }
}
