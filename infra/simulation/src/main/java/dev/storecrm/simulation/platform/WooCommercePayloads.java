package dev.storecrm.simulation.platform;

import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * WooCommerce's webhook deliveries (REST API v3 resources), built from the full-size samples of
 * {@code events/woocommerce-adapter/}: the headers WooCommerce sends ({@code X-WC-Webhook-Topic},
 * {@code -Delivery-ID}, ...) and the whole customer or order as it now stands, with the simulated
 * store's people, ids, amounts and times (local and {@code _gmt}). Unsigned: the sender signs the
 * body with the webhook secret ({@code SignedDeliveries.wooCommerce}).
 */
public final class WooCommercePayloads {

    private static final String DIR = "woocommerce-adapter/";
    private static final String REST = "https://shop.example.com/wp-json/wc/v3/";
    private static final ZoneId STORE_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WOOCOMMERCE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final Map<String, String> WEBHOOK_IDS = Map.of("order.created", "41", "order.updated", "42",
            "customer.created", "43", "customer.updated", "44");

    /** A delivery before signing. */
    public record Delivery(Map<String, String> headers, ObjectNode body) {}

    /** A refund of an order: WooCommerce lists it with a negative total. */
    public record Refund(long id, String reason, long amountMinor) {}

    /**
     * An order as it stands: {@code paidAt} and {@code cancelledAt} null until paid or cancelled.
     *
     * @param modifiedAt its last change
     */
    public record Order(long id, long customerId, Shopper buyer, List<Line> lines, long totalMinor,
                        List<String> couponCodes, Instant createdAt, Instant paidAt, Instant cancelledAt,
                        List<Refund> refunds, Instant modifiedAt) {}

    private final String currency;

    public WooCommercePayloads(String currency) {
        this.currency = currency;
    }

    /** A delivery of a topic ({@code order.updated}), with the delivery id WooCommerce gives it. */
    public Delivery delivery(String topic, String deliveryId, ObjectNode body) {
        Map<String, String> headers = new HashMap<>();
        Samples.copy(DIR + "order-created.json").get("headers").properties()
                .forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
        headers.put("X-WC-Webhook-Topic", topic);
        headers.put("X-WC-Webhook-Resource", topic.substring(0, topic.indexOf('.')));
        headers.put("X-WC-Webhook-Event", topic.substring(topic.indexOf('.') + 1));
        headers.put("X-WC-Webhook-ID", WEBHOOK_IDS.getOrDefault(topic, "45"));
        headers.put("X-WC-Webhook-Delivery-ID", deliveryId);
        return new Delivery(headers, body);
    }

    /** A customer account ({@code customer.created}, {@code customer.updated}). */
    public ObjectNode customer(long id, Shopper shopper, Instant created, Instant modified) {
        ObjectNode customer = body("customer-created.json");
        customer.put("id", id).put("email", shopper.email()).put("first_name", shopper.firstName())
                .put("last_name", shopper.lastName()).put("username", "member." + id);
        times(customer, "date_created", created);
        times(customer, "date_modified", modified);
        contact((ObjectNode) customer.get("billing"), shopper).put("email", shopper.email());
        contact((ObjectNode) customer.get("shipping"), shopper);
        customer.put("is_paying_customer", false);
        ((ObjectNode) customer.at("/_links/self/0")).put("href", REST + "customers/" + id);
        return customer;
    }

    /** An order ({@code order.created}, {@code order.updated}): the whole order as it now stands. */
    public ObjectNode order(Order order) {
        ObjectNode body = body(order.refunds().isEmpty() ? "order-created.json" : "order-updated-partial-refund.json");
        String status = order.cancelledAt() != null ? "cancelled" : order.paidAt() != null ? "processing" : "pending";
        body.put("id", order.id()).put("number", Long.toString(order.id())).put("status", status)
                .put("currency", currency).put("customer_id", order.customerId())
                .put("total", Samples.decimal(order.totalMinor())).put("discount_total", "0.00")
                .put("shipping_total", "0.00").put("order_key", "wc_order_Sim" + order.id())
                .put("cart_hash", String.format("%032x", order.id())).put("needs_payment", order.paidAt() == null)
                .put("transaction_id", order.paidAt() == null ? "" : "sim-" + order.id());
        times(body, "date_created", order.createdAt());
        times(body, "date_modified", order.modifiedAt());
        times(body, "date_paid", order.paidAt());
        times(body, "date_completed", null);
        contact((ObjectNode) body.get("billing"), order.buyer()).put("email", order.buyer().email());
        contact((ObjectNode) body.get("shipping"), order.buyer());
        ObjectNode template = (ObjectNode) body.get("line_items").get(0);
        ArrayNode items = body.putArray("line_items");
        for (int i = 0; i < order.lines().size(); i++) {
            Line line = order.lines().get(i);
            String subtotal = Samples.decimal(line.unitMinor() * line.quantity());
            items.add(template.deepCopy().put("id", order.id() * 10 + i).put("name", line.name()).put("sku", line.sku())
                    .put("product_id", 90 + Math.floorMod(line.sku().hashCode(), 900)).put("quantity", line.quantity())
                    .put("subtotal", subtotal).put("total", subtotal).put("price", line.unitMinor() / 100.0));
        }
        body.putArray("shipping_lines");
        ArrayNode coupons = body.putArray("coupon_lines");
        for (int i = 0; i < order.couponCodes().size(); i++) {
            coupons.addObject().put("id", order.id() * 10 + 9 - i).put("code", order.couponCodes().get(i))
                    .put("discount", "0.00").put("discount_tax", "0.00").put("discount_type", "fixed_cart");
        }
        ArrayNode refunds = body.putArray("refunds");
        order.refunds().forEach(r -> refunds.addObject().put("id", r.id()).put("reason", r.reason())
                .put("total", "-" + Samples.decimal(r.amountMinor())));
        ((ObjectNode) body.at("/_links/self/0")).put("href", REST + "orders/" + order.id());
        ((ObjectNode) body.at("/_links/customer/0")).put("href", REST + "customers/" + order.customerId());
        return body;
    }

    private static ObjectNode body(String sample) {
        return (ObjectNode) Samples.copy(DIR + sample).get("body");
    }

    private static ObjectNode contact(ObjectNode address, Shopper shopper) {
        return address.put("first_name", shopper.firstName()).put("last_name", shopper.lastName())
                .put("country", shopper.country()).put("phone", "");
    }

    /** A time as WooCommerce writes it twice: in the store's time zone and in UTC ({@code _gmt}), no offset. */
    private static void times(ObjectNode resource, String field, Instant at) {
        if (at == null) {
            resource.putNull(field).putNull(field + "_gmt");
            return;
        }
        Instant second = at.truncatedTo(ChronoUnit.SECONDS);
        resource.put(field, WOOCOMMERCE_TIME.format(LocalDateTime.ofInstant(second, STORE_ZONE)))
                .put(field + "_gmt", WOOCOMMERCE_TIME.format(LocalDateTime.ofInstant(second, ZoneOffset.UTC)));
    }
}
