package dev.storecrm.shopifyadapter;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.platform.adapter.Amounts;
import dev.storecrm.platform.adapter.CanonicalEvent;
import dev.storecrm.platform.adapter.DisputeTerms;
import dev.storecrm.platform.adapter.Mapping;
import dev.storecrm.platform.adapter.OrderOwners;
import dev.storecrm.platform.adapter.Payload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shopify Payments disputes ({@code disputes/create}, {@code disputes/update}), chargebacks and
 * inquiries alike, on the {@code shopify} rule pack. The opening is DisputeOpened with the order,
 * its customer (remembered when the order was placed: a dispute names only the order), the
 * reason and status in the contract's terms ({@link DisputeTerms}), the disputed amount in its own
 * currency and {@code evidence_due_by} as {@code evidenceDueBy}. An update is DisputeUpdated: the
 * evidence deadline, {@code escalated} once under review, and the resolution once won or lost.
 */
final class ShopifyDisputes {

    private final OrderOwners owners;

    ShopifyDisputes(OrderOwners owners) {
        this.owners = owners;
    }

    Mapping opened(ShopifyDelivery delivery) {
        Payload dispute = delivery.payload();
        String disputeId = "shopify:" + dispute.id("id");
        String orderId = "shopify:" + dispute.id("order_id");
        String customerId = owners.customerOf(orderId).orElseThrow(() -> new InvalidInputException(
                RejectReason.UNKNOWN_ORDER, "dispute " + disputeId + " is of order " + orderId
                        + ", whose customer the adapter has not seen"
                        + " (pending contract v2: a dispute without a member)"));
        String status = dispute.optionalText("status").orElse("needs_response");
        CanonicalEvent opened = CanonicalEvent.of(delivery.canonicalId("DisputeOpened"), "DisputeOpened",
                        delivery.at(dispute.optionalDateTime("initiated_at")), ShopifyDelivery.SOURCE)
                .put("disputeId", disputeId).put("orderId", orderId).put("customerId", customerId)
                .put("channel", "shopify").put("reason", DisputeTerms.reason(dispute.optionalText("reason").orElse("")))
                .put("amount", Amounts.money(dispute.text("amount"), dispute.text("currency"), dispute.path("amount")))
                .put("status", DisputeTerms.openStatus(status).orElse("awaiting_seller_confirmation"))
                .put("evidenceDueBy", evidenceDueBy(dispute).orElse(null));
        List<CanonicalEvent> events = new ArrayList<>(List.of(opened));
        resolution(delivery, dispute, disputeId, status).ifPresent(events::add);
        return Mapping.publish(events);
    }

    Mapping updated(ShopifyDelivery delivery) {
        Payload dispute = delivery.payload();
        String disputeId = "shopify:" + dispute.id("id");
        String status = dispute.optionalText("status").orElse("");
        Optional<CanonicalEvent> resolved = resolution(delivery, dispute, disputeId, status);
        if (resolved.isPresent()) {
            return Mapping.publish(resolved.get());
        }
        return Mapping.publish(CanonicalEvent.of(delivery.canonicalId("DisputeUpdated"), "DisputeUpdated",
                        delivery.at(Optional.empty()), ShopifyDelivery.SOURCE)
                .put("disputeId", disputeId).put("status", DisputeTerms.updateStatus(status).orElse(null))
                .put("evidenceDueBy", evidenceDueBy(dispute).orElse(null)));
    }

    private static Optional<CanonicalEvent> resolution(ShopifyDelivery delivery, Payload dispute, String disputeId,
                                                       String status) {
        return DisputeTerms.resolution(status).map(resolution -> CanonicalEvent.of(
                        delivery.canonicalId("DisputeUpdated"), "DisputeUpdated",
                        delivery.at(dispute.optionalDateTime("finalized_on")), ShopifyDelivery.SOURCE)
                .put("disputeId", disputeId).put("status", "resolved").put("resolution", resolution));
    }

    private static Optional<String> evidenceDueBy(Payload dispute) {
        return dispute.optionalDateTime("evidence_due_by").map(CanonicalEvent::time);
    }
}
