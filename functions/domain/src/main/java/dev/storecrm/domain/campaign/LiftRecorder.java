package dev.storecrm.domain.campaign;

import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.concurrency.OptimisticRetry;
import dev.storecrm.domain.coupon.Coupon;
import dev.storecrm.domain.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps the lift report as events arrive: an assignment the sender settled (sent, skipped or held out),
 * an order paid, a refund, a journey's coupon redeemed. Each costs a fixed number of item reads and writes
 * (the member's kept assignments are one query, at most one per journey step in the window), whatever the
 * member's history.
 *
 * @param refundGrace how long after its window an assignment is kept so that a late refund still finds it
 */
public record LiftRecorder(LiftBook book, LiftAttribution attribution, ZoneId storeZone, Duration refundGrace) {

    /** Records an assignment once; false for a duplicate. */
    public boolean assigned(String businessKey, String customerId, String journey, String variant, Settled settled,
                            int smsSegments, Instant at) {
        LiftCell cell = new LiftCell(journey, LiftSteps.of(businessKey), variant, LiftCell.periodOf(at, storeZone));
        LiftAssignment assignment = LiftAssignment.settled(businessKey, customerId, cell,
                settled == Settled.HELD_OUT, at);
        return book.assign(assignment, LiftTally.assigned(settled, smsSegments), keepUntil(at));
    }

    /** Counts an order's payment once, for the member's assignments whose window holds it. */
    public LiftAttribution.Outcome paid(String orderId, String customerId, long amountMinor, Instant paidAt) {
        return OptimisticRetry.standard().run("lift of order " + orderId, attempt -> {
            Revisioned<OrderCredit> prior = book.order(orderId, customerId);
            List<LiftAssignment> open = prior.value().paid() ? List.of() : book.assignedSince(customerId,
                    paidAt.minus(attribution.window()));
            return save(prior, open, attribution.paid(prior.value(), amountMinor, paidAt, open), paidAt);
        });
    }

    /** Counts a refund once; before its order's payment it is only kept. */
    public LiftAttribution.Outcome refunded(String orderId, String customerId, String refundId, long amountMinor,
                                            Instant at) {
        return OptimisticRetry.standard().run("lift of order " + orderId, attempt -> {
            Revisioned<OrderCredit> prior = book.order(orderId, customerId);
            List<LiftAssignment> credited = prior.value().creditedKeys().stream()
                    .flatMap(key -> book.assignment(customerId, key).stream()).toList();
            return save(prior, credited, attribution.refunded(prior.value(), refundId, amountMinor, credited), at);
        });
    }

    /**
     * Adds the discount a coupon of ours gave an order placed ({@link CouponCost}) to the cell of the assignment
     * the coupon was issued with (the coupon's business key is its message's), once per coupon and order. Nothing
     * for a coupon that is not a journey's (no assignment: a referral reward, a guest's cart), nor for one redeemed
     * after its assignment's window and refund grace (the assignment is then forgotten; deciding by the moment
     * the order was placed keeps the answer the same before and after the table's TTL deletes it).
     *
     * @return whether the cell took the discount (false for a duplicate and for coupons that cost nothing here)
     */
    public boolean couponRedeemed(Coupon coupon, String orderId, Money orderTotal, Instant placedAt) {
        Optional<Long> discount = CouponCost.of(coupon, orderId, orderTotal, placedAt);
        if (discount.isEmpty()) {
            return false;
        }
        Optional<LiftAssignment> assignment = book.assignment(coupon.customerId(), coupon.businessKey())
                .filter(a -> placedAt.isBefore(keepUntil(a.at())));
        return assignment.isPresent() && OptimisticRetry.standard().run("coupon cost of order " + orderId,
                attempt -> book.chargeCoupon(assignment.get(), orderId, discount.get()));
    }

    private LiftAttribution.Outcome save(Revisioned<OrderCredit> prior, List<LiftAssignment> read,
                                         LiftAttribution.Outcome outcome, Instant at) {
        if (!outcome.unchanged()) {
            Map<String, LiftAssignment> before = read.stream()
                    .collect(Collectors.toMap(LiftAssignment::businessKey, Function.identity(), (a, b) -> a));
            book.save(prior, before, outcome, keepUntil(at));
        }
        return outcome;
    }

    private Instant keepUntil(Instant at) {
        return at.plus(attribution.window()).plus(refundGrace);
    }
}
