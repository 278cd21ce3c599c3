package dev.storecrm.simulation.platform;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.simulation.platform.StripePayloads.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A store selling through Stripe Checkout: Stripe's events on the partner event bus of its event
 * destination, which the template's StripeAdapterRule listens on. Customers ({@code customer.created},
 * {@code customer.updated}, the profile in the documented metadata keys), carts as Checkout Sessions
 * that expire ({@code checkout.session.expired} with a recovery link, when the buyer agreed to
 * promotional e-mail), orders as paid sessions ({@code checkout.session.completed}: placed and paid
 * at once, a recovered session naming the cart it recovers), refunds ({@code refund.created}) and
 * card disputes ({@code charge.dispute.*}). The store's own site sends the membership (registration
 * and status, which Stripe does not hold) and the disputes of other channels through the signed
 * webhook. Stripe has no cart update, no order placed before payment, no cancellation of an unpaid
 * order and no coupon code on the event: those are counted, not said.
 */
final class StripeVoice extends PlatformVoice {

    private static final String QUEUE = "StripeAdapterQueue";
    private static final Pattern RECOVERY_LINK = Pattern.compile("buy\\.stripe\\.com/r/live_SimRecovery([0-9]+)");
    /** Profile fields and the customer metadata keys that carry them (docs/adapters.md). */
    private static final String[][] METADATA = {{"locale", "locale"}, {"timeZone", "time_zone"},
        {"contactPreference", "contact_preference"}, {"birthday", "birthday"}};

    private final StripePayloads payloads;
    private final IdSequence customers = new IdSequence(1_000_001L);
    private final IdSequence orders = new IdSequence(3_000_001L);
    private final IdSequence carts = new IdSequence(2_000_001L);
    private final IdSequence refunds = new IdSequence(4_000_001L);
    private final IdSequence disputes = new IdSequence(5_000_001L);
    private final Map<String, Map<String, String>> metadata = new HashMap<>();
    private final Set<String> recoverable = new HashSet<>();
    private final Map<String, Intent> placed = new HashMap<>();
    private final Set<String> completed = new HashSet<>();

    StripeVoice(Deliveries deliveries, String currency, Instant goLive) {
        super(deliveries, goLive);
        this.payloads = new StripePayloads(currency);
        this.names = new Intent.Names(id -> "stripe:" + customer(id), id -> "stripe:" + paymentIntent(id),
                id -> "stripe:" + session(id), id -> cardDispute(id) ? "stripe:dp_1Sim" + disputes.of(id) : id);
    }

    @Override
    List<ObjectNode> say(Intent intent) {
        String customer = intent.text("customerId");
        List<ObjectNode> told = null; // the event as it is, unless a case says otherwise
        switch (intent.type()) {
            case "MemberRegistered" -> {
                Map<String, String> keys = metadata.computeIfAbsent(customer, c -> new HashMap<>());
                keys.putAll(keys(intent.profile()));
                send(intent, "customer.created", payloads.customer(customer(customer), shoppers.of(customer), keys,
                        intent.at()), null);
                deliveries.fromBackend("membership: Stripe has customers, not members",
                        BackendEvents.registration(intent, names.customer().apply(customer)));
            }
            case "MemberUpdated" -> {
                Map<String, String> keys = metadata.computeIfAbsent(customer, c -> new HashMap<>());
                Map<String, String> changed = keys(intent.profile());
                if (!changed.isEmpty()) {
                    ObjectNode previous = Samples.JSON.createObjectNode();
                    ObjectNode before = previous.putObject("metadata");
                    changed.keySet().forEach(key -> before.put(key, keys.get(key)));
                    keys.putAll(changed);
                    send(intent, "customer.updated", payloads.customer(customer(customer), shoppers.of(customer), keys,
                            intent.at()), previous);
                }
                BackendEvents.memberPart(intent, names.customer().apply(customer), Set.of("birthdayLunar"), true)
                        .ifPresent(part -> deliveries.fromBackend("membership status, a lunar birthday", part));
            }
            case "CartUpdated" -> told = cart(intent, customer);
            case "OrderPlaced" -> {
                if (!completed.contains(intent.text("orderId"))) {
                    placed.put(intent.text("orderId"), intent); // Stripe says it when the session is paid
                }
                told = List.of();
            }
            case "CheckoutCompleted" -> told = List.of(); // said by the paid session
            case "OrderPaid" -> told = paid(intent, customer);
            case "OrderCancelled" -> {
                Intent order = placed.remove(intent.text("orderId"));
                if (order != null) {
                    send(intent, "checkout.session.expired", payloads.expired(expiredSession("cs_live_SimOpen"
                            + orders.of(intent.text("orderId")), order, null, false)), null);
                }
                deliveries.unsaid("an order cancelled before payment: a Checkout Session that expired unpaid");
                told = List.of();
            }
            case "OrderRefunded" -> send(intent, "refund.created", payloads.refund("re_3Sim" + refunds.of(
                    intent.text("refundId")), paymentIntent(intent.text("orderId")), intent.minor("amount"),
                    intent.at()), null);
            case "DisputeOpened", "DisputeUpdated" -> dispute(intent);
            default -> throw new IllegalArgumentException("the store planned an event of type " + intent.type());
        }
        return told != null ? told : List.of(intent.as(names));
    }

    /** An imported member's profile is their Stripe customer's metadata, which later updates change. */
    @Override
    void imported(Intent intent) {
        if (intent.type().startsWith("Member")) {
            metadata.computeIfAbsent(intent.text("customerId"), c -> new HashMap<>()).putAll(keys(intent.profile()));
        }
    }

    /** A cart is a Checkout Session the buyer left: it expires, recoverable when they agreed to promotional mail. */
    private List<ObjectNode> cart(Intent intent, String customer) {
        String cart = intent.text("cartId");
        if (carts.knows(cart)) {
            deliveries.unsaid("a cart changed: a Checkout Session does not change (Stripe has no cart update)");
            return List.of();
        }
        boolean optIn = shoppers.consents(customer);
        String recovery = "https://buy.stripe.com/r/live_SimRecovery" + carts.of(cart);
        send(intent, "checkout.session.expired", payloads.expired(expiredSession(session(cart), intent, recovery,
                optIn)), null);
        if (!optIn) {
            deliveries.unsaid("a cart of a buyer without marketing consent: Stripe recovers opted-in sessions only");
            return List.of();
        }
        recoverable.add(cart);
        return List.of(intent.as(names), consent(intent, customer));
    }

    /** The paid Checkout Session of an order: placed, paid and checked out at once. */
    private List<ObjectNode> paid(Intent intent, String customer) {
        String order = intent.text("orderId");
        Intent placement = Optional.ofNullable(placed.remove(order)).orElse(intent);
        completed.add(order);
        Optional<String> cart = placement.optional("cartId");
        String recoveredFrom = cart.filter(recoverable::contains).map(this::session).orElse(null);
        boolean optIn = shoppers.consents(customer);
        if (placement.body().has("couponCodes")) {
            deliveries.unsaid("a coupon code: Stripe's session names promotion code ids, not codes");
        }
        String sessionId = "cs_live_SimPaid" + orders.of(order);
        Session session = new Session(sessionId, customer(customer), shoppers.of(customer), intent.minor("amount"),
                paymentIntent(order), recoveredFrom, null, optIn, placement.at(),
                placement.at().plus(Duration.ofHours(24)));
        send(intent, "checkout.session.completed", payloads.completed(session), null);
        ObjectNode placedTold = placement.as(names);
        placedTold.put("type", "OrderPlaced");
        String checkedOut = recoveredFrom != null ? recoveredFrom : sessionId;
        ((ObjectNode) placedTold.get("body")).put("cartId", "stripe:" + checkedOut);
        List<ObjectNode> told = new ArrayList<>(List.of(placedTold, intent.as(names)));
        if (optIn) {
            told.add(consent(intent, customer));
        }
        return told;
    }

    private void dispute(Intent intent) {
        String id = intent.text("disputeId");
        if (!cardDispute(id)) {
            deliveries.fromBackend("a dispute of another channel than Stripe", BackendEvents.whole(intent, names));
            return;
        }
        Intent opening = opening(id);
        String reason = cardReason(opening.text("reason"));
        Instant evidence = opening.optional("evidenceDueBy").map(Instant::parse).orElse(null);
        String dispute = "dp_1Sim" + disputes.of(id);
        String order = paymentIntent(opening.text("orderId"));
        if (intent.type().equals("DisputeOpened")) {
            send(intent, "charge.dispute.created", payloads.dispute(dispute, order, opening.minor("amount"), reason,
                    "needs_response", intent.at(), evidence), null);
            return;
        }
        String status = intent.text("status");
        boolean resolved = status.equals("resolved");
        String stripe = !resolved ? "under_review" : intent.text("resolution").equals("refunded") ? "lost" : "won";
        if (!resolved) {
            deliveries.unsaid("a dispute " + status + ": Stripe says under_review (escalated)");
        }
        ObjectNode previous = Samples.JSON.createObjectNode()
                .put("status", resolved ? "under_review" : "needs_response");
        send(intent, resolved ? "charge.dispute.closed" : "charge.dispute.updated", payloads.dispute(dispute, order,
                opening.minor("amount"), reason, stripe, opening.at(), evidence), previous);
    }

    /** A session the buyer left, expiring at the store's event (opened an hour before). */
    private Session expiredSession(String id, Intent intent, String recoveryUrl, boolean optIn) {
        String customer = intent.text("customerId");
        Instant expired = intent.at();
        return new Session(id, customer(customer), shoppers.of(customer), intent.minor("total"), null, null,
                recoveryUrl, optIn, expired.minus(Duration.ofHours(1)), expired);
    }

    /** The consent a ticked promotional box gives (the adapter publishes it with the cart or the payment). */
    private ObjectNode consent(Intent intent, String customer) {
        String at = intent.event().path("occurredAt").asText();
        ObjectNode event = Samples.JSON.createObjectNode().put("id", intent.id() + "-consent")
                .put("type", "MemberUpdated").put("version", 1).put("occurredAt", at);
        event.putObject("body").put("customerId", names.customer().apply(customer)).putObject("profile")
                .putObject("marketingConsent").put("granted", true).put("at", at)
                .put("source", "stripe-checkout");
        return event;
    }

    /** The metadata keys of the profile fields an event sets (consent as {@code true} or {@code false}). */
    private static Map<String, String> keys(ObjectNode profile) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String[] field : METADATA) {
            if (profile.hasNonNull(field[0])) {
                keys.put(field[1], profile.get(field[0]).asText());
            }
        }
        JsonNode wedding = profile.path("anniversaries").path("wedding");
        if (wedding.isTextual()) {
            keys.put("anniversary_wedding", wedding.asText());
        }
        JsonNode consent = profile.path("marketingConsent").path("granted");
        if (consent.isBoolean()) {
            keys.put("marketing_consent", Boolean.toString(consent.asBoolean()));
        }
        return keys;
    }

    private void send(Intent intent, String type, ObjectNode object, ObjectNode previous) {
        String eventId = "evt_1Sim" + Samples.uuid(intent.id() + " " + type).replace("-", "");
        String bus = StripePayloads.PARTNER_SOURCE;
        deliveries.toPartnerBus(type, payloads.event(bus, type, eventId, intent.at(), object, previous), bus, QUEUE);
    }

    private String customer(String storeId) {
        return "cus_Sim" + customers.of(storeId);
    }

    private String paymentIntent(String storeOrderId) {
        return "pi_3Sim" + orders.of(storeOrderId);
    }

    private String session(String storeCartId) {
        return "cs_live_SimCart" + carts.of(storeCartId);
    }

    @Override
    Optional<String> platformCart(String mailHtml) {
        Matcher link = RECOVERY_LINK.matcher(mailHtml == null ? "" : mailHtml);
        return link.find() ? carts.storeId(Long.parseLong(link.group(1))) : Optional.empty();
    }

}
