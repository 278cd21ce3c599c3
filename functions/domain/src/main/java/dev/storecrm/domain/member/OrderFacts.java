package dev.storecrm.domain.member;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.event.Stamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What the member archive knows of one order (kept in the OrdersTable): its payment, its
 * cancellation, its refunds. Each fact merges commutatively, so facts arriving in any order and
 * any number of times give the same result:
 * <ul>
 *   <li>payment: the <b>earliest</b> wins. A platform that sends the payment of an already paid
 *       order again (days later, with a later timestamp) reports the same purchase, which neither
 *       moves the order's payment time nor makes a new last order;</li>
 *   <li>cancellation: the earliest;</li>
 *   <li>each refund: the latest by stamp, at most {@link ArchiveLimits#REFUNDS_PER_ORDER} refund ids.</li>
 * </ul>
 */
public record OrderFacts(Payment payment, Stamp cancelled, Map<String, Refund> refunds) {

    public static final OrderFacts NONE = new OrderFacts(null, null, Map.of());

    public record Payment(Stamp stamp, long amountMinor) {}

    public record Refund(Stamp stamp, long amountMinor) {}

    public OrderFacts {
        refunds = Map.copyOf(refunds);
    }

    public OrderFacts withPayment(Stamp stamp, long amountMinor) {
        if (payment != null && !payment.stamp().isAfter(stamp)) {
            return this;
        }
        return new OrderFacts(new Payment(stamp, amountMinor), cancelled, refunds);
    }

    public OrderFacts withCancellation(Stamp stamp) {
        if (cancelled != null && cancelled.compareTo(stamp) <= 0) {
            return this;
        }
        return new OrderFacts(payment, stamp, refunds);
    }

    /** @throws InvalidInputException {@code LIMIT_EXCEEDED} for a refund id beyond the per-order limit */
    public OrderFacts withRefund(String refundId, Stamp stamp, long amountMinor) {
        Refund existing = refunds.get(refundId);
        if (existing != null && !stamp.isAfter(existing.stamp())) {
            return this;
        }
        if (existing == null && refunds.size() >= ArchiveLimits.REFUNDS_PER_ORDER) {
            throw new InvalidInputException(RejectReason.LIMIT_EXCEEDED, "OrderRefunded would give the order more than "
                    + ArchiveLimits.REFUNDS_PER_ORDER + " refunds; send one refund with the total instead");
        }
        Map<String, Refund> merged = new HashMap<>(refunds);
        merged.put(refundId, new Refund(stamp, amountMinor));
        OrderFacts refunded = new OrderFacts(payment, cancelled, merged);
        refunded.refundedMinor();
        return refunded;
    }

    /**
     * These facts with another record of the same order's (an archive item and the OrdersTable
     * written before orders moved out of the item), merged by the same rules, as stored: no limit
     * applies to what was already kept.
     */
    public OrderFacts merged(OrderFacts other) {
        boolean useOtherPayment = payment == null
                || (other.payment != null && other.payment.stamp().compareTo(payment.stamp()) < 0);
        Payment earliestPayment = useOtherPayment ? other.payment : payment;
        boolean useOtherCancel = cancelled == null
                || (other.cancelled != null && other.cancelled.compareTo(cancelled) < 0);
        Stamp earliestCancel = useOtherCancel ? other.cancelled : cancelled;
        Map<String, Refund> merged = new HashMap<>(refunds);
        other.refunds.forEach((id, refund) -> merged.merge(id, refund, (a, b) -> b.stamp().isAfter(a.stamp()) ? b : a));
        return new OrderFacts(earliestPayment, earliestCancel, merged);
    }

    public boolean isPaid() {
        return payment != null;
    }

    /** When the order was paid; only meaningful if {@link #isPaid()}. */
    public Instant paidAt() {
        return payment.stamp().at();
    }

    /** @throws InvalidInputException {@code TOTAL_OVERFLOW} if the refunds add up past a long */
    public long refundedMinor() {
        long sum = 0;
        for (Refund refund : refunds.values()) {
            sum = Totals.add(sum, refund.amountMinor(), "the refunds of an order");
        }
        return sum;
    }

    /** What the order is worth to the store now: paid minus refunded, nothing if cancelled. */
    public long netMinor() {
        if (payment == null || cancelled != null) {
            return 0;
        }
        return Math.max(0, payment.amountMinor() - refundedMinor());
    }

    /** Refunded money the archive counts: refunds of a paid order, up to its payment. */
    public long countedRefundMinor() {
        return payment == null ? 0 : Math.min(refundedMinor(), payment.amountMinor());
    }

    /** A purchase that counts for frequency, spend, points and tier: paid, not cancelled, not fully refunded. */
    public boolean counts() {
        return netMinor() > 0;
    }
}
