package dev.storecrm.simulation.platform;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.simulation.platform.ShopifyPayloads.Order;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A store on Shopify: its webhooks on the partner event bus the template's ShopifyAdapterRule
 * listens on. Customers with accounts ({@code customers/create}) and their e-mail consent (its own
 * topic), checkouts ({@code checkouts/create|update}, a cart reminder links to Shopify's
 * {@code abandoned_checkout_url}), orders ({@code orders/create|paid|cancelled}, {@code refunds/create})
 * and Shopify Payments chargebacks ({@code disputes/create|update}, the store's card disputes). The
 * store's backend sends, through the signed webhook, what Shopify's customer has no field for
 * (language, time zone, contact preference, birthday, anniversaries, membership status) and the
 * disputes of other channels (a marketplace's, the store's own returns desk).
 */
final class ShopifyVoice extends PlatformVoice {

    private static final String QUEUE = "ShopifyAdapterQueue";
    private static final Set<String> EXTRAS = Set.of("locale", "timeZone", "contactPreference", "birthday",
            "birthdayLunar", "anniversaries");
    private static final Pattern CHECKOUT_LINK = Pattern.compile("/checkouts/ac/([0-9a-f]{32})/recover");

    private final ShopifyPayloads payloads;
    private final IdSequence customers = new IdSequence(7_290_122_400_000L);
    private final IdSequence orders = new IdSequence(5_820_167_200_000L);
    private final IdSequence checkouts = new IdSequence(38_572_049_400_000L);
    private final IdSequence refunds = new IdSequence(929_400_000L);
    private final IdSequence disputes = new IdSequence(598_800_000L);
    private final Map<String, Instant> checkoutCreated = new HashMap<>();
    private final Map<String, Order> placed = new HashMap<>();

    ShopifyVoice(Deliveries deliveries, String currency, Instant goLive) {
        super(deliveries, goLive);
        this.payloads = new ShopifyPayloads(currency);
        this.names = new Intent.Names(id -> "shopify:" + customers.of(id), id -> "shopify:" + orders.of(id),
                id -> "shopify:checkout:" + checkouts.of(id),
                id -> cardDispute(id) ? "shopify:" + disputes.of(id) : id);
    }

    @Override
    List<ObjectNode> say(Intent intent) {
        String customer = intent.text("customerId");
        switch (intent.type()) {
            case "MemberRegistered" -> {
                long id = customers.of(customer);
                Shopper shopper = shoppers.of(customer);
                send(intent, "customers/create", payloads.customer(id, shopper, intent.at(), intent.at()));
                consent(intent, id, shopper);
                BackendEvents.memberPart(intent, names.customer().apply(customer), EXTRAS, false)
                        .ifPresent(part -> deliveries.fromBackend("profile fields Shopify's customer has no field for",
                                part));
            }
            case "MemberUpdated" -> {
                consent(intent, customers.of(customer), shoppers.of(customer));
                BackendEvents.memberPart(intent, names.customer().apply(customer), EXTRAS, true)
                        .ifPresent(part -> deliveries.fromBackend("profile fields and membership status", part));
            }
            case "CartUpdated" -> {
                String cart = intent.text("cartId");
                boolean created = !checkoutCreated.containsKey(cart);
                Instant since = checkoutCreated.computeIfAbsent(cart, c -> intent.at());
                long id = checkouts.of(cart);
                send(intent, created ? "checkouts/create" : "checkouts/update", payloads.checkout(id, token(id),
                        customers.of(customer), shoppers.of(customer), intent.lines(), intent.minor("total"), since,
                        intent.at()));
            }
            case "OrderPlaced" -> {
                Order known = placed.get(intent.text("orderId"));
                Optional<String> cart = intent.optional("cartId");
                Order order = new Order(orders.of(intent.text("orderId")), customers.of(customer),
                        shoppers.of(customer), intent.lines(), intent.minor("total"),
                        cart.map(checkouts::of).orElse(null),
                        cart.map(c -> token(checkouts.of(c))).orElse(null), intent.codes(), intent.at(),
                        known == null ? null : known.paidAt(), known == null ? null : known.cancelledAt());
                placed.put(intent.text("orderId"), order);
                send(intent, "orders/create", payloads.order(order));
            }
            case "CheckoutCompleted" -> {
                return List.of(); // orders/create of the checkout's order says it (CheckoutCompleted from checkout_id)
            }
            case "OrderPaid" -> send(intent, "orders/paid", payloads.order(update(intent, intent.at(), null)));
            case "OrderCancelled" -> send(intent, "orders/cancelled",
                    payloads.order(update(intent, null, intent.at())));
            case "OrderRefunded" -> send(intent, "refunds/create", payloads.refund(
                    refunds.of(intent.text("refundId")), orders.of(intent.text("orderId")), intent.minor("amount"),
                    intent.text("reason"), intent.at()));
            case "DisputeOpened", "DisputeUpdated" -> dispute(intent);
            default -> throw new IllegalArgumentException("the store planned an event of type " + intent.type());
        }
        return List.of(intent.as(names));
    }

    private void consent(Intent intent, long customerId, Shopper shopper) {
        JsonNode granted = intent.profile().path("marketingConsent").path("granted");
        if (granted.isBoolean()) {
            send(intent, "customers/email_marketing_consent_update",
                    payloads.emailConsent(customerId, shopper.email(), granted.asBoolean(), intent.at()));
        }
    }

    private void dispute(Intent intent) {
        String id = intent.text("disputeId");
        if (!cardDispute(id)) {
            deliveries.fromBackend("a dispute of another channel than Shopify Payments",
                    BackendEvents.whole(intent, names));
            return;
        }
        Intent opening = opening(id);
        long order = orders.of(opening.text("orderId"));
        Instant evidence = opening.optional("evidenceDueBy").map(Instant::parse).orElse(null);
        String reason = cardReason(opening.text("reason"));
        if (intent.type().equals("DisputeOpened")) {
            send(intent, "disputes/create", payloads.dispute(disputes.of(id), order, intent.minor("amount"), reason,
                    "needs_response", intent.at(), evidence, null));
            return;
        }
        String status = intent.text("status");
        String shopify = !status.equals("resolved") ? "under_review"
                : intent.text("resolution").equals("refunded") ? "lost" : "won";
        if (!status.equals("resolved")) {
            deliveries.unsaid("a dispute " + status + ": Shopify says under_review (escalated)");
        }
        send(intent, "disputes/update", payloads.dispute(disputes.of(id), order, opening.minor("amount"), reason,
                shopify, opening.at(), evidence, status.equals("resolved") ? intent.at() : null));
    }

    /** The order with its payment or cancellation; an order not yet told (a late delivery) as far as known. */
    private Order update(Intent intent, Instant paidAt, Instant cancelledAt) {
        String storeOrder = intent.text("orderId");
        String customer = intent.text("customerId");
        Order known = placed.computeIfAbsent(storeOrder, o -> new Order(orders.of(o), customers.of(customer),
                shoppers.of(customer), List.of(new Line("SKU-SIM", "Sample tea", 1, intent.minor("amount"))),
                intent.minor("amount"), null, null, List.of(), intent.at(), null, null));
        Order changed = new Order(known.id(), known.customerId(), known.buyer(), known.lines(), known.totalMinor(),
                known.checkoutId(), known.checkoutToken(), known.discountCodes(), known.createdAt(),
                paidAt != null ? paidAt : known.paidAt(), cancelledAt != null ? cancelledAt : known.cancelledAt());
        placed.put(storeOrder, changed);
        return changed;
    }

    /** A webhook of the store's event, triggered when it happened (the delivery may be later). */
    private void send(Intent intent, String topic, ObjectNode payload) {
        String eventId = Samples.uuid(intent.id() + " " + topic);
        String bus = ShopifyPayloads.PARTNER_SOURCE;
        deliveries.toPartnerBus(topic, payloads.webhook(bus, topic, eventId, intent.at(), payload), bus, QUEUE);
    }

    private static String token(long checkoutId) {
        return String.format("%032x", checkoutId);
    }

    @Override
    Optional<String> platformCart(String mailHtml) {
        Matcher link = CHECKOUT_LINK.matcher(mailHtml == null ? "" : mailHtml);
        return link.find() ? checkouts.storeId(Long.parseLong(link.group(1), 16)) : Optional.empty();
    }

}
