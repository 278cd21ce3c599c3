package dev.storecrm.platform.dynamodb;

import dev.storecrm.domain.privacy.PersonalData;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A member's data read from every table that holds some, through the member's own keys only: a GetItem on the
 * MembersTable, a query of the member's partition (OrdersTable, PointsLedgerTable, OccasionsTable, WinBackTable),
 * a {@code ByCustomer} index (CouponsTable, CartsTable, DisputesTable; keys only, then each item), the
 * SendLedgerTable's {@code SettledByCustomer} index (business key, template, time and outcome: no body), the
 * DisputeHistoryTable's partition of each dispute, the SuppressionsTable's {@code member#} and
 * {@code address#<hash>} items, and the FeedbackAnswersTable's answer of each of the member's orders (the table is
 * keyed by the order and has no index by member: the orders' ids from the member's partition, then one
 * BatchGetItem per 100 orders). Every read asks for at most one record more than the limit, to tell a truncated
 * part. Items are returned as stored, except the follow-up answers: only what the member gave (order, when, met,
 * rating, comment, via), not the table's index keys.
 */
public final class DynamoDbPersonalData implements PersonalData {

    /** The tables read. */
    public record Tables(String members, String orders, String pointsLedger, String coupons, String carts,
                         String sendLedger, String disputes, String disputeHistory, String occasions, String winBack,
                         String suppressions, String feedbackAnswers) {}

    public static final String BY_CUSTOMER = "ByCustomer";
    /** The attributes of a follow-up answer an export shows. */
    private static final List<String> ANSWER = List.of("orderId", "answeredAt", "met", "rating", "comment", "via",
            "customerId");
    private static final int KEYS_PER_BATCH = 100;

    private final DynamoDbClient dynamoDb;
    private final Tables tables;

    public DynamoDbPersonalData(DynamoDbClient dynamoDb, Tables tables) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
    }

    @Override
    public Section read(String customerId, Part part, int limit) {
        if (part == Part.ORDER_FEEDBACK) {
            return feedback(customerId, limit);
        }
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
            case ORDER_FEEDBACK -> throw new IllegalStateException("the answers are read through the orders");
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

    /**
     * The answers to the member's first {@code limit} orders (as the orders part lists them), in that order; truncated
     * when the member has more orders than that (the answers to the others were not read).
     */
    private Section feedback(String customerId, int limit) {
        List<Map<String, AttributeValue>> orders = query(QueryRequest.builder().tableName(tables.orders())
                .projectionExpression("orderId"), customerId, limit);
        List<Map<String, AttributeValue>> keys = orders.stream().limit(limit)
                .map(order -> Map.of("orderId", order.get("orderId"))).toList();
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < ANSWER.size(); i++) {
            names.put("#a" + i, ANSWER.get(i));
        }
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        for (int i = 0; i < keys.size(); i += KEYS_PER_BATCH) {
            Map<String, KeysAndAttributes> request = Map.of(tables.feedbackAnswers(), KeysAndAttributes.builder()
                    .keys(keys.subList(i, Math.min(keys.size(), i + KEYS_PER_BATCH)))
                    .projectionExpression(String.join(",", names.keySet())).expressionAttributeNames(names).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> asked = request;
                BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(asked));
                response.responses().getOrDefault(tables.feedbackAnswers(), List.of())
                        .forEach(item -> found.put(item.get("orderId").s(), item));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        List<Map<String, Object>> answers = keys.stream().map(key -> found.get(key.get("orderId").s()))
                .filter(item -> item != null && customerId.equals(Attributes.string(item, "customerId").orElse("")))
                .map(item -> {
                    Map<String, Object> answer = plain(item);
                    answer.remove("customerId");
                    return answer;
                }).toList();
        return new Section(Part.ORDER_FEEDBACK, answers, orders.size() > limit);
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
