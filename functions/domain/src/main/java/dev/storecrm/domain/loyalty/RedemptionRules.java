package dev.storecrm.domain.loyalty;

import dev.storecrm.domain.loyalty.Redemption.Status;
import dev.storecrm.domain.loyalty.RedemptionOutcome.Done;
import dev.storecrm.domain.loyalty.RedemptionOutcome.NotFound;
import dev.storecrm.domain.loyalty.RedemptionOutcome.Refusal;
import dev.storecrm.domain.loyalty.RedemptionOutcome.Refused;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checkout's requests against one order's redemption ({@link Redemption} has the state
 * machine). Each is idempotent: asking again what was done answers as before and changes nothing.
 * Points are held from the lots that expire first; a reservation is refused when fewer points can
 * be spent than asked for, so however many checkouts race, the held and spent points never exceed
 * what the member has: the ledger writes each decision conditionally on the account it read.
 */
final class RedemptionRules {

    private RedemptionRules() {}

    static Decision<RedemptionOutcome> reserve(PointsAccount account, OrderPointsState order, long points, Instant now,
                                               LoyaltyPolicy policy) {
        String orderId = order.orderId();
        Optional<Redemption> current = order.redemption()
                .map(r -> lapsed(orderId, r, account, now) ? expired(r, now) : r);
        if (current.isPresent() && (current.get().holding(now) || current.get().status() == Status.CONFIRMED)) {
            Redemption r = current.get();
            return r.points() == points ? Decision.none(done(order, r, account, now, policy, false))
                    : Decision.none(refused(orderId, Refusal.AMOUNT_DIFFERS, "order " + orderId + " already has "
                    + r.status().wire() + " " + r.points() + " points", account, now, policy));
        }
        if (order.closed()) {
            return Decision.none(refused(orderId, Refusal.ORDER_CLOSED, "order " + orderId
                    + " was cancelled or refunded", account, now, policy));
        }
        PointsAccount free = account.releaseLapsed(now);
        long available = free.available(now, policy.storeZone());
        if (free.holds().size() >= policy.maxReservations()) {
            return Decision.none(new Refused(orderId, Refusal.TOO_MANY_RESERVATIONS, "the member holds "
                    + free.holds().size() + " reservations; confirm or release one first", available));
        }
        if (available < points) {
            return Decision.none(new Refused(orderId, Refusal.INSUFFICIENT_POINTS, "the member can spend " + available
                    + " points, not " + points, available));
        }
        Instant until = now.plus(policy.reservationTtl());
        PointsAccount held = free.hold(orderId, points, now, until, policy.storeZone());
        OrderPointsState reserved = order.withRedemption(Redemption.reserved(points, now, until));
        return Decision.of(done(reserved, reserved.redemption().orElseThrow(), held, now, policy, true),
                Change.of(held, reserved, List.of()));
    }

    static Decision<RedemptionOutcome> confirm(PointsAccount account, OrderPointsState order, Instant now,
                                               LoyaltyPolicy policy) {
        String orderId = order.orderId();
        if (order.redemption().isEmpty()) {
            return Decision.none(new NotFound(orderId));
        }
        Redemption redemption = order.redemption().get();
        switch (redemption.status()) {
            case CONFIRMED -> {
                return Decision.none(done(order, redemption, account, now, policy, false));
            }
            case RELEASED -> {
                return Decision.none(refused(orderId, Refusal.RELEASED, "the reservation of order " + orderId
                        + " was released", account, now, policy));
            }
            case EXPIRED -> {
                return Decision.none(expiredRefusal(orderId, account, now, policy));
            }
            case RESERVED -> { }
        }
        if (lapsed(orderId, redemption, account, now)) {
            PointsAccount free = account.releaseLapsed(now).withoutHold(orderId, false);
            return Decision.of(expiredRefusal(orderId, free, now, policy),
                    Change.of(free, order.withRedemption(expired(redemption, now)), List.of()));
        }
        Hold hold = account.holds().get(orderId);
        PointsAccount spent = account.withoutHold(orderId, true);
        OrderPointsState confirmed = order.withRedemption(redemption.settled(Status.CONFIRMED, hold.taken(), now));
        List<Posting> postings = new ArrayList<>();
        postings.add(Posting.debit(EntryKind.REDEEMED, hold.taken(), "order:" + orderId));
        OrderRules.Settled settled = OrderRules.settle(spent, confirmed, now);
        postings.addAll(settled.postings());
        return Decision.of(done(settled.order(), settled.order().redemption().orElseThrow(), settled.account(), now,
                policy, true), Change.of(settled.account(), settled.order(), postings));
    }

    static Decision<RedemptionOutcome> release(PointsAccount account, OrderPointsState order, Instant now,
                                               LoyaltyPolicy policy) {
        String orderId = order.orderId();
        if (order.redemption().isEmpty()) {
            return Decision.none(new NotFound(orderId));
        }
        Redemption redemption = order.redemption().get();
        return switch (redemption.status()) {
            case CONFIRMED -> Decision.none(refused(orderId, Refusal.ALREADY_CONFIRMED, "order " + orderId
                    + "'s points were spent; cancelling or refunding the order returns them", account, now, policy));
            case RELEASED, EXPIRED -> Decision.none(done(order, redemption, account, now, policy, false));
            case RESERVED -> {
                PointsAccount free = account.withoutHold(orderId, false).releaseLapsed(now);
                OrderPointsState released = order.withRedemption(redemption.settled(Status.RELEASED, Lots.NONE, now));
                yield Decision.of(done(released, released.redemption().orElseThrow(), free, now, policy, true),
                        Change.of(free, released, List.of()));
            }
        };
    }

    /** A reservation whose hold lapsed, or was freed by another request once it had. */
    private static boolean lapsed(String orderId, Redemption redemption, PointsAccount account, Instant now) {
        Hold hold = account.holds().get(orderId);
        return redemption.status() == Status.RESERVED && (hold == null || hold.lapsed(now));
    }

    private static Redemption expired(Redemption redemption, Instant now) {
        return redemption.status() == Status.RESERVED ? redemption.settled(Status.EXPIRED, Lots.NONE, now) : redemption;
    }

    private static Refused expiredRefusal(String orderId, PointsAccount account, Instant now, LoyaltyPolicy policy) {
        return refused(orderId, Refusal.RESERVATION_EXPIRED, "the reservation of order " + orderId + " lapsed before it"
                + " was confirmed; its points are free again", account, now, policy);
    }

    private static Done done(OrderPointsState order, Redemption redemption, PointsAccount account, Instant now,
                             LoyaltyPolicy policy, boolean changed) {
        return new Done(order.orderId(), redemption, account.releaseLapsed(now).available(now, policy.storeZone()),
                changed);
    }

    private static Refused refused(String orderId, Refusal refusal, String detail, PointsAccount account, Instant now,
                                   LoyaltyPolicy policy) {
        return new Refused(orderId, refusal, detail, account.releaseLapsed(now).available(now, policy.storeZone()));
    }
}
