package dev.storecrm.domain.member;

import dev.storecrm.domain.event.OrderEvent;
import java.time.Instant;
import java.util.List;

/**
 * The transaction history of the customer archive: one entry per order with what each order event
 * said. Recording is idempotent and order-independent: each fact is kept by its stamp.
 */
public interface OrderHistory {

    /** Records the event's facts; false when the history already held a newer version of them. */
    boolean record(OrderEvent event);

    /** A paid order as reports see it: when it was paid, and what it is worth after refunds (0 if cancelled). */
    record PaidOrder(String orderId, Instant paidAt, long netMinor, List<String> couponCodes) {}

    /** The paid orders of a customer (one query on the customer's partition). */
    List<PaidOrder> paidOrders(String customerId);
}
