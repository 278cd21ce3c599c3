package dev.storecrm.cartrecovery;

import dev.storecrm.cartrecovery.CartRecoveryService.Outcome;
import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.cart.Cart;
import dev.storecrm.domain.cart.Cart.ArmedStep;
import dev.storecrm.domain.cart.CartPolicy;
import dev.storecrm.domain.cart.CartStatsDelta;
import dev.storecrm.domain.cart.CartStepDue;
import dev.storecrm.domain.cart.CartStore;
import dev.storecrm.domain.concurrency.OptimisticRetry;
import dev.storecrm.domain.messaging.Timers;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * How cart recovery reads, changes and saves one cart, and keeps the cart's one timer armed for its
 * next step. Every read and write is one item; a save adds the change's report figures in the same
 * transaction; a concurrent writer makes a change read the cart again ({@link OptimisticRetry}).
 */
final class CartWrites {

    private static final OptimisticRetry RETRY = OptimisticRetry.standard();

    private final CartStore carts;
    private final Timers timers;
    private final CartPolicy policy;

    CartWrites(CartStore carts, Timers timers, CartPolicy policy) {
        this.carts = carts;
        this.timers = timers;
        this.policy = policy;
    }

    /** The cart before and after a change, and whether it was saved. */
    record Applied(Cart before, Cart after, boolean changed) {
        Outcome outcome() {
            return changed ? Outcome.APPLIED : Outcome.UNCHANGED;
        }
    }

    /** A cart after a change, and what the change adds to the daily report. */
    record Change(Cart after, CartStatsDelta stats) {

        /** No change to the cart, nothing to report. */
        static Change none(Cart cart) {
            return new Change(cart, CartStatsDelta.NONE);
        }
    }

    /** Reads the cart, applies the change and saves it if it changed; a concurrent write makes it read again. */
    Applied apply(String cartId, Function<Cart, Change> change) {
        return RETRY.run("cart " + cartId, attempt -> {
            Optional<Revisioned<Cart>> stored = carts.find(cartId, attempt > 1);
            Cart before = stored.map(Revisioned::value).orElseGet(() -> Cart.empty(cartId));
            Change result = change.apply(before);
            if (result.after().equals(before)) {
                return new Applied(before, before, false);
            }
            OptionalLong revision = stored.map(r -> OptionalLong.of(r.revision())).orElse(OptionalLong.empty());
            carts.save(result.after(), revision, result.stats());
            return new Applied(before, result.after(), true);
        });
    }

    /** The cart as stored now (a consistent read). */
    Optional<Revisioned<Cart>> current(String cartId) {
        return carts.find(cartId, true);
    }

    /**
     * Saves a change of the cart read at {@code revision}.
     *
     * @throws dev.storecrm.domain.ConcurrentUpdateException if the cart changed since it was read
     */
    void save(Cart after, long revision, CartStatsDelta stats) {
        carts.save(after, OptionalLong.of(revision), stats);
    }

    /**
     * Arms the cart's timer for its next step, or cancels it when there is none any more. After a
     * cancel the cart is read again: a concurrent change that armed it must not lose its timer.
     */
    void rearm(Cart before, Cart after) {
        Optional<ArmedStep> next = after.nextStep(policy);
        if (next.isPresent()) {
            schedule(after.cartId(), next.get());
            return;
        }
        if (before.nextStep(policy).isPresent()) {
            timers.cancel(CartStepDue.timerId(after.cartId()));
            carts.find(after.cartId(), true).flatMap(stored -> stored.value().nextStep(policy))
                    .ifPresent(armed -> schedule(after.cartId(), armed));
        }
    }

    void rearmIfChanged(Applied applied) {
        if (applied.changed()) {
            rearm(applied.before(), applied.after());
        }
    }

    /** Arms the cart's timer for the cart's next step, if it has one. */
    void scheduleNext(Cart cart) {
        cart.nextStep(policy).ifPresent(next -> schedule(cart.cartId(), next));
    }

    /** Arms (or re-arms: one timer per cart, by id) the cart's timer for a step. */
    void schedule(String cartId, ArmedStep next) {
        timers.schedule(new Timers.Timer(CartStepDue.timerId(cartId), CartStepDue.TARGET,
                new CartStepDue(cartId, next.step(), next.armedFor()).toJson(), next.dueAt()));
    }
}
