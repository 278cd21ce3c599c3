package dev.storecrm.domain.member;

import dev.storecrm.domain.event.OrderEvent;

/**
 * The transaction history of the customer archive: one entry per order with what each order event
 * said. Recording is idempotent and order-independent: each fact is kept by its stamp.
 */
public interface OrderHistory {

    /** Records the event's facts; false when the history already held a newer version of them. */
    boolean record(OrderEvent event);
}
