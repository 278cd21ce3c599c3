package dev.storecrm.cartrecovery;

import dev.storecrm.domain.cart.CartPolicy;
import dev.storecrm.domain.cart.CartStore;
import dev.storecrm.domain.coupon.CouponAllowance;
import dev.storecrm.domain.coupon.CouponBook;
import dev.storecrm.domain.event.StoreEvent;
import dev.storecrm.domain.member.MemberArchive;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.messaging.MessageOutbox;
import dev.storecrm.domain.messaging.SendLedger;
import dev.storecrm.domain.messaging.Timers;
import dev.storecrm.domain.privacy.ErasedCustomers;
import dev.storecrm.domain.privacy.ErasureRefusal;
import java.time.Clock;

/**
 * Cart recovery: keeps carts from cart and order events, runs each abandoned cart's sequence
 * (reminder, then coupon) from its timer, ends it when the cart converts, and keeps the daily
 * attribution report. This is the entry point; the work is split along its seams:
 *
 * <ul>
 *   <li><b>Events</b> ({@link CartEvents}) change the cart by their stamps (any order, any duplicates).
 *       A change re-arms the cart's one timer for its next step, due the step's delay after the change;
 *       a checkout, an order for the cart (by its id or its coupon) or a paid order of its member after
 *       the last activity closes it and cancels the timer. A member's cart of a customer erased on request
 *       is refused ({@code ERASED}): there is no profile left to mail.</li>
 *   <li><b>A step falls due</b> ({@link CartSteps}): the firing must be current (the cart unchanged
 *       since it was armed, open, the step not yet taken). The step is recorded first (with its report
 *       figures, in one transaction), then its effects follow ({@link CartStepEffects}): the coupon is
 *       issued and the message handed to the outbox. Both are idempotent by business key, so a
 *       redelivered firing repeats them safely.</li>
 *   <li><b>Conversions</b> ({@link CartAttribution}) count as recovered when the order came within the
 *       attribution window after the first message the send ledger shows as sent.</li>
 * </ul>
 * Every cart read and write is one item ({@link CartWrites}); nothing scans.
 */
public final class CartRecoveryService {

    /** What handling a message did. */
    public enum Outcome {
        /** A cart changed. */
        APPLIED,
        /** Nothing changed: a duplicate, an older event, or an event about no tracked cart. */
        UNCHANGED,
        /** A step's message went to the outbox. */
        STEP_MESSAGED,
        /** A step was taken without a message (not marketable, no coupon for the tier, coupon cap). */
        STEP_SKIPPED,
        /**
         * The cart was counted as abandoned; it gets no messages (a guest's without consent, or below the
         * minimum value).
         */
        ABANDONED,
        /** When its step fell due, the cart's member had paid an order since: the sequence ended. */
        CONVERTED,
        /** The coupon step fell into the member's quiet hours and waits for their end. */
        DEFERRED,
        /** A timer firing that is no longer current (the cart changed, closed, or had the step). */
        STALE
    }

    private final CartEvents events;
    private final CartSteps steps;
    private final Clock clock;

    CartRecoveryService(CartStore carts, Timers timers, MemberArchive members, MemberPolicy memberPolicy,
                        CouponBook coupons, CouponAllowance allowance, SendLedger ledger, MessageOutbox outbox,
                        CartMessages messages, CartPolicy policy, ErasedCustomers erased, Clock clock) {
        CartWrites writes = new CartWrites(carts, timers, policy);
        CartAttribution attribution = new CartAttribution(ledger, coupons, policy);
        CartMemberChecks checks = new CartMemberChecks(members, memberPolicy, policy);
        this.events = new CartEvents(writes, attribution, carts, memberPolicy, policy,
                new ErasureRefusal(erased, clock), clock);
        this.steps = new CartSteps(writes, attribution, checks,
                new CartStepEffects(checks, coupons, outbox, messages, policy), allowance, policy, clock);
        this.clock = clock;
    }

    /** Handles one message of the CartRecoveryQueue, read against this function's clock. */
    public Outcome handle(String body) {
        return handle(CartRecoveryInput.read(body, clock));
    }

    public Outcome handle(CartRecoveryInput input) {
        return switch (input) {
            case CartRecoveryInput.Event event -> handle(event.event());
            case CartRecoveryInput.StepDue step -> steps.stepDue(step.due());
        };
    }

    Outcome handle(StoreEvent event) {
        return events.handle(event);
    }
}
