package dev.storecrm.domain.member;

import dev.storecrm.domain.event.CartEvent;
import dev.storecrm.domain.event.DisputeEvent;
import dev.storecrm.domain.event.MemberEvent;
import dev.storecrm.domain.event.OrderEvent.OrderCancelled;
import dev.storecrm.domain.event.OrderEvent.OrderPaid;
import dev.storecrm.domain.event.OrderEvent.OrderPlaced;
import dev.storecrm.domain.event.OrderEvent.OrderRefunded;
import dev.storecrm.domain.event.StoreEvent;
import dev.storecrm.domain.member.Purchases.Repricing;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies events to a member's bounded archive. An order event reads that one order from the
 * {@link OrderBook}, merges the event into its facts and changes the member's {@link Purchases} and
 * points by the difference ({@link PurchasesChange}, {@link Pricing}); the order's new facts and
 * credit are to be written with the record. A member event changes the profile and the timeline; if
 * it arrives after payments it concerns (a status change dated before them), those payments are
 * priced again, {@link ArchiveLimits#REPRICING_CHUNK} per application ({@link #resume}).
 *
 * <p>Every step is a commutative merge, so any order and duplication of events converges to the
 * same record and the same orders ({@code ArchiveConvergenceTest}).
 */
public final class MemberLedger {

    /**
     * A record after an event, and the orders it changed.
     *
     * @param orderWrites the orders whose facts or credit changed, to be written as they are
     */
    public record Result(MemberRecord record, Map<String, ArchivedOrder> orderWrites) {
        public Result {
            orderWrites = Map.copyOf(orderWrites);
        }

        /** A re-pricing of earlier payments is still under way: {@link #resume} it. */
        public boolean unfinished() {
            return record.purchases().repricing() != null;
        }
    }

    private final MemberPolicy policy;

    public MemberLedger(MemberPolicy policy) {
        this.policy = policy;
    }

    /**
     * The record with the event applied (an OrderPlaced changes nothing here), and the first chunk of
     * any re-pricing it starts.
     */
    public Result apply(MemberRecord record, StoreEvent event, OrderBook book) {
        LedgerWork work = new LedgerWork(policy, book, record);
        switch (event) {
            case MemberEvent member -> work.timeline(work.record().apply(member));
            case OrderPaid paid -> {
                work.timeline(work.record().withProfileChanges(paid.contact(), paid.stamp()));
                work.order(paid.orderId(), facts -> facts.withPayment(paid.stamp(), paid.amount().minor()));
            }
            case OrderCancelled cancelled -> work.order(cancelled.orderId(),
                    facts -> facts.withCancellation(cancelled.stamp()));
            case OrderRefunded refunded -> work.order(refunded.orderId(),
                    facts -> facts.withRefund(refunded.refundId(), refunded.stamp(), refunded.amount().minor()));
            case OrderPlaced placed -> { }
            case CartEvent cart -> throw new IllegalArgumentException("cart events do not change a member archive");
            case DisputeEvent dispute ->
                    throw new IllegalArgumentException("dispute events do not change a member archive");
        }
        work.reprice();
        return new Result(work.record(), work.writes());
    }

    /** The next chunk of a re-pricing under way. */
    public Result resume(MemberRecord record, OrderBook book) {
        LedgerWork work = new LedgerWork(policy, book, record);
        work.reprice();
        return new Result(work.record(), work.writes());
    }

    /**
     * Applies the events one after the other as the member archive does, each with any re-pricing it
     * starts carried to its end, keeping the orders in {@code book}: an archive held in memory.
     */
    public MemberRecord replay(MemberRecord record, List<? extends StoreEvent> events, OrdersInMemory book) {
        MemberRecord current = record;
        for (StoreEvent event : events) {
            Result result = apply(current, event, book);
            book.save(result.orderWrites().values());
            while (result.unfinished()) {
                result = resume(result.record(), book);
                book.save(result.orderWrites().values());
            }
            current = result.record();
        }
        return current;
    }

    /**
     * Converts an item written before orders moved out of it: its purchases counted from the given
     * orders (those it held, merged with what the OrdersTable knows of them), in payment order. The
     * result carries no legacy orders; {@code materialise} queues every payment to have its credit
     * written to the OrdersTable (the member archive does that before it applies anything else).
     */
    public MemberRecord converted(MemberRecord legacy, Collection<ArchivedOrder> orders, boolean materialise) {
        MemberRecord record = new MemberRecord(legacy.customerId(), legacy.profile(), legacy.stamps(),
                legacy.registered(), legacy.statusLog(), legacy.birthdayLog(), legacy.zoneLog(), Purchases.NONE,
                Map.of(), legacy.tierLog());
        OrdersInMemory counted = new OrdersInMemory();
        Comparator<ArchivedOrder> paidFirst = Comparator.comparing((ArchivedOrder o) -> !o.facts().isPaid())
                .thenComparing(o -> o.facts().isPaid() ? o.facts().payment().stamp().encode() : "")
                .thenComparing(ArchivedOrder::orderId);
        for (ArchivedOrder order : orders.stream().sorted(paidFirst).toList()) {
            LedgerWork work = new LedgerWork(policy, counted, record);
            work.order(order.orderId(), facts -> order.facts());
            record = work.record().withPurchases(work.record().purchases().withRepricing(null));
            counted.save(work.writes().values());
        }
        Repricing everything = new Repricing(OrderBook.BEGINNING, OrderBook.END, null);
        return materialise && !record.purchases().recent().isEmpty()
                ? record.withPurchases(record.purchases().withRepricing(everything))
                : record;
    }

    /**
     * The record with its purchases counted: as it is, or, for an item written before orders moved
     * out of it, counted from the orders it holds (as readers of such an item see it until its next write).
     */
    public MemberRecord current(MemberRecord record) {
        return record.isLegacy() ? converted(record, legacyOrders(record), false) : record;
    }

    /** A legacy record's own orders, as the ledger takes them. */
    public static List<ArchivedOrder> legacyOrders(MemberRecord legacy) {
        return legacy.legacyOrders().entrySet().stream()
                .map(e -> new ArchivedOrder(e.getKey(), e.getValue(), Optional.empty())).toList();
    }
}
