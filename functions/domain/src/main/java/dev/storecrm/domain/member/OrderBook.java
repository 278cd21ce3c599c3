package dev.storecrm.domain.member;

import dev.storecrm.domain.event.Stamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The member's orders as the archive keeps them (the OrdersTable): one order by id, or the paid
 * ones in a span of payment time. The archive reads the one order an event is about; it reads a
 * span only where an event changes what earlier payments are worth (a late status change, a moved
 * enrolment) or takes away the first or last of a kind (the last order cancelled), so what it reads
 * follows what the event changes, not the length of the history.
 */
public interface OrderBook {

    /** The earliest payment time a span may start at. */
    Instant BEGINNING = Instant.EPOCH;

    /** A payment time after every real one, to end an open span. */
    Instant END = Instant.parse("9999-12-31T23:59:59Z");

    /** The order (a consistent read); empty if the archive never heard of it. */
    Optional<ArchivedOrder> find(String customerId, String orderId);

    /** A paid order as the payment-time index names it. */
    record PaidKey(String orderId, Stamp paidStamp) {}

    /**
     * The customer's paid orders whose payment time is in [{@code from}, {@code to}), ordered by
     * payment stamp (newest first if asked), read lazily from an index: stop consuming and no more
     * is read. Each is read with {@link #find} where it is needed.
     */
    Stream<PaidKey> paid(String customerId, Instant from, Instant to, boolean newestFirst);

    /**
     * This book, with the orders the member's last save carried ({@code saved}) answered from
     * memory: the member holds them as they are, so they need not be read again.
     */
    default OrderBook knowing(Collection<ArchivedOrder> saved) {
        Map<String, ArchivedOrder> byId = new HashMap<>();
        saved.forEach(order -> byId.put(order.orderId(), order));
        OrderBook book = this;
        return new OrderBook() {
            @Override
            public Optional<ArchivedOrder> find(String customerId, String orderId) {
                ArchivedOrder known = byId.get(orderId);
                return known != null ? Optional.of(known) : book.find(customerId, orderId);
            }

            @Override
            public Stream<PaidKey> paid(String customerId, Instant from, Instant to, boolean newestFirst) {
                return book.paid(customerId, from, to, newestFirst);
            }
        };
    }
}
