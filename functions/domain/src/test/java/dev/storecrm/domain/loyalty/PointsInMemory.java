package dev.storecrm.domain.loyalty;

import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.Revisioned;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A points book in memory with the conditions of the real one (account revision, order record
 * revision, request markers), safe for threads; it can also simulate a writer that got in first.
 */
final class PointsInMemory implements PointsBook, PointsTimer {

    final Map<String, Revisioned<PointsAccount>> accounts = new HashMap<>();
    final Map<String, Revisioned<OrderPointsState>> orders = new HashMap<>();
    final Set<String> requests = new HashSet<>();
    final List<LedgerEntry> entries = new ArrayList<>();
    final Map<String, Instant> timers = new HashMap<>();
    final List<String> timerCalls = new ArrayList<>();
    int conflictsToSimulate;
    int commits;

    @Override
    public synchronized Optional<Revisioned<PointsAccount>> account(String customerId, boolean consistentRead) {
        return Optional.ofNullable(accounts.get(customerId));
    }

    @Override
    public synchronized Optional<Revisioned<OrderPointsState>> order(String customerId, String orderId,
                                                                     boolean consistentRead) {
        return Optional.ofNullable(orders.get(customerId + "/" + orderId));
    }

    @Override
    public synchronized boolean requestRecorded(String customerId, String requestKey) {
        return requests.contains(customerId + "/" + requestKey);
    }

    @Override
    public synchronized void commit(Movement movement) {
        String customerId = movement.account().customerId();
        if (conflictsToSimulate > 0) {
            conflictsToSimulate--;
            throw new ConcurrentUpdateException("simulated");
        }
        long current = Optional.ofNullable(accounts.get(customerId)).map(Revisioned::revision).orElse(0L);
        if (current != movement.expectedRevision().orElse(0)) {
            throw new ConcurrentUpdateException("account moved");
        }
        movement.order().ifPresent(order -> {
            Revisioned<OrderPointsState> held = orders.get(customerId + "/" + order.orderId());
            OptionalLong expected = movement.expectedOrderRevision();
            if (held == null ? expected.isPresent() : expected.isEmpty() || held.revision() != expected.getAsLong()) {
                throw new ConcurrentUpdateException("order moved");
            }
        });
        if (movement.request().isPresent() && requests.contains(customerId + "/" + movement.request().get())) {
            throw new ConcurrentUpdateException("request recorded");
        }
        accounts.put(customerId, new Revisioned<>(movement.account(), movement.revision()));
        movement.order().ifPresent(order -> orders.put(customerId + "/" + order.orderId(),
                new Revisioned<>(order, movement.revision())));
        movement.request().ifPresent(key -> requests.add(customerId + "/" + key));
        entries.addAll(movement.entries());
        commits++;
    }

    @Override
    public synchronized List<LedgerEntry> entries(String customerId, int limit, OptionalLong before) {
        return entries.stream().filter(e -> e.customerId().equals(customerId))
                .filter(e -> before.isEmpty() || e.sequence() < before.getAsLong())
                .sorted(Comparator.comparingLong(LedgerEntry::sequence).thenComparingInt(LedgerEntry::index).reversed())
                .limit(limit).toList();
    }

    @Override
    public synchronized void bringForward(String customerId, Instant due) {
        timerCalls.add("forward " + due);
        timers.merge(customerId, due, (a, b) -> a.isBefore(b) ? a : b);
    }

    @Override
    public synchronized void rearm(String customerId, Instant due) {
        timerCalls.add("rearm " + due);
        timers.put(customerId, due);
    }

    @Override
    public synchronized void cancel(String customerId) {
        timerCalls.add("cancel");
        timers.remove(customerId);
    }

    synchronized long balance(String customerId) {
        return accounts.get(customerId).value().balance();
    }

    synchronized List<LedgerEntry> entriesOf(String customerId) {
        return entries.stream().filter(e -> e.customerId().equals(customerId)).toList();
    }
}
