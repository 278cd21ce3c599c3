package dev.storecrm.domain.member;

import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.money.Money;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What the member archive knows of one order: its payment, its cancellation, its refunds. Each
 * fact merges commutatively (payment and each refund: last writer by stamp; cancellation: the
 * earliest), so facts arriving in any order and any number of times give the same result.
 */
public record OrderFacts(Payment payment, Stamp cancelled, Map<String, Refund> refunds) {

    public static final OrderFacts NONE = new OrderFacts(null, null, Map.of());

    public record Payment(Stamp stamp, long amountMinor) {}

    public record Refund(Stamp stamp, long amountMinor) {}

    public OrderFacts {
        refunds = Map.copyOf(refunds);
    }

    public OrderFacts withPayment(Stamp stamp, long amountMinor) {
        if (payment != null && !stamp.isAfter(payment.stamp())) {
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

    public OrderFacts withRefund(String refundId, Stamp stamp, long amountMinor) {
        Refund existing = refunds.get(refundId);
        if (existing != null && !stamp.isAfter(existing.stamp())) {
            return this;
        }
        Map<String, Refund> merged = new HashMap<>(refunds);
        merged.put(refundId, new Refund(stamp, amountMinor));
        return new OrderFacts(payment, cancelled, merged);
    }

    public boolean isPaid() {
        return payment != null;
    }

    /** When the order was paid; only meaningful if {@link #isPaid()}. */
    public Instant paidAt() {
        return payment.stamp().at();
    }

    public long refundedMinor() {
        return Money.total(refunds.values().stream().mapToLong(Refund::amountMinor));
    }

    /** What the order is worth to the store now: paid minus refunded, nothing if cancelled. */
    public long netMinor() {
        if (payment == null || cancelled != null) {
            return 0;
        }
        return Math.max(0, payment.amountMinor() - refundedMinor());
    }

    /** A purchase that counts for frequency, spend, points and tier: paid, not cancelled, not fully refunded. */
    public boolean counts() {
        return netMinor() > 0;
    }
}
