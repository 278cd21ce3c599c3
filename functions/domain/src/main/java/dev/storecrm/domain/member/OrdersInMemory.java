package dev.storecrm.domain.member;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An {@link OrderBook} held in memory: the orders of an archive item written before orders moved
 * out of it (read once, to convert the item), and the order book of unit tests.
 */
public class OrdersInMemory implements OrderBook {

    private final Map<String, ArchivedOrder> orders = new HashMap<>();

    public OrdersInMemory() {}

    public OrdersInMemory(Collection<ArchivedOrder> orders) {
        save(orders);
    }

    /** Keeps these orders as they are (what the OrdersTable does with an archive's order writes). */
    public void save(Collection<ArchivedOrder> written) {
        written.forEach(order -> orders.put(order.orderId(), order));
    }

    public List<ArchivedOrder> all() {
        return List.copyOf(orders.values());
    }

    @Override
    public Optional<ArchivedOrder> find(String customerId, String orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    @Override
    public Stream<PaidKey> paid(String customerId, Instant from, Instant to, boolean newestFirst) {
        Comparator<ArchivedOrder> byPayment = Comparator.comparing(o -> o.facts().payment().stamp());
        List<ArchivedOrder> inSpan = orders.values().stream()
                .filter(o -> o.facts().isPaid())
                .filter(o -> !o.facts().paidAt().isBefore(from) && o.facts().paidAt().isBefore(to))
                .sorted(newestFirst ? byPayment.reversed() : byPayment).toList();
        return inSpan.stream().map(o -> new PaidKey(o.orderId(), o.facts().payment().stamp()));
    }
}
