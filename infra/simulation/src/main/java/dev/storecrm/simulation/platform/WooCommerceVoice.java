package dev.storecrm.simulation.platform;

import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.platform.adapter.SignedDeliveries;
import dev.storecrm.simulation.platform.WooCommercePayloads.Order;
import dev.storecrm.simulation.platform.WooCommercePayloads.Refund;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A WooCommerce store: its webhooks POSTed to the adapter's function URL, each signed with the
 * webhook secret the local cloud generated ({@code X-WC-Webhook-Signature}). Customer accounts
 * ({@code customer.created}) and orders ({@code order.created}, then {@code order.updated} with the
 * whole order each time it is paid, cancelled or refunded). WooCommerce has no carts, no marketing
 * consent and no disputes, and its customer no language, time zone, birthday or anniversaries: the
 * store's backend sends those through the signed webhook (a cart plugin's carts and checkouts, the
 * membership programme's profile and status, the payment provider's and marketplaces' disputes).
 */
final class WooCommerceVoice extends PlatformVoice {

    private static final String ADAPTER = "WooCommerceAdapterFunction";
    private static final Set<String> EXTRAS = Set.of("locale", "timeZone", "contactPreference", "birthday",
            "birthdayLunar", "anniversaries", "marketingConsent");

    private final WooCommercePayloads payloads;
    private final IdSequence customers = new IdSequence(1001);
    private final IdSequence orders = new IdSequence(5001);
    private final IdSequence refunds = new IdSequence(90_001);
    private final Map<String, Order> known = new HashMap<>();
    private byte[] secret;

    WooCommerceVoice(Deliveries deliveries, String currency, Instant goLive) {
        super(deliveries, goLive);
        this.payloads = new WooCommercePayloads(currency);
        this.names = new Intent.Names(id -> "woocommerce:" + customers.of(id), id -> "woocommerce:" + orders.of(id),
                UnaryOperator.identity(), UnaryOperator.identity());
    }

    @Override
    List<ObjectNode> say(Intent intent) {
        String customer = intent.text("customerId");
        switch (intent.type()) {
            case "MemberRegistered" -> {
                send(intent, "customer.created", payloads.customer(customers.of(customer), shoppers.of(customer),
                        intent.at(), intent.at()));
                BackendEvents.memberPart(intent, names.customer().apply(customer), EXTRAS, false).ifPresent(part ->
                        deliveries.fromBackend("profile fields a WooCommerce customer has no field for", part));
            }
            case "MemberUpdated" -> BackendEvents.memberPart(intent, names.customer().apply(customer), EXTRAS, true)
                    .ifPresent(part -> deliveries.fromBackend("profile fields and membership status", part));
            case "CartUpdated", "CheckoutCompleted" -> deliveries.fromBackend("a cart plugin: WooCommerce has no"
                    + " cart webhooks", BackendEvents.whole(intent, names));
            case "OrderPlaced" -> {
                Order before = known.get(intent.text("orderId"));
                Order order = new Order(orders.of(intent.text("orderId")), customers.of(customer),
                        shoppers.of(customer), intent.lines(), intent.minor("total"), intent.codes(), intent.at(),
                        before == null ? null : before.paidAt(), before == null ? null : before.cancelledAt(),
                        before == null ? List.of() : before.refunds(),
                        before == null ? intent.at() : before.modifiedAt());
                known.put(intent.text("orderId"), order);
                send(intent, "order.created", payloads.order(order));
            }
            case "OrderPaid" -> send(intent, "order.updated", payloads.order(change(intent, intent.at(), null, null)));
            case "OrderCancelled" -> send(intent, "order.updated",
                    payloads.order(change(intent, null, intent.at(), null)));
            case "OrderRefunded" -> send(intent, "order.updated", payloads.order(change(intent, null, null,
                    new Refund(refunds.of(intent.text("refundId")), intent.text("reason"), intent.minor("amount")))));
            case "DisputeOpened", "DisputeUpdated" -> deliveries.fromBackend("a dispute: WooCommerce has none",
                    BackendEvents.whole(intent, names));
            default -> throw new IllegalArgumentException("the store planned an event of type " + intent.type());
        }
        ObjectNode heard = intent.as(names);
        if (intent.type().equals("OrderPlaced")) {
            ((ObjectNode) heard.get("body")).remove("cartId"); // a WooCommerce order names no cart
        }
        return List.of(heard);
    }

    /** The whole order after a change (WooCommerce sends all of it); an order not yet told as far as known. */
    private Order change(Intent intent, Instant paidAt, Instant cancelledAt, Refund refund) {
        String storeOrder = intent.text("orderId");
        String customer = intent.text("customerId");
        Order before = known.computeIfAbsent(storeOrder, o -> new Order(orders.of(o), customers.of(customer),
                shoppers.of(customer), List.of(new Line("SKU-SIM", "Sample tea", 1, intent.minor("amount"))),
                intent.minor("amount"), List.of(), intent.at(), null, null, List.of(), intent.at()));
        List<Refund> refunds = new ArrayList<>(before.refunds());
        if (refund != null && refunds.stream().noneMatch(r -> r.id() == refund.id())) {
            refunds.add(refund);
        }
        Instant modified = intent.at().isAfter(before.modifiedAt()) ? intent.at() : before.modifiedAt();
        Order after = new Order(before.id(), before.customerId(), before.buyer(), before.lines(), before.totalMinor(),
                before.couponCodes(), before.createdAt(), paidAt != null ? paidAt : before.paidAt(),
                cancelledAt != null ? cancelledAt : before.cancelledAt(), refunds, modified);
        known.put(storeOrder, after);
        return after;
    }

    private void send(Intent intent, String topic, ObjectNode body) {
        if (secret == null) {
            secret = deliveries.secret("WooCommerceWebhookSecret");
        }
        String deliveryId = Samples.uuid(intent.id() + " " + topic);
        WooCommercePayloads.Delivery delivery = payloads.delivery(topic, deliveryId, body);
        deliveries.toUrl(topic, ADAPTER, SignedDeliveries.wooCommerce(delivery.headers(), delivery.body().toString(),
                secret, deliveryId), Set.of());
    }

    @Override
    Optional<String> platformCart(String mailHtml) {
        return Optional.empty(); // the cart plugin's links are the store's own
    }

}
