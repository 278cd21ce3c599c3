package dev.storecrm.stripeadapter;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.money.Money;
import dev.storecrm.platform.adapter.Amounts;
import dev.storecrm.platform.adapter.CanonicalEvent;
import dev.storecrm.platform.adapter.DisputeTerms;
import dev.storecrm.platform.adapter.Mapping;
import dev.storecrm.platform.adapter.OrderOwners;
import dev.storecrm.platform.adapter.Payload;
import java.util.Optional;

/**
 * What happens to a Stripe payment after the order: refunds and card disputes. Both name the
 * PaymentIntent ({@code stripe:<pi_...>}, the order's id) but not the customer, who was remembered
 * when the order was placed.
 *
 * <ul>
 *   <li>{@code refund.created}, {@code refund.updated}: OrderRefunded once the refund has
 *       {@code succeeded} (a pending one is published when its update says it succeeded; both name
 *       the same {@code refundId}, which the archive counts once).</li>
 *   <li>{@code charge.dispute.created}: DisputeOpened on the {@code stripe} rule pack, with
 *       {@code evidence_details.due_by} as {@code evidenceDueBy}.</li>
 *   <li>{@code charge.dispute.updated}: DisputeUpdated (the deadline; {@code escalated} once under
 *       review); {@code charge.dispute.closed}: the resolution (won: {@code rejected}; lost:
 *       {@code refunded}; an inquiry closed: {@code withdrawn}); {@code charge.dispute.funds_withdrawn}:
 *       a note that Stripe took the disputed amount from the balance.</li>
 * </ul>
 */
final class StripePayments {

    private final Amounts amounts;
    private final OrderOwners owners;

    StripePayments(Amounts amounts, OrderOwners owners) {
        this.amounts = amounts;
        this.owners = owners;
    }

    Mapping refund(StripeEvent event) {
        Payload refund = event.object();
        String refundId = refund.id("id");
        if (!refund.optionalText("status").orElse("").equals("succeeded")) {
            return Mapping.ignored("IGNORED_REFUND_NOT_SUCCEEDED");
        }
        String orderId = orderId(refund);
        Money amount = amounts.storeMinor(refund.integer("amount"), refund.text("currency"), refund.path("amount"));
        return Mapping.publish(CanonicalEvent.of(event.canonicalId("OrderRefunded"), "OrderRefunded", event.created(),
                        StripeEvent.SOURCE)
                .put("orderId", orderId).put("customerId", owner(orderId, "refund " + refundId))
                .put("refundId", "stripe:" + refundId).put("amount", amount)
                .put("reason", refund.optionalText("reason").orElse(null)));
    }

    Mapping disputeCreated(StripeEvent event) {
        Payload dispute = event.object();
        String disputeId = "stripe:" + dispute.id("id");
        String orderId = orderId(dispute);
        String status = dispute.optionalText("status").orElse("needs_response");
        return Mapping.publish(CanonicalEvent.of(event.canonicalId("DisputeOpened"), "DisputeOpened",
                        dispute.optionalEpochSeconds("created").orElse(event.created()), StripeEvent.SOURCE)
                .put("disputeId", disputeId).put("orderId", orderId)
                .put("customerId", owner(orderId, "dispute " + disputeId))
                .put("channel", "stripe").put("reason", DisputeTerms.reason(dispute.optionalText("reason").orElse("")))
                .put("amount", Amounts.minor(dispute.integer("amount"), dispute.text("currency"),
                        dispute.path("amount")))
                .put("status", DisputeTerms.openStatus(status).orElse("awaiting_seller_confirmation"))
                .put("evidenceDueBy", evidenceDueBy(dispute).orElse(null)));
    }

    Mapping disputeUpdated(StripeEvent event) {
        Payload dispute = event.object();
        String status = dispute.optionalText("status").orElse("");
        Optional<String> resolution = DisputeTerms.resolution(status);
        return Mapping.publish(update(event, dispute)
                .put("status", resolution.isPresent() ? "resolved" : DisputeTerms.updateStatus(status).orElse(null))
                .put("resolution", resolution.orElse(null))
                .put("evidenceDueBy", resolution.isPresent() ? null : evidenceDueBy(dispute).orElse(null)));
    }

    Mapping fundsWithdrawn(StripeEvent event) {
        Payload dispute = event.object();
        Money amount = Amounts.minor(dispute.integer("amount"), dispute.text("currency"), dispute.path("amount"));
        return Mapping.publish(update(event, dispute)
                .put("note", "Stripe withdrew the disputed " + amount + " from the balance")
                .put("evidenceDueBy", evidenceDueBy(dispute).orElse(null)));
    }

    private static CanonicalEvent update(StripeEvent event, Payload dispute) {
        return CanonicalEvent.of(event.canonicalId("DisputeUpdated"), "DisputeUpdated", event.created(),
                StripeEvent.SOURCE).put("disputeId", "stripe:" + dispute.id("id"));
    }

    private String owner(String orderId, String what) {
        return owners.customerOf(orderId).orElseThrow(() -> new InvalidInputException(RejectReason.UNKNOWN_ORDER,
                what + " is of payment " + orderId + ", whose customer the adapter has not seen"
                        + " (paid before Stripe was connected, or not through Checkout)"));
    }

    /** The payment's order: its PaymentIntent, else (a charge made without one) the charge. */
    private static String orderId(Payload paymentObject) {
        return "stripe:" + paymentObject.optionalId("payment_intent").orElseGet(() -> paymentObject.id("charge"));
    }

    /** {@code evidence_details.due_by}; Stripe writes 0 when the bank allows no response. */
    private static Optional<String> evidenceDueBy(Payload dispute) {
        return dispute.optionalObject("evidence_details").flatMap(d -> d.optionalEpochSeconds("due_by"))
                .map(CanonicalEvent::time);
    }
}
