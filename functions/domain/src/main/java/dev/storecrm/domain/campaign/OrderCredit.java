package dev.storecrm.domain.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the lift report has taken from one order: whether and when it was paid and for how much, the refunds
 * already counted (by refund id, so a refund delivered twice counts once, and a refund before the payment is
 * kept until the payment comes), and the assignments its net revenue was credited to. Its bounds: at most
 * {@link #MAX_REFUNDS} refunds and {@link #MAX_CREDITED} assignments (one per journey step open for the member).
 *
 * @param paidAt        when the order was paid; null while no payment arrived
 * @param creditedKeys  the business keys of the assignments credited with {@link #net()}
 */
public record OrderCredit(String orderId, String customerId, long paidMinor, Instant paidAt, long refundedMinor,
                          List<String> refundIds, List<String> creditedKeys) {

    public static final int MAX_REFUNDS = 50;
    public static final int MAX_CREDITED = 50;

    public OrderCredit {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        refundIds = List.copyOf(refundIds);
        creditedKeys = List.copyOf(creditedKeys);
        if (paidMinor < 0 || refundedMinor < 0) {
            throw new IllegalArgumentException("amounts cannot be negative");
        }
        if (refundIds.size() > MAX_REFUNDS || creditedKeys.size() > MAX_CREDITED) {
            throw new IllegalArgumentException("an order counts at most " + MAX_REFUNDS + " refunds and "
                    + MAX_CREDITED + " assignments");
        }
    }

    /** An order of which nothing has been counted yet. */
    public static OrderCredit none(String orderId, String customerId) {
        return new OrderCredit(orderId, customerId, 0, null, 0, List.of(), List.of());
    }

    public boolean paid() {
        return paidAt != null;
    }

    /** The revenue the order brings: paid less refunded, never below 0; 0 before the payment. */
    public long net() {
        return paid() ? Math.max(0, paidMinor - refundedMinor) : 0;
    }
}
