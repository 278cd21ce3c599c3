package dev.storecrm.simulation.platform;

import dev.storecrm.domain.json.tree.ObjectNode;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Stripe's events as its Amazon EventBridge event destination delivers them, built from the
 * full-size samples of {@code events/stripe-adapter/}: {@code detail-type} the event's type,
 * {@code detail} the whole Stripe Event (live mode), {@code data.object} the customer, Checkout
 * Session, refund or dispute with the simulated store's people, ids, amounts and times. Amounts in
 * minor units of the store's currency (Stripe writes it in lower case), times in Unix seconds.
 */
public final class StripePayloads {

    /** The partner event source (and bus) of the sample app the template parameters name in tests. */
    public static final String PARTNER_SOURCE = "aws.partner/stripe.com/ed_61SampleDestination";
    private static final String DIR = "stripe-adapter/";

    /**
     * A Checkout Session of an order or a cart.
     *
     * @param paymentIntent  the order's PaymentIntent ({@code pi_...}), or null for a session not paid
     * @param recoveredFrom  the expired session whose recovery link opened this one, or null
     * @param recoveryUrl    an expired session's recovery link, or null
     * @param promotionsOptIn whether the buyer ticked the promotional e-mail box ({@code consent.promotions})
     */
    public record Session(String id, String customer, Shopper buyer, long totalMinor, String paymentIntent,
                          String recoveredFrom, String recoveryUrl, boolean promotionsOptIn, Instant created,
                          Instant expiresAt) {}

    private final String currency;

    /** @param currency the account's settlement currency (the store's) */
    public StripePayloads(String currency) {
        this.currency = currency.toLowerCase(Locale.ROOT);
    }

    /** The EventBridge event of one Stripe event; {@code previous} is an update's {@code previous_attributes}. */
    public ObjectNode event(String source, String type, String eventId, Instant created, ObjectNode object,
                            ObjectNode previous) {
        ObjectNode event = Samples.copy(DIR + "customer-updated.json");
        event.put("id", Samples.uuid("envelope " + eventId)).put("detail-type", type).put("source", source)
                .put("time", Instant.ofEpochSecond(created.getEpochSecond()).toString());
        ObjectNode detail = (ObjectNode) event.get("detail");
        detail.put("id", eventId).put("type", type).put("created", created.getEpochSecond()).put("livemode", true);
        ((ObjectNode) detail.get("request")).putNull("id").putNull("idempotency_key");
        ObjectNode data = detail.putObject("data");
        data.set("object", object);
        if (previous != null) {
            data.set("previous_attributes", previous);
        }
        return event;
    }

    /** A customer ({@code customer.created}, {@code customer.updated}) with the store's metadata keys. */
    public ObjectNode customer(String id, Shopper shopper, Map<String, String> metadata, Instant created) {
        ObjectNode customer = object("customer-created.json");
        customer.put("id", id).put("email", shopper.email()).put("name", shopper.name()).putNull("phone")
                .put("created", created.getEpochSecond()).put("invoice_prefix", id.substring(id.length() - 8)
                        .toUpperCase(Locale.ROOT));
        ((ObjectNode) customer.get("address")).put("country", shopper.country());
        customer.putArray("preferred_locales").add(shopper.locale());
        ObjectNode keys = customer.putObject("metadata");
        metadata.forEach(keys::put);
        return customer;
    }

    /** {@code checkout.session.completed}: a paid session in payment mode. */
    public ObjectNode completed(Session session) {
        ObjectNode object = session(object("checkout-session-completed.json"), session);
        object.put("status", "complete").put("payment_status", "paid").putNull("after_expiration");
        return object;
    }

    /** {@code checkout.session.expired}: a session left unpaid, with its recovery link if it has one. */
    public ObjectNode expired(Session session) {
        ObjectNode object = session(object("checkout-session-expired.json"), session);
        object.put("status", "expired").put("payment_status", "unpaid").putNull("payment_intent");
        if (session.recoveryUrl() == null) {
            object.putNull("after_expiration");
        } else {
            ((ObjectNode) object.get("after_expiration").get("recovery")).put("url", session.recoveryUrl())
                    .put("expires_at", session.expiresAt().plusSeconds(30L * 24 * 3600).getEpochSecond());
        }
        return object;
    }

    /** {@code refund.created}: a refund that succeeded, of the order's PaymentIntent. */
    public ObjectNode refund(String id, String paymentIntent, long amountMinor, Instant created) {
        ObjectNode refund = object("refund-created.json");
        refund.put("id", id).put("amount", amountMinor).put("currency", currency)
                .put("created", created.getEpochSecond())
                .put("payment_intent", paymentIntent).put("charge", charge(paymentIntent)).put("status", "succeeded")
                .put("balance_transaction", "txn_" + id.substring(3)).put("reason", "requested_by_customer");
        ((ObjectNode) refund.get("metadata")).put("store_refund", id);
        return refund;
    }

    /**
     * A card dispute ({@code charge.dispute.*}).
     *
     * @param status Stripe's ({@code needs_response}, {@code under_review}, {@code won}, {@code lost})
     */
    public ObjectNode dispute(String id, String paymentIntent, long amountMinor, String reason, String status,
                              Instant created, Instant evidenceDueBy) {
        ObjectNode dispute = object("charge-dispute-created.json");
        dispute.put("id", id).put("amount", amountMinor).put("currency", currency)
                .put("created", created.getEpochSecond())
                .put("payment_intent", paymentIntent).put("charge", charge(paymentIntent)).put("reason", reason)
                .put("status", status);
        ((ObjectNode) dispute.get("evidence_details")).put("due_by", evidenceDueBy == null ? 0
                : evidenceDueBy.getEpochSecond());
        return dispute;
    }

    private ObjectNode session(ObjectNode object, Session session) {
        object.put("id", session.id()).put("customer", session.customer()).put("amount_subtotal", session.totalMinor())
                .put("amount_total", session.totalMinor()).put("currency", currency).put("created",
                        session.created().getEpochSecond()).put("expires_at", session.expiresAt().getEpochSecond())
                .put("payment_intent", session.paymentIntent()).put("recovered_from", session.recoveredFrom())
                .put("locale", session.buyer().locale().startsWith("zh") ? "zh" : "en")
                .put("client_reference_id", session.id().substring(8)).putNull("customer_email")
                .put("customer_creation", "always");
        ObjectNode details = Samples.object(object, "customer_details");
        details.put("email", session.buyer().email()).put("name", session.buyer().name()).putNull("phone");
        Samples.object(details, "address").put("country", session.buyer().country());
        ((ObjectNode) object.get("consent")).put("promotions", session.promotionsOptIn() ? "opt_in" : null);
        ((ObjectNode) object.get("metadata")).put("store_cart", session.id());
        object.putArray("discounts");
        ((ObjectNode) object.get("total_details")).put("amount_discount", 0);
        return object;
    }

    private static ObjectNode object(String sample) {
        return (ObjectNode) Samples.copy(DIR + sample).at("/detail/data/object");
    }

    private static String charge(String paymentIntent) {
        return "ch_" + paymentIntent.substring(3);
    }
}
