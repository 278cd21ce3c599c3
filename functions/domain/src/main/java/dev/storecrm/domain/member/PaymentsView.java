package dev.storecrm.domain.member;

import dev.storecrm.domain.member.OrderBook.PaidKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A member's paid orders in payment order, as they stand while an event is applied: the order
 * book's payment-time index, with the orders this application changed ({@code changed}) in their
 * new state, and the latest payments the member item names ({@code recent}), since an order paid a
 * moment ago may not be in the index yet. The sequence is merged by payment stamp from the index's
 * keys; an order is read only when it is reached.
 */
final class PaymentsView {

    private final OrderBook book;
    private final String customerId;
    private final Map<String, ArchivedOrder> changed;
    private final List<PaidKey> recent;
    private final Function<String, Optional<ArchivedOrder>> read;

    /** @param read reads one order (the application's cache in front of the book) */
    PaymentsView(OrderBook book, String customerId, Map<String, ArchivedOrder> changed, List<PaidKey> recent,
                 Function<String, Optional<ArchivedOrder>> read) {
        this.book = book;
        this.customerId = customerId;
        this.changed = changed;
        this.recent = recent;
        this.read = read;
    }

    /** Paid orders with a payment time in [{@code from}, {@code to}), by payment stamp, read lazily. */
    Stream<ArchivedOrder> paid(Instant from, Instant to, boolean newestFirst) {
        Comparator<PaidKey> byStamp = Comparator.comparing(PaidKey::paidStamp);
        Comparator<PaidKey> order = newestFirst ? byStamp.reversed() : byStamp;
        List<PaidKey> known = new ArrayList<>();
        changed.values().stream().filter(o -> o.facts().isPaid())
                .forEach(o -> known.add(new PaidKey(o.orderId(), o.facts().payment().stamp())));
        recent.stream().filter(key -> !changed.containsKey(key.orderId())).forEach(known::add);
        Set<String> knownIds = known.stream().map(PaidKey::orderId).collect(Collectors.toSet());
        List<PaidKey> extra = known.stream().filter(key -> !key.paidStamp().at().isBefore(from)
                && key.paidStamp().at().isBefore(to)).sorted(order).toList();
        Iterator<PaidKey> indexed = book.paid(customerId, from, to, newestFirst)
                .filter(key -> !knownIds.contains(key.orderId())).iterator();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(
                        new Merge(indexed, extra.iterator(), order), Spliterator.ORDERED), false)
                .map(key -> Optional.ofNullable(changed.get(key.orderId())).or(() -> read.apply(key.orderId())))
                .flatMap(Optional::stream)
                .filter(o -> inRange(o, from, to));
    }

    private static boolean inRange(ArchivedOrder order, Instant from, Instant to) {
        return order.facts().isPaid() && !order.facts().paidAt().isBefore(from) && order.facts().paidAt().isBefore(to);
    }

    /** Two sorted sequences as one. */
    private static final class Merge implements Iterator<PaidKey> {
        private final Iterator<PaidKey> a;
        private final Iterator<PaidKey> b;
        private final Comparator<PaidKey> order;
        private PaidKey nextA;
        private PaidKey nextB;

        Merge(Iterator<PaidKey> a, Iterator<PaidKey> b, Comparator<PaidKey> order) {
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
        public PaidKey next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            PaidKey taken;
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
