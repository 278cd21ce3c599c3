package dev.storecrm.simulation.platform;

import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Shopify's webhooks as its Amazon EventBridge partner event source delivers them, built from the
 * full-size samples of {@code events/shopify-adapter/}: the REST payload of the topic in
 * {@code detail.payload}, the {@code X-Shopify-*} headers in {@code detail.metadata}, every field the
 * sample has, with the simulated store's people, ids, amounts and times. Prices are in the shop's
 * currency, shown in that currency (presentment = shop money); times in the shop's time zone.
 */
public final class ShopifyPayloads {

    public static final String SHOP_DOMAIN = "sample-tea-house.myshopify.com";
    public static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String SHOP_URL = "https://" + SHOP_DOMAIN + "/91740864812";
    /** The partner event source (and bus) of the sample app the template parameters name in tests. */
    public static final String PARTNER_SOURCE = "aws.partner/shopify.com/7010101/storecrm-sample";
    private static final String DIR = "shopify-adapter/";

    /**
     * An order as it stands: {@code paidAt} and {@code cancelledAt} are null until it is paid or cancelled.
     *
     * @param checkoutId the checkout it came from (with its token), or null
     */
    public record Order(long id, long customerId, Shopper buyer, List<Line> lines, long totalMinor, Long checkoutId,
                        String checkoutToken, List<String> discountCodes, Instant createdAt, Instant paidAt,
                        Instant cancelledAt) {}

    private final String currency;

    /** @param currency the shop's currency (the store's) */
    public ShopifyPayloads(String currency) {
        this.currency = currency;
    }

    /** The EventBridge event of one webhook, as the partner event source {@code source} puts it on its bus. */
    public ObjectNode webhook(String source, String topic, String eventId, Instant triggeredAt, ObjectNode payload) {
        ObjectNode event = Samples.copy(DIR + "customers-create.json");
        event.put("id", Samples.uuid("envelope " + eventId)).put("source", source).put("time", second(triggeredAt));
        ObjectNode detail = (ObjectNode) event.get("detail");
        detail.set("payload", payload);
        ((ObjectNode) detail.get("metadata")).put("X-Shopify-Topic", topic)
                .put("X-Shopify-Webhook-Id", Samples.uuid("webhook " + eventId))
                .put("X-Shopify-Triggered-At", triggeredAt.toString()).put("X-Shopify-Event-Id", eventId);
        return event;
    }

    /** A customer with an account ({@code customers/create}, {@code customers/update}). */
    public ObjectNode customer(long id, Shopper shopper, Instant createdAt, Instant updatedAt) {
        ObjectNode customer = payload("customers-create.json");
        person(customer, id, shopper, createdAt, updatedAt);
        address((ObjectNode) customer.get("default_address"), shopper).put("id", id + 1_830_000_000_000L)
                .put("customer_id", id);
        ArrayNode addresses = customer.putArray("addresses");
        addresses.add(customer.get("default_address").deepCopy());
        return customer;
    }

    /** {@code customers/email_marketing_consent_update}: subscribed, or not (never subscribed or withdrawn). */
    public ObjectNode emailConsent(long customerId, String email, boolean subscribed, Instant at) {
        ObjectNode update = payload("customers-email-marketing-consent-update.json");
        update.put("customer_id", customerId).put("email_address", email);
        ((ObjectNode) update.get("email_marketing_consent")).put("state", subscribed ? "subscribed" : "not_subscribed")
                .put("consent_updated_at", time(at));
        return update;
    }

    /** {@code checkouts/create} and {@code checkouts/update}: an open checkout of a customer. */
    public ObjectNode checkout(long id, String token, long customerId, Shopper shopper, List<Line> lines,
                               long totalMinor, Instant createdAt, Instant updatedAt) {
        ObjectNode checkout = payload("checkouts-create.json");
        checkout.put("id", id).put("token", token).put("cart_token", "c1-" + token).put("email", shopper.email())
                .put("created_at", time(createdAt)).put("updated_at", time(updatedAt)).put("currency", currency)
                .put("presentment_currency", currency).put("customer_locale", shopper.locale()).put("name", "#" + id)
                .put("abandoned_checkout_url", recoveryUrl(token)).put("total_discounts", "0.00")
                .put("total_tax", "0.00").put("total_price", Samples.decimal(totalMinor))
                .put("subtotal_price", Samples.decimal(totalMinor))
                .put("total_line_items_price", Samples.decimal(totalMinor));
        ObjectNode template = (ObjectNode) checkout.get("line_items").get(0);
        ArrayNode items = checkout.putArray("line_items");
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            ObjectNode item = template.deepCopy();
            items.add(item);
            item.put("key", token.substring(0, 24) + String.format("%08x", i)).put("sku", line.sku())
                    .put("title", line.name()).put("presentment_title", line.name()).put("quantity", line.quantity())
                    .put("price", Samples.decimal(line.unitMinor()))
                    .put("variant_price", Samples.decimal(line.unitMinor()))
                    .put("line_price", Samples.decimal(line.unitMinor() * line.quantity()))
                    .put("product_id", product(line.sku())).put("variant_id", variant(line.sku()));
        }
        person((ObjectNode) checkout.get("customer"), customerId, shopper, createdAt, updatedAt);
        return checkout;
    }

    /** The link Shopify's abandoned checkout e-mail would use, which the store's cart reminder uses too. */
    public static String recoveryUrl(String token) {
        return SHOP_URL + "/checkouts/ac/" + token + "/recover?key=" + token.substring(0, 16);
    }

    /** The order as {@code orders/create}, {@code orders/paid} and {@code orders/cancelled} send it. */
    public ObjectNode order(Order order) {
        ObjectNode p = payload("orders-create.json");
        long number = 1000 + order.id() % 1_000_000;
        String token = String.format("%032x", order.id());
        Instant updated = order.cancelledAt() != null ? order.cancelledAt()
                : order.paidAt() != null ? order.paidAt() : order.createdAt();
        p.put("id", order.id()).put("admin_graphql_api_id", "gid://shopify/Order/" + order.id())
                .put("name", "#" + number).put("number", number - 1000).put("order_number", number)
                .put("confirmation_number", "SIM" + Long.toString(order.id() % 1_000_000_000L, 36)
                        .toUpperCase(Locale.ROOT))
                .put("token", token).put("order_status_url", SHOP_URL + "/orders/" + token + "/authenticate?key=sim")
                .put("created_at", time(order.createdAt())).put("processed_at", time(order.createdAt()))
                .put("updated_at", time(updated)).put("email", order.buyer().email())
                .put("contact_email", order.buyer().email()).put("customer_locale", order.buyer().locale())
                .put("currency", currency).put("presentment_currency", currency).put("phone", (String) null)
                .put("cancelled_at", order.cancelledAt() == null ? null : time(order.cancelledAt()))
                .put("cancel_reason", order.cancelledAt() == null ? null : "customer")
                .put("financial_status", order.cancelledAt() != null ? "voided"
                        : order.paidAt() != null ? "paid" : "pending")
                .put("checkout_token", order.checkoutToken()).put("cart_token", (String) null);
        if (order.checkoutId() == null) {
            p.putNull("checkout_id");
        } else {
            p.put("checkout_id", order.checkoutId());
        }
        ((ObjectNode) p.get("client_details")).put("accept_language", order.buyer().locale());
        ArrayNode codes = p.putArray("discount_codes");
        order.discountCodes().forEach(code -> codes.addObject().put("code", code).put("amount", "0.00")
                .put("type", "fixed_amount"));
        p.putArray("discount_applications");
        p.putArray("shipping_lines");
        p.putArray("tax_lines");
        ObjectNode template = (ObjectNode) p.get("line_items").get(0);
        ArrayNode items = p.putArray("line_items");
        long itemsTotal = 0;
        for (int i = 0; i < order.lines().size(); i++) {
            Line line = order.lines().get(i);
            itemsTotal += line.unitMinor() * line.quantity();
            ObjectNode item = template.deepCopy();
            long id = order.id() * 10 + i;
            item.put("id", id).put("admin_graphql_api_id", "gid://shopify/LineItem/" + id).put("name", line.name())
                    .put("title", line.name()).put("sku", line.sku()).put("quantity", line.quantity())
                    .put("current_quantity", line.quantity()).put("fulfillable_quantity", line.quantity())
                    .put("product_id", product(line.sku())).put("variant_id", variant(line.sku()));
            money(item, "price", line.unitMinor());
            money(item, "total_discount", 0);
            item.putArray("discount_allocations");
            items.add(item);
        }
        for (String total : List.of("total_price", "current_total_price", "subtotal_price", "current_subtotal_price")) {
            money(p, total, order.totalMinor());
        }
        money(p, "total_line_items_price", itemsTotal);
        money(p, "total_outstanding", order.paidAt() != null || order.cancelledAt() != null ? 0 : order.totalMinor());
        for (String none : List.of("total_discounts", "current_total_discounts", "total_tax", "current_total_tax",
                "total_shipping_price", "current_shipping_price")) {
            money(p, none, 0);
        }
        person((ObjectNode) p.get("customer"), order.customerId(), order.buyer(), order.createdAt(), updated);
        address((ObjectNode) p.get("billing_address"), order.buyer());
        address((ObjectNode) p.get("shipping_address"), order.buyer());
        shopMoneyShown(p);
        return p;
    }

    /** {@code refunds/create}: money back to the buyer, in the shop's currency, not tied to lines. */
    public ObjectNode refund(long id, long orderId, long amountMinor, String note, Instant at) {
        ObjectNode refund = payload("refunds-create.json");
        refund.put("id", id).put("order_id", orderId).put("created_at", time(at)).put("processed_at", time(at))
                .put("note", note).put("admin_graphql_api_id", "gid://shopify/Refund/" + id);
        ObjectNode transaction = (ObjectNode) refund.get("transactions").get(0);
        transaction.put("id", id + 6_500_000_000_000L).put("order_id", orderId)
                .put("amount", Samples.decimal(amountMinor))
                .put("currency", currency).put("created_at", time(at)).put("processed_at", time(at))
                .put("admin_graphql_api_id", "gid://shopify/OrderTransaction/" + (id + 6_500_000_000_000L));
        refund.putArray("transactions").add(transaction);
        refund.putArray("refund_line_items");
        refund.putArray("order_adjustments");
        shopMoneyShown(refund);
        return refund;
    }

    /**
     * {@code disputes/create} and {@code disputes/update}: a Shopify Payments chargeback.
     *
     * @param status Shopify's ({@code needs_response}, {@code under_review}, {@code won}, {@code lost})
     */
    public ObjectNode dispute(long id, long orderId, long amountMinor, String reason, String status, Instant initiated,
                              Instant evidenceDueBy, Instant finalizedOn) {
        ObjectNode dispute = payload("disputes-create.json");
        dispute.put("id", id).put("order_id", orderId).put("amount", Samples.decimal(amountMinor))
                .put("currency", currency).put("reason", reason).put("status", status)
                .put("initiated_at", time(initiated))
                .put("evidence_due_by", evidenceDueBy == null ? null : time(evidenceDueBy))
                .put("finalized_on", finalizedOn == null ? null : time(finalizedOn));
        return dispute;
    }

    private static ObjectNode payload(String sample) {
        return (ObjectNode) Samples.copy(DIR + sample).get("detail").get("payload");
    }

    private static void person(ObjectNode customer, long id, Shopper shopper, Instant created, Instant updated) {
        customer.put("id", id).put("email", shopper.email()).put("first_name", shopper.firstName())
                .put("last_name", shopper.lastName()).put("phone", (String) null).put("state", "enabled")
                .put("created_at", time(created)).put("updated_at", time(updated))
                .put("admin_graphql_api_id", "gid://shopify/Customer/" + id);
        if (customer.get("default_address") instanceof ObjectNode address) {
            address(address, shopper).put("customer_id", id);
        }
    }

    private static ObjectNode address(ObjectNode address, Shopper shopper) {
        String country = Locale.of("", shopper.country()).getDisplayCountry(Locale.ENGLISH);
        address.put("first_name", shopper.firstName()).put("last_name", shopper.lastName())
                .put("name", shopper.name()).put("phone", (String) null).put("country_code", shopper.country())
                .put("country", country);
        if (address.has("country_name")) {
            address.put("country_name", country);
        }
        return address;
    }

    /** A money field and its {@code _set} ({@code price}, {@code price_set}). */
    private void money(ObjectNode parent, String field, long minor) {
        if (parent.has(field)) {
            parent.put(field, Samples.decimal(minor));
        }
        ObjectNode set = parent.putObject(field + "_set");
        set.putObject("shop_money").put("amount", Samples.decimal(minor)).put("currency_code", currency);
        set.set("presentment_money", set.get("shop_money").deepCopy());
    }

    /** Every amount of the payload shown to the buyer as in the shop (the samples' buyer paid in USD). */
    private static void shopMoneyShown(JsonNode node) {
        if (node instanceof ObjectNode object && object.has("shop_money") && object.has("presentment_money")) {
            object.set("presentment_money", object.get("shop_money").deepCopy());
        }
        node.forEach(ShopifyPayloads::shopMoneyShown);
    }

    private static long product(String sku) {
        return 9_782_000_000_000L + Math.floorMod(sku.hashCode(), 1_000_000);
    }

    private static long variant(String sku) {
        return product(sku) + 40_000_000_000_000L;
    }

    static String time(Instant at) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.truncatedTo(ChronoUnit.SECONDS).atZone(SHOP_ZONE)
                .toOffsetDateTime());
    }

    private static String second(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
