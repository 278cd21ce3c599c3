package dev.storecrm.platform.adapter;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Card-network dispute words (Shopify Payments and Stripe use the same ones) in the contract's
 * terms. Reasons: goods not received and not as described are the buyer's claims the care team
 * answers with the shipment or the product; a subscription the buyer cancelled or a dispute the
 * buyer opened for their own reasons is {@code buyer_reason}; fraud, duplicates, processing errors
 * and anything new are {@code other}. Statuses: waiting for the seller's answer is
 * {@code awaiting_seller_confirmation}; under the bank's review is {@code escalated} (the platform
 * has stepped in); won (the buyer's claim rejected), lost, refunded or accepted (the buyer got the
 * money) and an inquiry closed without a chargeback ({@code withdrawn}) resolve the dispute.
 */
public final class DisputeTerms {

    private static final Set<String> AWAITING_SELLER = Set.of("needs_response", "warning_needs_response");
    private static final Set<String> UNDER_REVIEW = Set.of("under_review", "warning_under_review");
    private static final Set<String> BUYER_WON = Set.of("lost", "charge_refunded", "accepted");
    private static final Set<String> WITHDRAWN = Set.of("warning_closed", "prevented");

    private DisputeTerms() {}

    public static String reason(String platformReason) {
        return switch (platformReason == null ? "" : platformReason.toLowerCase(Locale.ROOT)) {
            case "product_not_received" -> "not_received";
            case "product_unacceptable" -> "not_as_described";
            case "subscription_canceled", "customer_initiated", "credit_not_processed" -> "buyer_reason";
            default -> "other";
        };
    }

    /** The status of a dispute still open, for its opening; empty for a resolved or unknown one. */
    public static Optional<String> openStatus(String platformStatus) {
        if (AWAITING_SELLER.contains(platformStatus)) {
            return Optional.of("awaiting_seller_confirmation");
        }
        return UNDER_REVIEW.contains(platformStatus) ? Optional.of("escalated") : Optional.empty();
    }

    /**
     * The status an update reports: only a move forward ({@code escalated}); waiting for the seller
     * again is not reported, since a dispute the seller has answered does not go back.
     */
    public static Optional<String> updateStatus(String platformStatus) {
        return UNDER_REVIEW.contains(platformStatus) ? Optional.of("escalated") : Optional.empty();
    }

    /** How a resolved dispute ended: {@code rejected} (the store won), {@code refunded}, {@code withdrawn}. */
    public static Optional<String> resolution(String platformStatus) {
        if ("won".equals(platformStatus)) {
            return Optional.of("rejected");
        }
        if (BUYER_WON.contains(platformStatus)) {
            return Optional.of("refunded");
        }
        return WITHDRAWN.contains(platformStatus) ? Optional.of("withdrawn") : Optional.empty();
    }
}
