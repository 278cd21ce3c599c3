package dev.storecrm.domain.loyalty;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How an order's points reach the ledger (the member archive decides them; see {@link OrderPoints}):
 * <ul>
 *   <li>more plain points than credited: an {@code earned} entry; more bonus points: a
 *       {@code birthday_bonus} or, for a member day's multiplier, a {@code member_day_bonus}
 *       entry; both into the lot of the expiry date of the payment's local date;</li>
 *   <li>fewer (a refund, a cancellation, a payment priced again after a late freeze): one
 *       {@code reversed} entry, taken from the order's own lot first, then the earliest to expire,
 *       never more than the member can spend: what was spent or expired already is not taken back
 *       but recorded on the entry as {@code uncollected};</li>
 *   <li>the order closed (cancelled or fully refunded) while its redemption is reserved: the hold is
 *       released; after it was confirmed: the redeemed points come back ({@code returned}), all of
 *       them or the refunded share, into the lots they were taken from, the latest to expire first.</li>
 * </ul>
 * Only a newer member revision is applied, so duplicates and reordering change nothing.
 */
final class OrderRules {

    private OrderRules() {}

    static Decision<Boolean> apply(PointsAccount current, OrderPointsState state, OrderPoints change, Instant now,
                                   LoyaltyPolicy policy) {
        if (change.memberRevision() <= state.memberRevision()) {
            return Decision.none(false);
        }
        PointsAccount account = current.withZone(change.timeZone());
        ZoneId zone = account.zone(policy.storeZone());
        String source = "order:" + state.orderId();
        List<Posting> postings = new ArrayList<>();
        long earnedDelta = change.earned() - state.earned();
        long bonusDelta = change.bonus() - state.bonus();
        if (earnedDelta > 0 || bonusDelta > 0) {
            Instant paidAt = change.paidAt().orElseThrow(() -> new IllegalStateException("points for an unpaid order"));
            java.time.LocalDate expiresOn = policy.expiry().expiresOn(paidAt.atZone(zone).toLocalDate());
            for (Posting credit : List.of(
                    Posting.credit(EntryKind.EARNED, Lots.of(expiresOn, Math.max(0, earnedDelta)), source,
                            Optional.of(paidAt)),
                    Posting.credit(change.bonusKind(), Lots.of(expiresOn, Math.max(0, bonusDelta)), source,
                            Optional.of(paidAt)))) {
                if (credit.points() > 0) {
                    account = account.credit(credit.lots());
                    postings.add(credit);
                }
            }
        }
        long takenBack = -Math.min(0, earnedDelta) - Math.min(0, bonusDelta);
        if (takenBack > 0) {
            Optional<java.time.LocalDate> ownLot = change.paidAt()
                    .map(at -> policy.expiry().expiresOn(at.atZone(zone).toLocalDate()));
            PointsAccount.Taking taking = account.debit(takenBack, now, policy.storeZone(), ownLot);
            account = taking.account();
            postings.add(new Posting(EntryKind.REVERSED, -taking.taken().total(), taking.taken(), source,
                    change.paidAt(), takenBack - taking.taken().total(), Optional.empty(), Optional.empty()));
        }
        OrderPointsState next = new OrderPointsState(state.orderId(), change.memberRevision(), change.earned(),
                change.bonus(), change.paidMinor(), change.refundedMinor(), change.cancelled(), state.redemption());
        Settled settled = settle(account, next, now);
        postings.addAll(settled.postings());
        return Decision.of(true, Change.of(settled.account(), settled.order(), postings));
    }

    /** The account and order after a redemption follows the order's facts. */
    record Settled(PointsAccount account, OrderPointsState order, List<Posting> postings) {}

    /**
     * A reserved redemption of a closed order is released; a confirmed one gets back what the
     * order's refunds are due to return and has not yet ({@link OrderPointsState#returnDue}).
     */
    static Settled settle(PointsAccount account, OrderPointsState order, Instant now) {
        if (order.redemption().isEmpty()) {
            return new Settled(account, order, List.of());
        }
        Redemption redemption = order.redemption().get();
        if (redemption.status() == Redemption.Status.RESERVED && order.closed()) {
            return new Settled(account.withoutHold(order.orderId(), false),
                    order.withRedemption(redemption.settled(Redemption.Status.RELEASED, Lots.NONE, now)), List.of());
        }
        long due = order.returnDue() - redemption.returned();
        if (redemption.status() != Redemption.Status.CONFIRMED || due <= 0) {
            return new Settled(account, order, List.of());
        }
        Lots unreturned = redemption.taken().minus(redemption.taken().latestFirst(redemption.returned()));
        Lots back = unreturned.latestFirst(due);
        Redemption returned = redemption.withReturned(redemption.returned() + due);
        return new Settled(account.credit(back), order.withRedemption(returned),
                List.of(Posting.credit(EntryKind.RETURNED, back, "order:" + order.orderId(), Optional.empty())));
    }
}
