package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.m;
import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.member.ArchivedOrder;
import dev.storecrm.domain.member.Credit;
import dev.storecrm.domain.member.OrderFacts;
import dev.storecrm.domain.member.OrderFacts.Payment;
import dev.storecrm.domain.member.OrderFacts.Refund;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Explicit mapping of what the member archive keeps of an order, in two shapes.
 *
 * <p>On the OrdersTable item: {@code paidStamp} (S, the key of the {@code PaidByCustomer} index),
 * {@code paidAt} (S), {@code paidAmount} (N); {@code cancelledStamp}, {@code cancelledAt} (S);
 * {@code refunds} (SS {@code refundId|amount|stamp}); the credit {@code pointsMultiplier} and
 * {@code points} (N, absent on orders written before credits were kept); {@code memberRev} (N, the
 * member revision that wrote them).
 *
 * <p>Compact, in the member item's {@code unsettled} map (and in the {@code orders} map of items
 * written before orders moved out): {@code p} {@code amount|stamp}, {@code c} stamp, {@code r} map
 * refundId to {@code amount|stamp}, {@code m} and {@code pt} the credit.
 */
public final class OrderItemMapper {

    private OrderItemMapper() {}

    /** A whole OrdersTable item for the order, as written at member revision {@code memberRevision} (bulk loads). */
    public static Map<String, AttributeValue> toItem(String customerId, ArchivedOrder order, long memberRevision) {
        Map<String, AttributeValue> item = attributes(order);
        item.put("customerId", s(customerId));
        item.put("orderId", s(order.orderId()));
        item.put("memberRev", n(memberRevision));
        return item;
    }

    /** The order's attributes on its OrdersTable item. */
    static Map<String, AttributeValue> attributes(ArchivedOrder order) {
        Map<String, AttributeValue> item = new HashMap<>();
        OrderFacts facts = order.facts();
        if (facts.isPaid()) {
            item.put("paidStamp", s(facts.payment().stamp().encode()));
            item.put("paidAt", s(facts.paidAt().toString()));
            item.put("paidAmount", n(facts.payment().amountMinor()));
        }
        if (facts.cancelled() != null) {
            item.put("cancelledStamp", s(facts.cancelled().encode()));
            item.put("cancelledAt", s(facts.cancelled().at().toString()));
        }
        if (!facts.refunds().isEmpty()) {
            List<String> refunds = new ArrayList<>();
            facts.refunds().forEach((id, refund) -> refunds.add(id + "|" + refund.amountMinor() + "|"
                    + refund.stamp().encode()));
            item.put("refunds", AttributeValue.fromSs(refunds));
        }
        order.credit().ifPresent(credit -> {
            item.put("pointsMultiplier", AttributeValue.fromN(credit.multiplier().toPlainString()));
            item.put("points", n(credit.points()));
            if (credit.memberDay()) {
                item.put("memberDay", AttributeValue.fromBool(true));
            }
        });
        return item;
    }

    /** The order an OrdersTable item holds. */
    public static ArchivedOrder fromItem(Map<String, AttributeValue> item) {
        Payment payment = item.containsKey("paidStamp")
                ? new Payment(Stamp.decode(item.get("paidStamp").s()), Attributes.number(item, "paidAmount", 0)) : null;
        Stamp cancelled = Attributes.string(item, "cancelledStamp").map(Stamp::decode).orElse(null);
        Map<String, Refund> refunds = new HashMap<>();
        if (item.containsKey("refunds")) {
            for (String refund : item.get("refunds").ss()) {
                String[] parts = refund.split("\\|", 3);
                latest(refunds, parts[0], new Refund(Stamp.decode(parts[2]), Long.parseLong(parts[1])));
            }
        }
        OrderFacts facts = new OrderFacts(payment, cancelled, refunds);
        Optional<Credit> credit = item.containsKey("pointsMultiplier")
                ? Optional.of(new Credit(new BigDecimal(item.get("pointsMultiplier").n()),
                        Attributes.number(item, "points", 0),
                        item.containsKey("memberDay") && Boolean.TRUE.equals(item.get("memberDay").bool())))
                : Optional.empty();
        return new ArchivedOrder(item.get("orderId").s(), facts, credit);
    }

    /** The compact form, for a map on the member item. */
    public static Map<String, AttributeValue> compact(ArchivedOrder order) {
        Map<String, AttributeValue> map = compactFacts(order.facts());
        order.credit().ifPresent(credit -> {
            map.put("m", AttributeValue.fromN(credit.multiplier().toPlainString()));
            map.put("pt", n(credit.points()));
            if (credit.memberDay()) {
                map.put("md", AttributeValue.fromBool(true));
            }
        });
        return map;
    }

    public static ArchivedOrder fromCompact(String orderId, Map<String, AttributeValue> map) {
        Optional<Credit> credit = map.containsKey("m")
                ? Optional.of(new Credit(new BigDecimal(map.get("m").n()), Long.parseLong(map.get("pt").n()),
                        map.containsKey("md") && Boolean.TRUE.equals(map.get("md").bool())))
                : Optional.empty();
        return new ArchivedOrder(orderId, factsFromCompact(map), credit);
    }

    private static Map<String, AttributeValue> compactFacts(OrderFacts facts) {
        var map = new HashMap<String, AttributeValue>();
        if (facts.payment() != null) {
            map.put("p", s(facts.payment().amountMinor() + "|" + facts.payment().stamp().encode()));
        }
        if (facts.cancelled() != null) {
            map.put("c", s(facts.cancelled().encode()));
        }
        if (!facts.refunds().isEmpty()) {
            var refunds = new HashMap<String, AttributeValue>();
            facts.refunds().forEach((id, refund) ->
                    refunds.put(id, s(refund.amountMinor() + "|" + refund.stamp().encode())));
            map.put("r", m(refunds));
        }
        return map;
    }

    /** Facts as stored: read as they are, whatever limit applies to new input. */
    static OrderFacts factsFromCompact(Map<String, AttributeValue> map) {
        Payment payment = null;
        if (map.containsKey("p")) {
            String[] parts = map.get("p").s().split("\\|", 2);
            payment = new Payment(Stamp.decode(parts[1]), Long.parseLong(parts[0]));
        }
        Stamp cancelled = map.containsKey("c") ? Stamp.decode(map.get("c").s()) : null;
        Map<String, Refund> refunds = new HashMap<>();
        if (map.containsKey("r")) {
            for (var refund : map.get("r").m().entrySet()) {
                String[] parts = refund.getValue().s().split("\\|", 2);
                refunds.put(refund.getKey(), new Refund(Stamp.decode(parts[1]), Long.parseLong(parts[0])));
            }
        }
        return new OrderFacts(payment, cancelled, refunds);
    }

    /** Items written before kept every version of a refund: the latest by stamp is the refund. */
    private static void latest(Map<String, Refund> refunds, String refundId, Refund refund) {
        Refund held = refunds.get(refundId);
        if (held == null || refund.stamp().isAfter(held.stamp())) {
            refunds.put(refundId, refund);
        }
    }
}
