package dev.storecrm.cartrecovery;

import dev.storecrm.cartrecovery.CartRecoveryService.Outcome;
import dev.storecrm.cartrecovery.CartWrites.Applied;
import dev.storecrm.cartrecovery.CartWrites.Change;
import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.cart.Cart;
import dev.storecrm.domain.cart.Cart.ClosedBy;
import dev.storecrm.domain.cart.Cart.Redemption;
import dev.storecrm.domain.cart.CartPolicy;
import dev.storecrm.domain.cart.CartStore;
import dev.storecrm.domain.event.CartEvent;
import dev.storecrm.domain.event.DisputeEvent;
import dev.storecrm.domain.event.MemberEvent;
import dev.storecrm.domain.event.OrderEvent;
import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.event.StoreEvent;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.money.Money;
import dev.storecrm.domain.privacy.ErasureRefusal;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The events cart recovery consumes. Each changes carts by its stamps (any order, any duplicates);
 * a change re-arms the cart's one timer for its next step, due the step's delay after the change. A
 * checkout, an order for the cart (by its id or its coupon) or a paid order of its member after the
 * last activity closes the cart and cancels the timer ({@link CartAttribution} decides what counts
 * as recovered). A cart of the history before go-live starts no sequence ({@link CartPolicy#startsSequence}).
 * Amounts must be in the store currency. A member's cart of a customer erased on request is refused
 * ({@code ERASED}, {@link ErasureRefusal}); a guest's cart names no customer to check.
 */
final class CartEvents {

    private final CartWrites writes;
    private final CartAttribution attribution;
    private final CartStore carts;
    private final MemberPolicy memberPolicy;
    private final CartPolicy policy;
    private final ErasureRefusal erased;
    private final Clock clock;

    CartEvents(CartWrites writes, CartAttribution attribution, CartStore carts, MemberPolicy memberPolicy,
               CartPolicy policy, ErasureRefusal erased, Clock clock) {
        this.writes = writes;
        this.attribution = attribution;
        this.carts = carts;
        this.memberPolicy = memberPolicy;
        this.policy = policy;
        this.erased = erased;
        this.clock = clock;
    }

    Outcome handle(StoreEvent event) {
        return switch (event) {
            case CartEvent.CartUpdated updated -> cartUpdated(updated);
            case CartEvent.CheckoutCompleted checkout -> checkoutCompleted(checkout);
            case OrderEvent.OrderPlaced placed -> orderPlaced(placed);
            case OrderEvent.OrderPaid paid -> orderPaid(paid);
            case OrderEvent other -> throw notForThisConsumer(other);
            case MemberEvent member -> throw notForThisConsumer(member);
            case DisputeEvent dispute -> throw notForThisConsumer(dispute);
        };
    }

    private Outcome cartUpdated(CartEvent.CartUpdated updated) {
        updated.customerId().ifPresent(customerId -> erased.refuseIfErased(customerId, updated));
        requireStoreCurrency(updated.total(), "CartUpdated body.total");
        updated.lines().forEach(line -> requireStoreCurrency(line.unitPrice(), "CartUpdated body.lines[].unitPrice"));
        Applied applied = writes.apply(updated.cartId(), cart -> Change.none(cart.updated(updated)));
        if (applied.after().activity().equals(Optional.of(updated.stamp()))
                && policy.startsSequence(updated.stamp().at(), clock.instant())) {
            // Also for a duplicate of the newest update: a crash after the save may have lost the re-arm.
            // A cart of the history before go-live, or whose sequence would be over, is kept, not chased.
            writes.rearm(applied.before(), applied.after());
        }
        return applied.outcome();
    }

    private Outcome checkoutCompleted(CartEvent.CheckoutCompleted checkout) {
        Applied applied = writes.apply(checkout.cartId(), cart -> attribution.checkedOut(cart, checkout));
        writes.rearmIfChanged(applied);
        return applied.outcome();
    }

    /** An order closes the cart it names and the cart whose coupon it carries. */
    private Outcome orderPlaced(OrderEvent.OrderPlaced placed) {
        requireStoreCurrency(placed.total(), "OrderPlaced body.total");
        placed.lines().forEach(line -> requireStoreCurrency(line.unitPrice(), "OrderPlaced body.lines[].unitPrice"));
        Map<String, Redemption> redeemed = attribution.redeemedCarts(placed);
        Set<String> cartIds = new LinkedHashSet<>();
        if (placed.cartId() != null) {
            cartIds.add(placed.cartId());
        }
        cartIds.addAll(redeemed.keySet());
        boolean changed = false;
        for (String cartId : cartIds) {
            ClosedBy by = cartId.equals(placed.cartId()) ? ClosedBy.ORDER : ClosedBy.COUPON_ORDER;
            Optional<Redemption> redemption = Optional.ofNullable(redeemed.get(cartId));
            Applied applied = writes.apply(cartId, cart -> attribution.ordered(cart, placed, by, redemption));
            writes.rearmIfChanged(applied);
            changed |= applied.changed();
        }
        return changed ? Outcome.APPLIED : Outcome.UNCHANGED;
    }

    /** A paid order of a member ends the sequences of the member's carts last changed before it. */
    private Outcome orderPaid(OrderEvent.OrderPaid paid) {
        requireStoreCurrency(paid.amount(), "OrderPaid body.amount");
        boolean changed = false;
        for (String cartId : carts.openCartsOf(paid.customerId())) {
            Applied applied = writes.apply(cartId, cart -> paidAfterActivity(cart, paid.stamp(), paid.orderId(),
                    paid.amount().minor()));
            writes.rearmIfChanged(applied);
            changed |= applied.changed();
        }
        return changed ? Outcome.APPLIED : Outcome.UNCHANGED;
    }

    private Change paidAfterActivity(Cart cart, Stamp payment, String orderId, long amountMinor) {
        if (!cart.isOpen() || !payment.isAfter(cart.activity().orElseThrow())) {
            return Change.none(cart);
        }
        return attribution.paid(cart, payment, orderId, amountMinor);
    }

    private void requireStoreCurrency(Money money, String field) {
        if (!money.isIn(memberPolicy.storeCurrency())) {
            throw new InvalidInputException(RejectReason.WRONG_CURRENCY, field + " is in " + money.currency()
                    + ", the store currency is " + memberPolicy.storeCurrency());
        }
    }

    private static InvalidInputException notForThisConsumer(StoreEvent event) {
        return new InvalidInputException(RejectReason.NOT_FOR_THIS_CONSUMER, event.meta().type()
                + " is not a cart, order placed or order paid event; check the event bus rule that routed it here");
    }
}
