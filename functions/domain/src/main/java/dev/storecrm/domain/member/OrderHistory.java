package dev.storecrm.domain.member;

import dev.storecrm.domain.event.OrderEvent.OrderPlaced;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The transaction history of the customer archive (the OrdersTable): one entry per order with what
 * its placement said, and the facts and credit the member archive keeps of it ({@link OrderBook}).
 */
public interface OrderHistory extends OrderBook {

    /** Records what the placement said; false when the history already held a newer placement. */
    boolean recordPlacement(OrderPlaced placed);

    /**
     * Writes the orders' facts and credits as the member archive saved them at member revision
     * {@code memberRevision}; an order already written at that revision or a later one is left as
     * it is, so a write repeated (or overtaken by a later one) changes nothing.
     *
     * @param unwritten false when some may have been written already (read first, to spare the write)
     */
    void write(String customerId, Collection<ArchivedOrder> orders, long memberRevision, boolean unwritten);

    /**
     * Those of the orders not yet written at member revision {@code memberRevision} or a later one
     * (what a write left undone, to be finished), as a read that may lag sees it: an order it wrongly
     * thinks unwritten costs only a write the revision guard refuses.
     */
    List<ArchivedOrder> unwritten(String customerId, Collection<ArchivedOrder> orders, long memberRevision);

    /** Every order of the customer (one query): to convert an archive item written before orders moved out of it. */
    List<ArchivedOrder> all(String customerId);

    /** A paid order as reports see it: when it was paid, and what it is worth after refunds (0 if cancelled). */
    record PaidOrder(String orderId, Instant paidAt, long netMinor, List<String> couponCodes) {}

    /** The paid orders of a customer (one query on the customer's partition). */
    List<PaidOrder> paidOrders(String customerId);
}
