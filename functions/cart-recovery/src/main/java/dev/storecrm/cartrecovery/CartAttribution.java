package dev.storecrm.cartrecovery;

import dev.storecrm.cartrecovery.CartWrites.Change;
import dev.storecrm.domain.cart.Cart;
import dev.storecrm.domain.cart.Cart.ClosedBy;
import dev.storecrm.domain.cart.Cart.Closure;
import dev.storecrm.domain.cart.Cart.Recovery;
import dev.storecrm.domain.cart.Cart.Redemption;
import dev.storecrm.domain.cart.Cart.RevenueSource;
import dev.storecrm.domain.cart.CartMetric;
import dev.storecrm.domain.cart.CartPolicy;
import dev.storecrm.domain.cart.CartStatsDelta;
import dev.storecrm.domain.cart.CartStep;
import dev.storecrm.domain.coupon.CouponBook;
import dev.storecrm.domain.event.CartEvent;
import dev.storecrm.domain.event.OrderEvent;
import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.messaging.SendLedger;
import dev.storecrm.domain.messaging.SendRules.SkipReason;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Attribution of orders to carts: which carts an order closes (the one it names, and those whose
 * coupon it redeems), and whether the order counts as the cart's recovery: it came within the
 * attribution window after the first message of the cart the send ledger shows as sent. A held-out
 * cart's order counts the same way after its first step would have gone, as the control group's. What
 * counts goes to the daily report (recovered carts and held-out carts ordered, their revenue, the cost of
 * redeemed coupons).
 */
final class CartAttribution {

    private static final String HELD_OUT = SkipReason.HELD_OUT.name();

    private final SendLedger ledger;
    private final CouponBook coupons;
    private final CartPolicy policy;

    CartAttribution(SendLedger ledger, CouponBook coupons, CartPolicy policy) {
        this.ledger = ledger;
        this.coupons = coupons;
        this.policy = policy;
    }

    /**
     * Redeems the order's coupons and answers the carts whose cart-recovery coupon it carried, with
     * the redemption. Redeeming here as well as in the member archive is safe: a coupon is redeemed
     * by one order, and asking again for the same order returns the same answer, so both consumers
     * agree whichever comes first.
     */
    Map<String, Redemption> redeemedCarts(OrderEvent.OrderPlaced placed) {
        Instant at = placed.meta().instant();
        Map<String, Redemption> redeemed = new LinkedHashMap<>();
        for (String code : placed.couponCodes()) {
            coupons.redeem(code, placed.orderId(), placed.customerId(), placed.total(), at)
                    .filter(coupon -> coupon.campaign().equals(Cart.CAMPAIGN))
                    .ifPresent(coupon -> CartStep.COUPON.cartIdOf(coupon.businessKey()).ifPresent(cartId ->
                            redeemed.put(cartId, new Redemption(placed.orderId(), at,
                                    coupon.redemption().orElseThrow().discountMinor()))));
        }
        return redeemed;
    }

    /** The cart closed by its checkout; the revenue is the cart's total. */
    Change checkedOut(Cart cart, CartEvent.CheckoutCompleted checkout) {
        Instant at = checkout.meta().instant();
        return converted(cart, new Closure(checkout.stamp(), ClosedBy.CHECKOUT, checkout.orderId()),
                cart.contents().map(c -> new Recovery(checkout.orderId(), at, c.total().minor(),
                        RevenueSource.CART_TOTAL)));
    }

    /** The cart closed by an order placed (naming it, or carrying its coupon), and the coupon's cost if redeemed. */
    Change ordered(Cart cart, OrderEvent.OrderPlaced placed, ClosedBy by, Optional<Redemption> redemption) {
        Instant at = placed.meta().instant();
        Change change = converted(cart, new Closure(placed.stamp(), by, placed.orderId()),
                Optional.of(new Recovery(placed.orderId(), at, placed.total().minor(), RevenueSource.ORDER_TOTAL)));
        if (redemption.isEmpty() || cart.redemption().isPresent()) {
            return change;
        }
        return new Change(change.after().redeemedBy(redemption.get()),
                change.stats().plus(policy.dayOf(at), CartMetric.COUPON_COST, redemption.get().discountMinor()));
    }

    /** The cart closed by a paid order of its member. */
    Change paid(Cart cart, Stamp payment, String orderId, long amountMinor) {
        return converted(cart, new Closure(payment, ClosedBy.PAID_ORDER, orderId),
                Optional.of(new Recovery(orderId, payment.at(), amountMinor, RevenueSource.PAYMENT)));
    }

    /**
     * Closes the cart, and counts the order as its recovery if a message for the cart was sent
     * within the attribution window before it (the first recovery counts; a better revenue figure
     * for the same order corrects the amount).
     */
    private Change converted(Cart cart, Closure closure, Optional<Recovery> candidate) {
        Cart after = cart.closedBy(closure);
        CartStatsDelta stats = CartStatsDelta.NONE;
        if (candidate.isEmpty()) {
            return new Change(after, stats);
        }
        Recovery recovery = candidate.get();
        boolean heldOut = !cart.heldOutSteps().isEmpty();
        CartMetric revenue = heldOut ? CartMetric.HELD_OUT_REVENUE : CartMetric.RECOVERED_REVENUE;
        if (cart.recovery().isPresent()) {
            Recovery counted = cart.recovery().get();
            Cart corrected = after.recoveredBy(recovery);
            if (!corrected.equals(after)) {
                stats = stats.plus(policy.dayOf(counted.orderedAt()), revenue,
                        corrected.recovery().orElseThrow().revenueMinor() - counted.revenueMinor());
                after = corrected;
            }
        } else if (attributable(cart, recovery.orderedAt(), heldOut)) {
            LocalDate day = policy.dayOf(recovery.orderedAt());
            after = after.recoveredBy(recovery);
            stats = stats.plus(day, heldOut ? CartMetric.HELD_OUT_RECOVERED : CartMetric.RECOVERED, 1)
                    .plus(day, revenue, recovery.revenueMinor());
        }
        return new Change(after, stats);
    }

    /**
     * Ordered within the attribution window after the first message of the cart that was really sent; for a
     * held-out cart, after its first step would have gone (the ledger's {@code HELD_OUT} record of it).
     */
    private boolean attributable(Cart cart, Instant orderedAt, boolean heldOut) {
        Optional<Instant> firstSent = (heldOut ? cart.heldOutSteps() : cart.messagedSteps()).stream()
                .map(step -> ledger.find(step.businessKey(cart.cartId()), false))
                .flatMap(Optional::stream)
                .filter(entry -> entry.settledAt() != null && (heldOut
                        ? entry.status() == SendLedger.Status.SKIPPED && HELD_OUT.equals(entry.reason())
                        : entry.status() == SendLedger.Status.SENT))
                .map(SendLedger.Entry::settledAt)
                .min(Comparator.naturalOrder());
        return firstSent.isPresent() && !orderedAt.isBefore(firstSent.get())
                && !orderedAt.isAfter(firstSent.get().plus(policy.attributionWindow()));
    }
}
