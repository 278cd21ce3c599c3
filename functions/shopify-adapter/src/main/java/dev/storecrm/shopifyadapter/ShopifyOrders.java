package dev.storecrm.shopifyadapter;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.money.Money;
import dev.storecrm.platform.adapter.CanonicalEvent;
import dev.storecrm.platform.adapter.ContractValues;
import dev.storecrm.platform.adapter.CustomerContacts;
import dev.storecrm.platform.adapter.CustomerIds;
import dev.storecrm.platform.adapter.Mapping;
import dev.storecrm.platform.adapter.OrderOwners;
import dev.storecrm.platform.adapter.Payload;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shopify's order topics: {@code orders/create} (OrderPlaced, and CheckoutCompleted for an order
 * from a checkout), {@code orders/paid} (OrderPaid, with the contact captured at checkout),
 * {@code orders/cancelled} (OrderCancelled) and {@code refunds/create} (OrderRefunded). Orders are
 * {@code shopify:<order id>}; a refund or a dispute names only its order, whose customer (and the contact the
 * checkout captured, for a dispute of a customer who may not be a member) was remembered when the order was placed,
 * paid or cancelled. A payment happened when Shopify triggered {@code orders/paid} (an order
 * paid by bank transfer is paid days after it was processed).
 */
final class ShopifyOrders {

    private final ShopifyMoney money;
    private final OrderOwners owners;
    private final boolean acceptTestPayments;

    /** @param acceptTestPayments whether orders through a test gateway are mapped (a staging stack) */
    ShopifyOrders(ShopifyMoney money, OrderOwners owners, boolean acceptTestPayments) {
        this.money = money;
        this.owners = owners;
        this.acceptTestPayments = acceptTestPayments;
    }

    Mapping created(ShopifyDelivery delivery) {
        Payload order = order(delivery);
        String orderId = orderId(order);
        String customerId = customerId(order);
        CanonicalEvent placed = CanonicalEvent.of(delivery.canonicalId("OrderPlaced"), "OrderPlaced",
                delivery.at(order.optionalDateTime("created_at")), ShopifyDelivery.SOURCE)
                .put("orderId", orderId).put("customerId", customerId)
                .put("total", money.shop(order, "total_price_set"));
        placed.body().set("lines", money.orderLines(order.objects("line_items")));
        Optional<String> cartId = order.optionalId("checkout_id").map(ShopifyCheckouts::cartId);
        placed.put("cartId", cartId.orElse(null));
        ArrayNode coupons = CanonicalEvent.array();
        order.objects("discount_codes").stream().flatMap(code -> code.optionalText("code").stream())
                .filter(ContractValues::couponCode).distinct().limit(20).forEach(coupons::add);
        if (!coupons.isEmpty()) {
            placed.body().set("couponCodes", coupons);
        }
        List<CanonicalEvent> events = new ArrayList<>(List.of(placed));
        cartId.ifPresent(cart -> events.add(CanonicalEvent.of(delivery.canonicalId("CheckoutCompleted"),
                "CheckoutCompleted", delivery.at(order.optionalDateTime("created_at")), ShopifyDelivery.SOURCE)
                .put("cartId", cart).put("orderId", orderId).put("customerId", customerId)));
        return Mapping.publish(events).withOwner(orderId, customerId, CustomerContacts.ofCheckout(contact(order)));
    }

    Mapping paid(ShopifyDelivery delivery) {
        Payload order = order(delivery);
        String orderId = orderId(order);
        String customerId = customerId(order);
        OffsetDateTime paidAt = delivery.at(delivery.triggeredAt().or(() -> order.optionalDateTime("processed_at")));
        CanonicalEvent paid = CanonicalEvent.of(delivery.canonicalId("OrderPaid"), "OrderPaid", paidAt,
                        ShopifyDelivery.SOURCE)
                .put("orderId", orderId).put("customerId", customerId)
                .put("amount", money.shop(order, "total_price_set"));
        ObjectNode contact = contact(order);
        if (!contact.isEmpty()) {
            paid.body().set("customer", contact);
        }
        return Mapping.publish(paid).withOwner(orderId, customerId, CustomerContacts.ofCheckout(contact));
    }

    Mapping cancelled(ShopifyDelivery delivery) {
        Payload order = order(delivery);
        String orderId = orderId(order);
        String customerId = customerId(order);
        OffsetDateTime cancelledAt = delivery.at(order.optionalDateTime("cancelled_at"));
        Optional<String> reason = order.optionalText("cancel_reason")
                .map(r -> ContractValues.cut(r, ContractValues.REASON));
        return Mapping.publish(CanonicalEvent.of(delivery.canonicalId("OrderCancelled"), "OrderCancelled",
                        cancelledAt, ShopifyDelivery.SOURCE)
                .put("orderId", orderId).put("customerId", customerId).put("reason", reason.orElse(null)))
                .withOwner(orderId, customerId, CustomerContacts.ofCheckout(contact(order)));
    }

    /**
     * A refund: the money that went back, in the shop currency. From the successful refund
     * transactions when they are in the shop currency (what actually left the account); otherwise,
     * from the shop-money parts: the refunded lines and their tax, the refunded shipping, less the
     * order adjustments (a shipping refund is a negative adjustment). A refund that returned no
     * money (a restock only) publishes nothing.
     */
    Mapping refunded(ShopifyDelivery delivery) {
        Payload refund = delivery.payload();
        String orderId = "shopify:" + refund.id("order_id");
        String refundId = refund.id("id");
        String customerId = owners.customerOf(orderId).orElseThrow(() -> new InvalidInputException(
                RejectReason.UNKNOWN_ORDER, "refund " + refundId + " is of order " + orderId
                        + ", which the adapter has not seen placed (placed before Shopify was connected?)"));
        Money amount = money.amounts().storeMoney(refundedMajor(refund), "payload");
        if (amount.minor() == 0) {
            return Mapping.ignored("IGNORED_NO_MONEY_REFUNDED");
        }
        OffsetDateTime refundedAt = delivery.at(refund.optionalDateTime("processed_at")
                .or(() -> refund.optionalDateTime("created_at")));
        Optional<String> reason = refund.optionalText("note").map(n -> ContractValues.cut(n, ContractValues.REASON));
        return Mapping.publish(CanonicalEvent.of(delivery.canonicalId("OrderRefunded"), "OrderRefunded",
                        refundedAt, ShopifyDelivery.SOURCE)
                .put("orderId", orderId).put("customerId", customerId).put("refundId", "shopify:" + refundId)
                .put("amount", amount).put("reason", reason.orElse(null)));
    }

    private BigDecimal refundedMajor(Payload refund) {
        BigDecimal transactions = BigDecimal.ZERO;
        boolean allInShopCurrency = true;
        boolean any = false;
        for (Payload transaction : refund.objects("transactions")) {
            if (transaction.optionalText("kind").orElse("").equals("refund")
                    && transaction.optionalText("status").orElse("").equals("success")) {
                any = true;
                String currency = transaction.text("currency");
                if (!currency.equalsIgnoreCase(money.amounts().storeCurrency().getCurrencyCode())) {
                    allInShopCurrency = false;
                    continue;
                }
                transactions = transactions.add(money.amounts().storeDecimal(transaction.text("amount"), currency,
                        transaction.path("amount")));
            }
        }
        if (any && allInShopCurrency) {
            return transactions;
        }
        BigDecimal parts = BigDecimal.ZERO;
        for (Payload line : refund.objects("refund_line_items")) {
            parts = parts.add(money.signedShop(line, "subtotal_set")).add(money.signedShop(line, "total_tax_set"));
        }
        for (Payload shipping : refund.objects("refund_shipping_lines")) {
            parts = parts.add(money.signedShop(shipping, "subtotal_amount_set"));
        }
        for (Payload adjustment : refund.objects("order_adjustments")) {
            parts = parts.subtract(money.signedShop(adjustment, "amount_set"))
                    .subtract(money.signedShop(adjustment, "tax_amount_set"));
        }
        return parts;
    }

    /** The contact the buyer gave at checkout: name, e-mail, phone, language, country. */
    private static ObjectNode contact(Payload order) {
        ObjectNode contact = CanonicalEvent.object();
        Optional<Payload> customer = order.optionalObject("customer");
        Optional<Payload> billing = order.optionalObject("billing_address");
        String name = customer.map(c -> String.join(" ", c.optionalText("first_name").orElse(""),
                c.optionalText("last_name").orElse("")).trim()).filter(n -> !n.isEmpty())
                .or(() -> billing.flatMap(b -> b.optionalText("name"))).orElse(null);
        if (name != null) {
            contact.put("name", ContractValues.cut(name, ContractValues.NAME));
        }
        ContractValues.email(order.optionalText("email").or(() -> order.optionalText("contact_email")))
                .ifPresent(e -> contact.put("email", e));
        ContractValues.phone(customer.flatMap(c -> c.optionalText("phone")).or(() -> order.optionalText("phone")))
                .ifPresent(p -> contact.put("phone", p));
        ContractValues.locale(order.optionalText("customer_locale")).ifPresent(l -> contact.put("locale", l));
        ContractValues.country(billing.or(() -> order.optionalObject("shipping_address"))
                .flatMap(a -> a.optionalText("country_code"))).ifPresent(c -> contact.put("country", c));
        return contact;
    }

    private Payload order(ShopifyDelivery delivery) {
        Payload order = delivery.payload();
        if (order.bool("test") && !acceptTestPayments) {
            throw new InvalidInputException(RejectReason.TEST_DELIVERY,
                    "a test order (placed through a payment gateway in test mode); AcceptTestPayments maps them"
                            + " on a staging stack");
        }
        return order;
    }

    static String orderId(Payload order) {
        return "shopify:" + order.id("id");
    }

    static String customerId(Payload order) {
        Optional<Payload> customer = order.optionalObject("customer");
        return CustomerIds.of("shopify", customer.flatMap(c -> c.optionalId("id")),
                order.optionalText("email").or(() -> order.optionalText("contact_email"))
                        .or(() -> customer.flatMap(c -> c.optionalText("email"))), "the order");
    }
}
