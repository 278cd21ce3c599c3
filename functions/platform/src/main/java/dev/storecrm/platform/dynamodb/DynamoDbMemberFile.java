package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.cart.Cart;
import dev.storecrm.domain.dispute.Dispute;
import dev.storecrm.domain.json.JsonFields;
import dev.storecrm.domain.loyalty.LedgerEntry;
import dev.storecrm.domain.loyalty.PointsAccount;
import dev.storecrm.domain.member.ArchivedOrder;
import dev.storecrm.domain.memberview.MemberFile;
import dev.storecrm.domain.winback.WinBackJournal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The member view's reads, each on the member's own keys: the MembersTable's {@code EmailKey} and
 * {@code PhoneKey} indexes (keys only), the member's partition of the OrdersTable (by order id,
 * descending, paged), of the PointsLedgerTable, the WinBackTable and the OccasionsTable, the open
 * carts and disputes through their {@code OpenByCustomer} indexes (then each item), and the
 * SendLedgerTable's {@code SettledByCustomer} index (latest first, paged). No scan; every query has
 * a limit.
 */
public final class DynamoDbMemberFile implements MemberFile {

    /** The table names the reads need. */
    public record Tables(String members, String orders, String pointsLedger, String winBack, String occasions,
                         String carts, String disputes, String sendLedger) {}

    public static final String EMAIL_INDEX = "EmailKey";
    public static final String PHONE_INDEX = "PhoneKey";
    public static final String MAIL_INDEX = "SettledByCustomer";

    private final DynamoDbClient dynamoDb;
    private final Tables tables;
    private final DynamoDbPointsBook points;

    public DynamoDbMemberFile(DynamoDbClient dynamoDb, Tables tables) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        // The view only reads: the retention of written entries does not apply.
        this.points = new DynamoDbPointsBook(dynamoDb, tables.pointsLedger(), Duration.ZERO);
    }

    @Override
    public List<String> idsByEmail(String emailKey, int limit) {
        return ids(EMAIL_INDEX, "emailKey", emailKey, limit);
    }

    @Override
    public List<String> idsByPhone(String phoneKey, int limit) {
        return ids(PHONE_INDEX, "phoneKey", phoneKey, limit);
    }

    private List<String> ids(String index, String attribute, String key, int limit) {
        return dynamoDb.query(q -> q.tableName(tables.members()).indexName(index)
                        .keyConditionExpression(attribute + " = :key")
                        .expressionAttributeValues(Map.of(":key", s(key))).limit(limit))
                .items().stream().map(item -> item.get("customerId").s()).toList();
    }

    @Override
    public Page<ArchivedOrder> orders(String customerId, int limit, Optional<String> next) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(tables.orders())
                .keyConditionExpression("customerId = :customer")
                .expressionAttributeValues(Map.of(":customer", s(customerId)))
                .scanIndexForward(false).limit(limit);
        next.ifPresent(orderId -> query.exclusiveStartKey(Map.of("customerId", s(customerId),
                "orderId", s(cursorId(orderId)))));
        QueryResponse response = dynamoDb.query(query.build());
        List<ArchivedOrder> orders = response.items().stream().map(OrderItemMapper::fromItem).toList();
        Optional<String> more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(orders.getLast().orderId()) : Optional.empty();
        return new Page<>(orders, more);
    }

    @Override
    public Optional<PointsAccount> pointsAccount(String customerId) {
        return points.account(customerId, false).map(Revisioned::value);
    }

    @Override
    public boolean pointsRequestApplied(String customerId, String requestKey) {
        return points.requestRecorded(customerId, requestKey);
    }

    @Override
    public List<LedgerEntry> pointsEntries(String customerId, int limit, OptionalLong before) {
        return points.entries(customerId, limit, before);
    }

    @Override
    public List<WinBackJournal.Entry> winBackSteps(String customerId, int limit) {
        return dynamoDb.query(q -> q.tableName(tables.winBack()).keyConditionExpression("customerId = :customer")
                        .expressionAttributeValues(Map.of(":customer", s(customerId)))
                        .scanIndexForward(false).limit(limit))
                .items().stream().map(DynamoDbWinBackJournal::entry).toList();
    }

    @Override
    public List<Greeting> greetings(String customerId) {
        return dynamoDb.query(q -> q.tableName(tables.occasions()).keyConditionExpression("customerId = :customer")
                        .expressionAttributeValues(Map.of(":customer", s(customerId))))
                .items().stream().filter(item -> item.containsKey("greetAt") && item.containsKey("localDate"))
                .map(item -> new Greeting(item.get("kind").s(), LocalDate.parse(item.get("localDate").s()),
                        Instant.parse(item.get("greetAt").s())))
                .toList();
    }

    @Override
    public List<Cart> openCarts(String customerId, int limit) {
        return open(tables.carts(), DynamoDbCarts.OPEN_BY_CUSTOMER, "cartId", customerId, limit).stream()
                .map(item -> CartItemMapper.fromItem(item).value()).toList();
    }

    @Override
    public List<Dispute> openDisputes(String customerId, int limit) {
        return open(tables.disputes(), DynamoDbOpenDisputes.INDEX, "disputeId", customerId, limit).stream()
                .map(item -> DisputeItemMapper.fromItem(item).value()).toList();
    }

    /** The member's items of a sparse {@code OpenByCustomer} index (keys only): the query, then each item. */
    private List<Map<String, AttributeValue>> open(String table, String index, String keyName, String customerId,
                                                   int limit) {
        return dynamoDb.query(q -> q.tableName(table).indexName(index)
                        .keyConditionExpression("openCustomerId = :customer")
                        .expressionAttributeValues(Map.of(":customer", s(customerId))).limit(limit))
                .items().stream().flatMap(key -> item(table, keyName, key.get(keyName).s()).stream()).toList();
    }

    @Override
    public Page<Mail> mails(String customerId, int limit, Optional<String> next) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(tables.sendLedger()).indexName(MAIL_INDEX)
                .keyConditionExpression("customerId = :customer")
                .expressionAttributeValues(Map.of(":customer", s(customerId)))
                .scanIndexForward(false).limit(limit);
        next.ifPresent(cursor -> {
            String[] parts = decode(cursor);
            query.exclusiveStartKey(Map.of("customerId", s(customerId), "settledAt", s(parts[0]),
                    "businessKey", s(parts[1])));
        });
        QueryResponse response = dynamoDb.query(query.build());
        List<Mail> mails = response.items().stream().map(DynamoDbMemberFile::mail).toList();
        Optional<String> more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(encode(mails.getLast())) : Optional.empty();
        return new Page<>(mails, more);
    }

    private Optional<Map<String, AttributeValue>> item(String table, String keyName, String key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table).key(Attributes.key(keyName, key)))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static Mail mail(Map<String, AttributeValue> item) {
        return new Mail(item.get("businessKey").s(), Attributes.string(item, "journey").orElse(""),
                Attributes.string(item, "templateId").orElse(""), Attributes.string(item, "category").orElse(""),
                Attributes.string(item, "status").orElse(""), Attributes.string(item, "reason"),
                Instant.parse(item.get("settledAt").s()),
                Attributes.string(item, "deliveredAt").map(Instant::parse),
                Attributes.string(item, "bouncedAt").map(Instant::parse));
    }

    private static String encode(Mail last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (last.settledAt() + "|" + last.businessKey()).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            if (parts.length == 2) {
                Instant.parse(parts[0]);
                return parts;
            }
        } catch (IllegalArgumentException | java.time.DateTimeException notOurs) {
            // reported below
        }
        throw JsonFields.violation("next", "is not a cursor this list gave");
    }

    private static String cursorId(String orderId) {
        if (!JsonFields.IDENTIFIER.matcher(orderId).matches()) {
            throw JsonFields.violation("next", "is not a cursor this list gave");
        }
        return orderId;
    }
}
