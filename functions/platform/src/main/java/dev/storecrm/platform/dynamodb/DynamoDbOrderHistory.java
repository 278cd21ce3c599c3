package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.l;
import static dev.storecrm.platform.dynamodb.Attributes.m;
import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.event.OrderEvent.Line;
import dev.storecrm.domain.event.OrderEvent.OrderPlaced;
import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.member.ArchivedOrder;
import dev.storecrm.domain.member.OrderHistory;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The transaction history in the OrdersTable: partition key {@code customerId}, sort key
 * {@code orderId}; the sparse index {@code PaidByCustomer} ({@code customerId}, {@code paidStamp},
 * keys only) finds a member's payments in a span of time.
 *
 * <p>A placement sets only its own attributes, guarded by its stamp. The member archive's facts and
 * credits ({@link OrderItemMapper}) are written as the archive saved them, guarded by the member
 * revision that saved them ({@code memberRev}), so a repeated or overtaken write changes nothing.
 */
public final class DynamoDbOrderHistory implements OrderHistory {

    static final String PAID_INDEX = "PaidByCustomer";
    private static final int PAGE = 25;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbOrderHistory(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean recordPlacement(OrderPlaced placed) {
        Update update = new Update().set("placedStamp", s(placed.stamp().encode()))
                .set("placedAt", s(placed.meta().occurredAt().toString()))
                .set("total", n(placed.total().minor()))
                .set("currency", s(placed.total().currency().getCurrencyCode()))
                .set("lines", l(placed.lines().stream().map(DynamoDbOrderHistory::line).toList()))
                .condition("attribute_not_exists(#placedStamp) OR #placedStamp < :placedStamp");
        if (placed.cartId() != null) {
            update.set("cartId", s(placed.cartId()));
        }
        if (!placed.couponCodes().isEmpty()) {
            update.set("couponCodes", l(placed.couponCodes().stream().map(Attributes::s).toList()));
        }
        try {
            dynamoDb.updateItem(update.toRequest(tableName, key(placed.customerId(), placed.orderId())));
            return true;
        } catch (ConditionalCheckFailedException newerPlacementHeld) {
            return false;
        }
    }

    @Override
    public void write(String customerId, Collection<ArchivedOrder> orders, long memberRevision, boolean unwritten) {
        for (ArchivedOrder order : unwritten ? orders : unwritten(customerId, orders, memberRevision)) {
            Update update = new Update();
            OrderItemMapper.attributes(order).forEach(update::set);
            update.set("memberRev", n(memberRevision))
                    .condition("attribute_not_exists(#memberRev) OR #memberRev < :memberRev");
            try {
                dynamoDb.updateItem(update.toRequest(tableName, key(customerId, order.orderId())));
            } catch (ConditionalCheckFailedException writtenAlready) {
                // Another writer took it there first, at this revision or a later one: nothing is owed.
            }
        }
    }

    @Override
    public List<ArchivedOrder> unwritten(String customerId, Collection<ArchivedOrder> orders, long memberRevision) {
        return orders.stream().filter(order -> writtenAt(customerId, order.orderId()) < memberRevision).toList();
    }

    /**
     * The member revision the order's archive attributes were written at, as an eventually
     * consistent read sees it (0 if none): a read that lags only costs a write the condition refuses.
     */
    private long writtenAt(String customerId, String orderId) {
        GetItemResponse response = dynamoDb.getItem(g -> g.tableName(tableName).key(key(customerId, orderId))
                .projectionExpression("memberRev"));
        return response.hasItem() ? Attributes.number(response.item(), "memberRev", 0) : 0;
    }

    @Override
    public Optional<ArchivedOrder> find(String customerId, String orderId) {
        GetItemResponse response = dynamoDb.getItem(g -> g.tableName(tableName).key(key(customerId, orderId))
                .consistentRead(true));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(OrderItemMapper.fromItem(response.item())) : Optional.empty();
    }

    @Override
    public Stream<PaidKey> paid(String customerId, Instant from, Instant to, boolean newestFirst) {
        return dynamoDb.queryPaginator(q -> q.tableName(tableName).indexName(PAID_INDEX)
                        .keyConditionExpression("customerId = :customer AND paidStamp BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(":customer", s(customerId),
                                ":from", s(Stamp.prefix(from)), ":to", s(Stamp.prefix(to))))
                        .scanIndexForward(!newestFirst)
                        .limit(PAGE))
                .items().stream()
                .map(key -> new PaidKey(key.get("orderId").s(), Stamp.decode(key.get("paidStamp").s())));
    }

    @Override
    public List<ArchivedOrder> all(String customerId) {
        return dynamoDb.queryPaginator(q -> q.tableName(tableName).consistentRead(true)
                        .keyConditionExpression("customerId = :customer")
                        .expressionAttributeValues(Map.of(":customer", s(customerId))))
                .items().stream().map(OrderItemMapper::fromItem).toList();
    }

    @Override
    public List<PaidOrder> paidOrders(String customerId) {
        return dynamoDb.queryPaginator(q -> q.tableName(tableName)
                        .keyConditionExpression("customerId = :customer")
                        .filterExpression("attribute_exists(paidAt)")
                        .expressionAttributeValues(Map.of(":customer", s(customerId))))
                .items().stream().map(DynamoDbOrderHistory::paidOrder).toList();
    }

    private static PaidOrder paidOrder(Map<String, AttributeValue> item) {
        ArchivedOrder order = OrderItemMapper.fromItem(item);
        List<String> codes = Attributes.list(item, "couponCodes").stream().map(AttributeValue::s).toList();
        return new PaidOrder(order.orderId(), OffsetDateTime.parse(item.get("paidAt").s()).toInstant(),
                order.facts().netMinor(), codes);
    }

    private static Map<String, AttributeValue> key(String customerId, String orderId) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("customerId", s(customerId));
        key.put("orderId", s(orderId));
        return key;
    }

    private static AttributeValue line(Line line) {
        Map<String, AttributeValue> map = new HashMap<>();
        map.put("sku", s(line.sku()));
        map.put("name", s(line.name()));
        map.put("quantity", n(line.quantity()));
        map.put("unitPrice", n(line.unitPrice().minor()));
        if (line.imageUrl() != null) {
            map.put("imageUrl", s(line.imageUrl()));
        }
        return m(map);
    }
}
