package dev.storecrm.domain.loyalty;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * The ledger's record of one order (one item per order): what the order's entries have credited so
 * far ({@code earned}, {@code bonus}: the archive's pricing at {@code memberRevision}, whatever
 * could be collected of a reversal), the order's money facts, and its redemption, if the checkout
 * made one. A member revision older than the one held changes nothing.
 */
public record OrderPointsState(String orderId, long memberRevision, long earned, long bonus, long paidMinor,
                               long refundedMinor, boolean cancelled, Optional<Redemption> redemption) {

    public OrderPointsState {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(redemption, "redemption");
    }

    /** An order the ledger has heard nothing of. */
    public static OrderPointsState unseen(String orderId) {
        return new OrderPointsState(orderId, 0, 0, 0, 0, 0, false, Optional.empty());
    }

    /** Cancelled or refunded in full: no redemption can go on, and a confirmed one is returned in full. */
    public boolean closed() {
        return cancelled || (paidMinor > 0 && refundedMinor >= paidMinor);
    }

    /**
     * The redeemed points the order's refunds give back: all of them once it is closed, else the
     * refunded share of the payment, rounded down (none while the payment is unknown).
     */
    public long returnDue() {
        Optional<Redemption> confirmed = redemption.filter(r -> r.status() == Redemption.Status.CONFIRMED);
        if (confirmed.isEmpty()) {
            return 0;
        }
        long points = confirmed.get().points();
        if (closed()) {
            return points;
        }
        return paidMinor == 0 ? 0 : BigInteger.valueOf(points).multiply(BigInteger.valueOf(refundedMinor))
                .divide(BigInteger.valueOf(paidMinor)).longValueExact();
    }

    public OrderPointsState withRedemption(Redemption changed) {
        return new OrderPointsState(orderId, memberRevision, earned, bonus, paidMinor, refundedMinor, cancelled,
                Optional.of(changed));
    }
}
