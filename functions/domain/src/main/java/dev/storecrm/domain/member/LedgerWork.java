package dev.storecrm.domain.member;

import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.member.Purchases.Repricing;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One application of an event to a member's archive: the record as it changes, and the orders whose
 * facts or credit it changes (to be written to the OrdersTable with the record).
 */
final class LedgerWork {

    private final MemberPolicy policy;
    private final OrderBook book;
    private final MemberRecord initial;
    private MemberRecord record;
    private final Map<String, ArchivedOrder> writes = new LinkedHashMap<>();
    private final Map<String, Optional<ArchivedOrder>> read = new HashMap<>();

    LedgerWork(MemberPolicy policy, OrderBook book, MemberRecord record) {
        this.policy = policy;
        this.book = book;
        this.initial = record;
        this.record = record;
    }

    MemberRecord record() {
        return record;
    }

    Map<String, ArchivedOrder> writes() {
        return writes;
    }

    /** Changes one order's facts, and the purchases and points by the difference. */
    void order(String orderId, UnaryOperator<OrderFacts> change) {
        ArchivedOrder before = current(orderId);
        OrderFacts facts = change.apply(before.facts());
        if (facts.equals(before.facts())) {
            return;
        }
        Optional<Instant> since = MemberSummary.memberSince(record, policy);
        Credit held = before.credit().orElseThrow();
        writes.put(orderId, new ArchivedOrder(orderId, facts, before.credit()));
        Purchases purchases = new PurchasesChange(record.purchases(), policy, view())
                .replace(orderId, before.facts(), facts);
        record = record.withPurchases(purchases);
        boolean samePayment = before.facts().isPaid() && facts.isPaid()
                && before.facts().payment().stamp().equals(facts.payment().stamp());
        Credit.Rate rate = !facts.isPaid() ? Credit.Rate.NONE
                : samePayment ? held.rate() : Pricing.rateAt(record, policy, facts.paidAt());
        Credit credit = Pricing.credit(facts, rate, policy);
        record = record.withPurchases(purchases.withPoints(
                Totals.add(purchases.points(), credit.points() - held.points(), "the points")));
        writes.put(orderId, before.with(facts, credit));
        memberSinceMoved(since);
        memberDayTiersMoved(before.facts(), facts);
    }

    /**
     * Takes the record's new timeline (status changes, registration, birthday and time-zone
     * settings) and queues the payments whose pricing it may change: those from each added entry's
     * moment to the next entry of its kind, and those between the old and the new membership start.
     * Entries dropped from a full log re-price nothing: what was earned stays earned.
     */
    void timeline(MemberRecord after) {
        MemberRecord before = record;
        Optional<Instant> since = MemberSummary.memberSince(before, policy);
        record = after;
        spans(before.statusLog(), after.statusLog(), StatusEntry::stamp, true);
        spans(before.birthdayLog(), after.birthdayLog(), BirthdayEntry::stamp, false);
        spans(before.zoneLog(), after.zoneLog(), ZoneEntry::stamp, true);
        if (policy.memberDays().active()) {
            spans(before.tierLog(), after.tierLog(), TierOverride::stamp, false);
        }
        memberSinceMoved(since);
    }

    /** Prices the next chunk of a re-pricing under way: each payment's multiplier from the timeline now. */
    void reprice() {
        Repricing repricing = record.purchases().repricing();
        if (repricing == null) {
            return;
        }
        Stamp after = repricing.after();
        Instant from = after == null ? repricing.from() : after.at();
        List<ArchivedOrder> chunk = view().paid(from, repricing.to(), false)
                .filter(o -> after == null || o.facts().payment().stamp().compareTo(after) > 0)
                .limit(ArchiveLimits.REPRICING_CHUNK + 1L).toList();
        int count = Math.min(ArchiveLimits.REPRICING_CHUNK, chunk.size());
        for (ArchivedOrder order : chunk.subList(0, count)) {
            repriceOne(order);
        }
        Repricing next = chunk.size() > count
                ? new Repricing(repricing.from(), repricing.to(), chunk.get(count - 1).facts().payment().stamp())
                : null;
        record = record.withPurchases(record.purchases().withRepricing(next));
    }

    private void repriceOne(ArchivedOrder order) {
        Credit held = order.credit().orElseGet(() -> Pricing.priced(initial, policy, order.facts()));
        Credit.Rate rate = Pricing.rateAt(record, policy, order.facts().paidAt());
        if (order.credit().isPresent() && held.rate().equals(rate)) {
            return;
        }
        Credit credit = Pricing.credit(order.facts(), rate, policy);
        Purchases purchases = record.purchases();
        record = record.withPurchases(purchases.withPoints(
                Totals.add(purchases.points(), credit.points() - held.points(), "the points")));
        writes.put(order.orderId(), order.with(order.facts(), credit));
    }

    /**
     * Queues payments in [{@code from}, {@code to}) for pricing again, with any re-pricing already
     * under way; nothing when no payment is that late (an event in order re-prices nothing).
     */
    void queue(Instant from, Instant to) {
        Optional<Purchases.Payment> latest = record.purchases().lastPayment();
        if (!from.isBefore(to) || latest.isEmpty() || latest.get().stamp().at().isBefore(from)) {
            return;
        }
        Repricing current = record.purchases().repricing();
        Repricing next;
        if (current == null) {
            next = new Repricing(from, to, null);
        } else {
            Instant position = current.after() == null ? current.from() : current.after().at();
            next = new Repricing(min(current.from(), from), current.to().isAfter(to) ? current.to() : to,
                    from.isBefore(position) ? null : current.after());
        }
        record = record.withPurchases(record.purchases().withRepricing(next));
    }

    /** The order as it stands, with the credit the member's points hold for it. */
    private ArchivedOrder current(String orderId) {
        ArchivedOrder order = writes.get(orderId);
        if (order == null) {
            order = read(orderId).orElseGet(() -> ArchivedOrder.unseen(orderId));
        }
        if (order.credit().isPresent()) {
            return order;
        }
        return order.with(order.facts(), Pricing.priced(initial, policy, order.facts()));
    }

    /** An order from the book, read once per application. */
    private Optional<ArchivedOrder> read(String orderId) {
        return read.computeIfAbsent(orderId, id -> book.find(record.customerId(), id));
    }

    private PaymentsView view() {
        return new PaymentsView(book, record.customerId(), writes, record.purchases().recent().stream()
                .map(p -> new OrderBook.PaidKey(p.orderId(), p.stamp())).toList(), this::read);
    }

    /**
     * A member day pays by the tier held at the start of its month, which the spend of earlier months decides: a
     * payment, refund or cancellation of an order queues the payments from the next month on (nothing when it is
     * the latest payment, as in-order events are).
     */
    private void memberDayTiersMoved(OrderFacts before, OrderFacts after) {
        if (!policy.memberDays().active()) {
            return;
        }
        for (OrderFacts facts : List.of(before, after)) {
            if (facts.isPaid()) {
                queue(policy.memberDays().nextMonthStart(facts.paidAt()), OrderBook.END);
            }
        }
    }

    private void memberSinceMoved(Optional<Instant> before) {
        Optional<Instant> after = MemberSummary.memberSince(record, policy);
        if (!after.equals(before)) {
            Instant a = before.orElse(OrderBook.END);
            Instant b = after.orElse(OrderBook.END);
            queue(min(a, b), a.isAfter(b) ? a : b);
        }
    }

    /**
     * Queues, for each entry in {@code after} but not in {@code before}, the payments from its moment
     * to the next entry's ({@code endsAtNext}) or to the end (a birthday setting also changes since
     * when later settings of the same date count as given).
     */
    private <T> void spans(List<T> before, List<T> after, Function<T, Stamp> stampOf, boolean endsAtNext) {
        List<T> sorted = after.stream().sorted(Comparator.comparing(stampOf)).toList();
        for (int i = 0; i < sorted.size(); i++) {
            T entry = sorted.get(i);
            if (!before.contains(entry)) {
                boolean hasNext = endsAtNext && i + 1 < sorted.size();
                Instant to = hasNext ? stampOf.apply(sorted.get(i + 1)).at() : OrderBook.END;
                queue(stampOf.apply(entry).at(), to);
            }
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
