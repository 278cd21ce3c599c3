package dev.storecrm.domain.referral;

import dev.storecrm.domain.loyalty.OrderPoints;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a referral learns from an order of a referred member, as the member archive tells the ledger
 * ({@link OrderPoints}): who the member names as referrer, the order, when it was paid, and whether it
 * was refunded (any part) or cancelled since.
 */
public record ReferralOrder(String refereeId, Optional<String> referrerId, String orderId, Optional<Instant> paidAt,
                            boolean undone) {

    public ReferralOrder {
        Objects.requireNonNull(refereeId, "refereeId");
        Objects.requireNonNull(referrerId, "referrerId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(paidAt, "paidAt");
    }

    public static ReferralOrder of(OrderPoints points) {
        return new ReferralOrder(points.customerId(), points.referrerId().filter(id -> !id.isBlank()),
                points.orderId(), points.paidAt(), points.cancelled() || points.refundedMinor() > 0);
    }
}
