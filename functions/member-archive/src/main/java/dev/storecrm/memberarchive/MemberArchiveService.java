package dev.storecrm.memberarchive;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.concurrency.OptimisticRetry;
import dev.storecrm.domain.coupon.CouponBook;
import dev.storecrm.domain.event.CartEvent;
import dev.storecrm.domain.event.DisputeEvent;
import dev.storecrm.domain.event.EventParser;
import dev.storecrm.domain.event.MemberEvent;
import dev.storecrm.domain.event.OrderEvent;
import dev.storecrm.domain.event.OrderEvent.OrderPlaced;
import dev.storecrm.domain.event.StoreEvent;
import dev.storecrm.domain.loyalty.OrderPoints;
import dev.storecrm.domain.loyalty.PointsFeed;
import dev.storecrm.domain.member.ArchivedOrder;
import dev.storecrm.domain.member.MemberArchive;
import dev.storecrm.domain.member.MemberArchive.Stored;
import dev.storecrm.domain.member.MemberLedger;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.member.OrderHistory;
import dev.storecrm.domain.money.Money;
import dev.storecrm.domain.privacy.ErasedCustomers;
import dev.storecrm.domain.privacy.ErasureRefusal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Keeps the member archive from member and order events. The member item is bounded whatever the
 * history: an order event reads the member and that one order, changes the member's purchases and
 * points by the difference the event makes ({@link MemberLedger}), and saves the member with the
 * order's new facts and credit, which it then writes to the OrdersTable. The save carries those
 * order writes ({@code unsettled}), so if this writer stops before them, the next writer of the
 * member makes them first: the member and its orders never disagree for long, without a transaction.
 * Before each order write, a member's paid or cancelled orders are told to the points ledger
 * ({@link OrderPoints}, the whole state at the member revision), so the ledger hears every write,
 * also one finished by the next writer.
 *
 * <p>An order placed goes to the history only; its coupons, if the product issued them, are
 * redeemed, which attributes the order to their campaigns. What depends on the member (greeting
 * dates, the win-back timer) follows each change ({@link ArchiveFollowUps}).
 *
 * <p>Reads are eventually consistent (half a read unit); the save is conditional on the revision
 * read, and a conflict (a concurrent writer or a stale read) re-reads consistently and tries again.
 */
public final class MemberArchiveService {

    /** What handling an event did. */
    public enum Outcome {
        /** The archive changed. */
        APPLIED,
        /** The archive already reflected the event: a duplicate, or older than what it holds. */
        UNCHANGED
    }

    static final int ATTEMPTS = OptimisticRetry.DEFAULT_ATTEMPTS;
    private static final OptimisticRetry RETRY = new OptimisticRetry(ATTEMPTS);

    private final MemberArchive archive;
    private final OrderHistory orders;
    private final CouponBook coupons;
    private final ArchiveFollowUps followUps;
    private final PointsFeed points;
    private final MemberPolicy policy;
    private final MemberLedger ledger;
    /** Read where the archive holds no member (a new customer, an erased one) and for each order placed. */
    private final ErasureRefusal erased;
    private final Clock clock;

    MemberArchiveService(MemberArchive archive, OrderHistory orders, CouponBook coupons, ArchiveFollowUps followUps,
                         PointsFeed points, MemberPolicy policy, ErasedCustomers erased, Clock clock) {
        this.archive = archive;
        this.orders = orders;
        this.coupons = coupons;
        this.followUps = followUps;
        this.points = points;
        this.policy = policy;
        this.ledger = new MemberLedger(policy);
        this.erased = new ErasureRefusal(erased, clock);
        this.clock = clock;
    }

    /** Handles one message: the event it carries, read against this function's clock. */
    public Outcome handle(String body) {
        return handle(EventParser.parse(body, clock));
    }

    public Outcome handle(StoreEvent event) {
        return switch (event) {
            case MemberEvent member -> applyToMember(member.customerId(), event);
            case OrderEvent order -> {
                requireStoreCurrency(order);
                if (order instanceof OrderPlaced placed) {
                    erased.refuseIfErased(placed.customerId(), event);
                    boolean recorded = orders.recordPlacement(placed);
                    redeemCoupons(placed);
                    yield recorded ? Outcome.APPLIED : Outcome.UNCHANGED;
                }
                yield applyToMember(order.customerId(), event);
            }
            case CartEvent cart -> throw notForThisConsumer(event);
            case DisputeEvent dispute -> throw notForThisConsumer(event);
        };
    }

    private Outcome applyToMember(String customerId, StoreEvent event) {
        return RETRY.run("member " + customerId,
                attempt -> apply(customerId, archive.findForUpdate(customerId, attempt > 1), event));
    }

    /**
     * Settles what the last save left, converts an item of before, finishes a re-pricing under way,
     * then applies the event (and carries any re-pricing it starts to its end).
     */
    private Outcome apply(String customerId, Optional<Stored> stored, StoreEvent event) {
        if (stored.isEmpty()) {
            erased.refuseIfErased(customerId, event);
        }
        stored.ifPresent(s -> settle(s.member().value(), null,
                orders.unwritten(customerId, s.unsettled(), s.member().revision()), s.member().revision()));
        MemberRecord original = stored.map(s -> s.member().value()).orElse(null);
        Saved saved = new Saved(original == null ? MemberRecord.newCustomer(customerId) : original,
                stored.map(s -> OptionalLong.of(s.member().revision())).orElse(OptionalLong.empty()), null);
        if (saved.record.isLegacy()) {
            saved = new Saved(ledger.converted(saved.record, legacyOrders(saved.record), true), saved.revision, null);
        }
        saved = finishRepricing(saved);
        MemberLedger.Result result = ledger.apply(saved.record, event, saved.record == original
                ? orders.knowing(stored.map(Stored::unsettled).orElse(List.of())) : orders);
        boolean unchanged = result.record().equals(saved.record) && result.orderWrites().isEmpty();
        if (unchanged && (saved.record == original || saved.summary != null)) {
            return Outcome.UNCHANGED;
        }
        saved = commit(saved, result);
        followUps.changed(original, saved.record, saved.summary, saved.revision.getAsLong(), clock.instant());
        finishRepricing(saved);
        return unchanged && original != null ? Outcome.UNCHANGED : Outcome.APPLIED;
    }

    /**
     * The record as last saved, its revision, and the summary this writer saved it with ({@code null}
     * before this writer saved it: as read, or converted and not saved yet).
     */
    private record Saved(MemberRecord record, OptionalLong revision, MemberSummary summary) {}

    private Saved finishRepricing(Saved saved) {
        Saved current = saved;
        while (current.record.purchases().repricing() != null) {
            current = commit(current, ledger.resume(current.record, orders));
        }
        return current;
    }

    /** Saves the record with its order writes, then writes them; the next revision. */
    private Saved commit(Saved saved, MemberLedger.Result result) {
        MemberSummary summary = MemberSummary.of(result.record(), policy, clock.instant());
        List<ArchivedOrder> writes = List.copyOf(result.orderWrites().values());
        archive.save(result.record(), summary, saved.revision, writes);
        long revision = saved.revision.orElse(0) + 1;
        settle(result.record(), summary, writes, revision);
        return new Saved(result.record(), OptionalLong.of(revision), summary);
    }

    /**
     * Writes the orders a save at {@code revision} carried, having told the points ledger of those a
     * member paid or cancelled ({@code summary}: the one the save was made with, if at hand).
     */
    private void settle(MemberRecord record, MemberSummary summary, List<ArchivedOrder> writes, long revision) {
        if (writes.isEmpty()) {
            return;
        }
        MemberSummary member = summary != null ? summary : MemberSummary.of(record, policy, clock.instant());
        if (member.memberSince().isPresent()) {
            Optional<ZoneId> zone = Optional.ofNullable(record.profile().timeZone());
            points.send(writes.stream().filter(o -> o.facts().isPaid() || o.facts().cancelled() != null)
                    .map(o -> OrderPoints.of(record.customerId(), o, revision, zone,
                            Optional.ofNullable(record.profile().referrerId()))).toList());
        }
        orders.write(record.customerId(), writes, revision, true);
    }

    /** The orders an item of before held, merged with what the OrdersTable knows of them (it may know more). */
    private List<ArchivedOrder> legacyOrders(MemberRecord legacy) {
        Map<String, ArchivedOrder> merged = new HashMap<>();
        for (ArchivedOrder order : orders.all(legacy.customerId())) {
            merged.put(order.orderId(), new ArchivedOrder(order.orderId(), order.facts(), Optional.empty()));
        }
        for (ArchivedOrder order : MemberLedger.legacyOrders(legacy)) {
            merged.merge(order.orderId(), order, (table, item) ->
                    new ArchivedOrder(item.orderId(), item.facts().merged(table.facts()), Optional.empty()));
        }
        return List.copyOf(merged.values());
    }

    /**
     * Attributes the order to the campaigns whose coupons it carries: each code the product issued,
     * still valid and not used, is marked redeemed by this order. Codes the product did not issue
     * (the store's own promotions) are left alone.
     */
    private void redeemCoupons(OrderPlaced placed) {
        for (String code : placed.couponCodes()) {
            coupons.redeem(code, placed.orderId(), placed.customerId(), placed.total(), placed.meta().instant());
        }
    }

    private void requireStoreCurrency(OrderEvent order) {
        Optional<Money> money = order.money();
        if (order instanceof OrderPlaced placed) {
            money = placed.lines().stream().map(OrderEvent.Line::unitPrice)
                    .filter(price -> !price.isIn(policy.storeCurrency())).findFirst().or(() -> placed.money());
        }
        if (money.isPresent() && !money.get().isIn(policy.storeCurrency())) {
            throw new InvalidInputException(RejectReason.WRONG_CURRENCY, order.meta().type() + " money is in "
                    + money.get().currency() + ", the store currency is " + policy.storeCurrency()
                    + " (send the store-currency amount; the presentment currency is not needed)");
        }
    }

    private static InvalidInputException notForThisConsumer(StoreEvent event) {
        return new InvalidInputException(RejectReason.NOT_FOR_THIS_CONSUMER,
                event.meta().type() + " is not a member or order event; check the event bus rule that routed it here");
    }
}
