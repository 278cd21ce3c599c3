package dev.storecrm.memberarchive;

import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.coupon.CouponBook;
import dev.storecrm.domain.event.CartEvent;
import dev.storecrm.domain.event.DisputeEvent;
import dev.storecrm.domain.event.EventParser;
import dev.storecrm.domain.event.MemberEvent;
import dev.storecrm.domain.event.OrderEvent;
import dev.storecrm.domain.event.OrderEvent.OrderPlaced;
import dev.storecrm.domain.event.StoreEvent;
import dev.storecrm.domain.member.MemberArchive;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.member.OrderHistory;
import dev.storecrm.domain.money.Money;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Keeps the member archive from member and order events: the order history gets every order
 * event; the member record gets registrations, updates, payments, cancellations and refunds, and
 * its summary (points, tier, spend) is recomputed on every change. An order placed with coupons
 * the product issued redeems them, which attributes the order to their campaigns. What depends on
 * the member (greeting dates, the win-back timer) follows each change ({@link ArchiveFollowUps}).
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

    static final int ATTEMPTS = 5;

    private final MemberArchive archive;
    private final OrderHistory orders;
    private final CouponBook coupons;
    private final ArchiveFollowUps followUps;
    private final MemberPolicy policy;
    private final Clock clock;

    MemberArchiveService(MemberArchive archive, OrderHistory orders, CouponBook coupons, ArchiveFollowUps followUps,
                         MemberPolicy policy, Clock clock) {
        this.archive = archive;
        this.orders = orders;
        this.coupons = coupons;
        this.followUps = followUps;
        this.policy = policy;
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
                boolean recorded = orders.record(order);
                if (order instanceof OrderPlaced placed) {
                    redeemCoupons(placed);
                }
                yield order instanceof OrderPlaced
                        ? (recorded ? Outcome.APPLIED : Outcome.UNCHANGED)
                        : applyToMember(order.customerId(), event);
            }
            case CartEvent cart -> throw notForThisConsumer(event);
            case DisputeEvent dispute -> throw notForThisConsumer(event);
        };
    }

    private Outcome applyToMember(String customerId, StoreEvent event) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Revisioned<MemberRecord>> stored = archive.find(customerId, attempt > 1);
            MemberRecord before = stored.map(Revisioned::value).orElseGet(() -> MemberRecord.newCustomer(customerId));
            MemberRecord after = before.apply(event);
            if (stored.isPresent() && after.equals(before)) {
                return Outcome.UNCHANGED;
            }
            Instant now = clock.instant();
            MemberSummary summary = MemberSummary.of(after, policy, now);
            OptionalLong revision = stored.map(r -> OptionalLong.of(r.revision())).orElse(OptionalLong.empty());
            try {
                archive.save(after, summary, revision);
                followUps.changed(stored.isPresent() ? before : null, after, summary, revision.orElse(0) + 1, now);
                return Outcome.APPLIED;
            } catch (ConcurrentUpdateException conflict) {
                if (attempt == ATTEMPTS) {
                    throw conflict;
                }
            }
        }
        throw new IllegalStateException("unreachable");
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
