package dev.storecrm.domain.member;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A member's paid orders in payment order, as they stand while an event is applied: the order
 * book's, with the orders this application changed ({@code changed}) in their new state, and the
 * latest payments the member item names ({@code recent}) read by id, since an order paid a moment
 * ago may not be in the book's payment-time index yet.
 */
final class PaymentsView {

    private final OrderBook book;
    private final String customerId;
    private final Map<String, ArchivedOrder> changed;
    private final List<String> recent;

    PaymentsView(OrderBook book, String customerId, Map<String, ArchivedOrder> changed, List<String> recent) {
        this.book = book;
        this.customerId = customerId;
        this.changed = changed;
        this.recent = recent;
    }

    /** Paid orders with a payment time in [{@code from}, {@code to}), by payment stamp, read lazily. */
    Stream<ArchivedOrder> paid(Instant from, Instant to, boolean newestFirst) {
        Comparator<ArchivedOrder> byPayment = Comparator.comparing(o -> o.facts().payment().stamp());
        Comparator<ArchivedOrder> order = newestFirst ? byPayment.reversed() : byPayment;
        List<ArchivedOrder> known = new ArrayList<>(changed.values());
        for (String orderId : recent) {
            if (!changed.containsKey(orderId)) {
                book.find(customerId, orderId).ifPresent(known::add);
            }
        }
        Set<String> knownIds = known.stream().map(ArchivedOrder::orderId).collect(Collectors.toSet());
        List<ArchivedOrder> extra = known.stream().filter(o -> inRange(o, from, to)).sorted(order).toList();
        Iterator<ArchivedOrder> indexed = book.paid(customerId, from, to, newestFirst)
                .filter(o -> !knownIds.contains(o.orderId())).iterator();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(
                new Merge(indexed, extra.iterator(), order), Spliterator.ORDERED), false);
    }

    private static boolean inRange(ArchivedOrder order, Instant from, Instant to) {
        return order.facts().isPaid() && !order.facts().paidAt().isBefore(from) && order.facts().paidAt().isBefore(to);
    }

    /** Two sorted sequences as one. */
    private static final class Merge implements Iterator<ArchivedOrder> {
        private final Iterator<ArchivedOrder> a;
        private final Iterator<ArchivedOrder> b;
        private final Comparator<ArchivedOrder> order;
        private ArchivedOrder nextA;
        private ArchivedOrder nextB;

        Merge(Iterator<ArchivedOrder> a, Iterator<ArchivedOrder> b, Comparator<ArchivedOrder> order) {
            this.a = a;
            this.b = b;
            this.order = order;
        }

        @Override
        public boolean hasNext() {
            if (nextA == null && a.hasNext()) {
                nextA = a.next();
            }
            if (nextB == null && b.hasNext()) {
                nextB = b.next();
            }
            return nextA != null || nextB != null;
        }

        @Override
        public ArchivedOrder next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ArchivedOrder taken;
            if (nextB == null || (nextA != null && order.compare(nextA, nextB) <= 0)) {
                taken = nextA;
                nextA = null;
            } else {
                taken = nextB;
                nextB = null;
            }
            return taken;
        }
    }
}
