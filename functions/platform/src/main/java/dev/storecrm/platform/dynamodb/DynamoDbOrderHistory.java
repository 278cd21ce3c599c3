package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.l;
import static dev.storecrm.platform.dynamodb.Attributes.m;
import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.event.OrderEvent;
import dev.storecrm.domain.event.OrderEvent.Line;
import dev.storecrm.domain.event.OrderEvent.OrderCancelled;
import dev.storecrm.domain.event.OrderEvent.OrderPaid;
import dev.storecrm.domain.event.OrderEvent.OrderPlaced;
import dev.storecrm.domain.event.OrderEvent.OrderRefunded;
import dev.storecrm.domain.member.OrderHistory;
import dev.storecrm.domain.money.Money;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The transaction history in the OrdersTable: partition key {@code customerId}, sort key
 * {@code orderId}, so a member's orders are one Query and no index is written.
 *
 * <p>Each event sets only its own attributes, guarded by its stamp (placed and paid: the latest
 * stamp wins; cancelled: the earliest), and refunds are added to a string set of
 * {@code refundId|amount|stamp}. Writes therefore commute and repeat harmlessly.
 */
public final class DynamoDbOrderHistory implements OrderHistory {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbOrderHistory(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean record(OrderEvent event) {
        AttributeValue stamp = s(event.stamp().encode());
        Update update = new Update();
        switch (event) {
            case OrderPlaced placed -> {
                update.set("placedStamp", stamp)
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
            }
            case OrderPaid paid -> update.set("paidStamp", stamp)
                    .set("paidAt", s(paid.meta().occurredAt().toString()))
                    .set("paidAmount", n(paid.amount().minor()))
                    .condition("attribute_not_exists(#paidStamp) OR #paidStamp < :paidStamp");
            case OrderCancelled cancelled -> update.set("cancelledStamp", stamp)
                    .set("cancelledAt", s(cancelled.meta().occurredAt().toString()))
                    .condition("attribute_not_exists(#cancelledStamp) OR #cancelledStamp > :cancelledStamp");
            case OrderRefunded refunded -> update.add("refunds", AttributeValue.fromSs(List.of(
                    refunded.refundId() + "|" + refunded.amount().minor() + "|" + stamp.s())));
        }
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("customerId", s(event.customerId()));
        key.put("orderId", s(event.orderId()));
        try {
            dynamoDb.updateItem(update.toRequest(tableName, key));
            return true;
        } catch (ConditionalCheckFailedException newerFactHeld) {
            return false;
        }
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
        long paid = Attributes.number(item, "paidAmount", 0);
        long net = item.containsKey("cancelledAt") ? 0 : Math.max(0, paid - refunded(item));
        List<String> codes = Attributes.list(item, "couponCodes").stream().map(AttributeValue::s).toList();
        return new PaidOrder(item.get("orderId").s(), OffsetDateTime.parse(item.get("paidAt").s()).toInstant(), net, codes);
    }

    /** The refunds of an order: per refund id the amount of the latest stamp ({@code refundId|amount|stamp}). */
    private static long refunded(Map<String, AttributeValue> item) {
        if (!item.containsKey("refunds")) {
            return 0;
        }
        Map<String, String[]> latest = new HashMap<>();
        for (String refund : item.get("refunds").ss()) {
            String[] parts = refund.split("\\|", 3);
            latest.merge(parts[0], parts, (a, b) -> a[2].compareTo(b[2]) >= 0 ? a : b);
        }
        return Money.total(latest.values().stream().mapToLong(parts -> Long.parseLong(parts[1])));
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
