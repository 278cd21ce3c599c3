package dev.storecrm.woocommerceadapter;

import dev.storecrm.domain.json.JsonFields;
import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.money.Money;
import dev.storecrm.platform.adapter.Amounts;
import dev.storecrm.platform.adapter.CanonicalEvent;
import dev.storecrm.platform.adapter.ContractValues;
import dev.storecrm.platform.adapter.CustomerIds;
import dev.storecrm.platform.adapter.Mapping;
import dev.storecrm.platform.adapter.Payload;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * WooCommerce orders ({@code order.created}, {@code order.updated}). WooCommerce sends the whole
 * order each time, not what changed, so every delivery maps to every fact the order now shows, each
 * with an id derived from the order or refund id (a fact published again is the same event, which
 * the consumers apply once): placed (OrderPlaced); paid once it has a {@code date_paid} (the status
 * moved to processing or completed: OrderPaid, with the billing contact); cancelled (OrderCancelled);
 * each refund in {@code refunds}, partial or full (OrderRefunded), or, for an order refunded with no
 * refund listed, its whole total. Drafts of the block checkout ({@code checkout-draft}) and orders in
 * the trash publish nothing; nor does an order without lines yet (one an administrator is still
 * writing), which is not placed until it has some. Times are WooCommerce's UTC ones ({@code *_gmt}).
 * The REST API serves the same order JSON as the webhooks deliver, so the scheduled reconciliation
 * and the history import map through here too, and publish the same events under the same ids.
 */
public final class WooCommerceOrders {

    static final String SOURCE = "woocommerce-adapter";

    private final Amounts amounts;

    public WooCommerceOrders(Amounts amounts) {
        this.amounts = amounts;
    }

    /** Every fact the order now shows, as canonical events (the webhook's, the reconciliation's, the import's). */
    public Mapping map(Payload order) {
        String status = order.optionalText("status").orElse("pending");
        if (status.equals("checkout-draft") || status.equals("trash")) {
            return Mapping.ignored("IGNORED_" + status.replace('-', '_').toUpperCase(java.util.Locale.ROOT));
        }
        String id = order.id("id");
        String orderId = "woocommerce:" + id;
        String currency = order.text("currency");
        Optional<Payload> billing = order.optionalObject("billing");
        String customerId = CustomerIds.of("woocommerce", order.optionalId("customer_id"),
                billing.flatMap(b -> b.optionalText("email")), "the order");
        Money total = amounts.storeMoney(order.text("total"), currency, order.path("total"));
        OffsetDateTime modified = order.optionalUtcDateTime("date_modified_gmt").orElseGet(() -> created(order));
        List<CanonicalEvent> events = new ArrayList<>();

        ArrayNode lines = lines(order, currency);
        if (!lines.isEmpty()) {
            CanonicalEvent placed = event("woocommerce:order:" + id + ":OrderPlaced", "OrderPlaced", created(order))
                    .put("orderId", orderId).put("customerId", customerId).put("total", total);
            placed.body().set("lines", lines);
            ArrayNode coupons = CanonicalEvent.array();
            order.objects("coupon_lines").stream().flatMap(c -> c.optionalText("code").stream())
                    .filter(ContractValues::couponCode).distinct().limit(20).forEach(coupons::add);
            if (!coupons.isEmpty()) {
                placed.body().set("couponCodes", coupons);
            }
            events.add(placed);
        }

        order.optionalUtcDateTime("date_paid_gmt").ifPresent(paidAt -> {
            CanonicalEvent paid = event("woocommerce:order:" + id + ":OrderPaid", "OrderPaid", paidAt)
                    .put("orderId", orderId).put("customerId", customerId).put("amount", total);
            billing.map(WooCommerceOrders::contact).filter(c -> !c.isEmpty())
                    .ifPresent(c -> paid.body().set("customer", c));
            events.add(paid);
        });
        if (status.equals("cancelled")) {
            events.add(event("woocommerce:order:" + id + ":OrderCancelled", "OrderCancelled", modified)
                    .put("orderId", orderId).put("customerId", customerId));
        }
        List<Payload> refunds = order.objects("refunds");
        for (Payload refund : refunds) {
            String refundId = refund.id("id");
            events.add(event("woocommerce:refund:" + refundId + ":OrderRefunded", "OrderRefunded", modified)
                    .put("orderId", orderId).put("customerId", customerId).put("refundId", "woocommerce:" + refundId)
                    .put("amount", amounts.storeMoney(refund.text("total"), currency, refund.path("total")))
                    .put("reason", refund.optionalText("reason").map(r -> ContractValues.cut(r, ContractValues.REASON))
                            .orElse(null)));
        }
        if (status.equals("refunded") && refunds.isEmpty()) {
            events.add(event("woocommerce:order:" + id + ":OrderRefunded", "OrderRefunded", modified)
                    .put("orderId", orderId).put("customerId", customerId).put("refundId", "woocommerce:order:" + id)
                    .put("amount", total));
        }
        return events.isEmpty() ? Mapping.ignored("IGNORED_NO_LINES") : Mapping.publish(events);
    }

    /** Each line at its price before discounts ({@code subtotal / quantity}), in the order's currency. */
    private ArrayNode lines(Payload order, String currency) {
        ArrayNode lines = CanonicalEvent.array();
        for (Payload item : order.objects("line_items")) {
            long quantity = item.integer("quantity");
            if (quantity <= 0) {
                continue;
            }
            ObjectNode line = lines.addObject();
            String sku = item.optionalText("sku").filter(s -> JsonFields.IDENTIFIER.matcher(s).matches())
                    .or(() -> item.optionalId("variation_id").map(v -> "woocommerce:variation:" + v))
                    .orElseGet(() -> "woocommerce:product:" + item.id("product_id"));
            String name = item.optionalText("name").orElse(sku);
            line.put("sku", sku).put("name", ContractValues.cut(name, ContractValues.LINE_NAME))
                    .put("quantity", quantity);
            line.set("unitPrice", CanonicalEvent.money(amounts.unitPrice(item.text("subtotal"), (int) Math.min(quantity,
                    Integer.MAX_VALUE), currency, item.path("subtotal"))));
            ContractValues.httpsUrl(item.optionalObject("image").flatMap(i -> i.optionalText("src")))
                    .ifPresent(src -> line.put("imageUrl", src));
        }
        return lines;
    }

    static ObjectNode contact(Payload billing) {
        ObjectNode contact = CanonicalEvent.object();
        String name = String.join(" ", billing.optionalText("first_name").orElse(""),
                billing.optionalText("last_name").orElse("")).trim();
        if (!name.isEmpty()) {
            contact.put("name", ContractValues.cut(name, ContractValues.NAME));
        }
        ContractValues.email(billing.optionalText("email")).ifPresent(e -> contact.put("email", e));
        ContractValues.phone(billing.optionalText("phone")).ifPresent(p -> contact.put("phone", p));
        ContractValues.country(billing.optionalText("country")).ifPresent(c -> contact.put("country", c));
        return contact;
    }

    private static OffsetDateTime created(Payload order) {
        return order.optionalUtcDateTime("date_created_gmt")
                .orElseThrow(() -> Payload.violation(order.path("date_created_gmt"), "is required"));
    }

    static CanonicalEvent event(String id, String type, OffsetDateTime at) {
        return CanonicalEvent.of(id, type, at, SOURCE);
    }
}
