package dev.storecrm.cartrecovery;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.cartrecovery.CartRecoveryService.Outcome;
import dev.storecrm.cartrecovery.CartWrites.Change;
import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.cart.Cart;
import dev.storecrm.domain.cart.Cart.ArmedStep;
import dev.storecrm.domain.cart.Cart.StepOutcome;
import dev.storecrm.domain.cart.Cart.StepRecord;
import dev.storecrm.domain.cart.CartMetric;
import dev.storecrm.domain.cart.CartPolicy;
import dev.storecrm.domain.cart.CartStatsDelta;
import dev.storecrm.domain.cart.CartStep;
import dev.storecrm.domain.cart.CartStepDue;
import dev.storecrm.domain.concurrency.OptimisticRetry;
import dev.storecrm.domain.coupon.CouponAllowance;
import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.Purchases;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps a cart's timer fires. The firing must be current (the cart unchanged since it was armed,
 * open, the step not yet taken, the step due now); otherwise it is stale, and the cart's timer is
 * re-armed for its step now. A current step is recorded first (with its report figures, in one
 * transaction), then its effects follow ({@link CartStepEffects}); they are idempotent by business
 * key, so a redelivered firing repeats them safely. A cart changed meanwhile is read again.
 */
final class CartSteps {

    private static final Logger LOG = LoggerFactory.getLogger(CartSteps.class);
    private static final OptimisticRetry RETRY = OptimisticRetry.standard();

    private final CartWrites writes;
    private final CartAttribution attribution;
    private final CartMemberChecks members;
    private final CartStepEffects effects;
    private final CouponAllowance allowance;
    private final CartPolicy policy;
    private final Clock clock;

    CartSteps(CartWrites writes, CartAttribution attribution, CartMemberChecks members, CartStepEffects effects,
              CouponAllowance allowance, CartPolicy policy, Clock clock) {
        this.writes = writes;
        this.attribution = attribution;
        this.members = members;
        this.effects = effects;
        this.allowance = allowance;
        this.policy = policy;
        this.clock = clock;
    }

    Outcome stepDue(CartStepDue due) {
        return RETRY.run("cart " + due.cartId(), attempt -> attempt(due));
    }

    private Outcome attempt(CartStepDue due) {
        Instant now = clock.instant();
        Optional<Revisioned<Cart>> stored = writes.current(due.cartId());
        if (stored.isEmpty()) {
            return stale(due, "unknown cart");
        }
        Cart cart = stored.get().value();
        if (!cart.isEligible() || !cart.activity().orElseThrow().equals(due.armedFor())) {
            // Re-arms the cart if a racing write left its current step without a timer.
            writes.scheduleNext(cart);
            return stale(due, "changed or closed since armed");
        }
        StepRecord taken = cart.steps().get(due.step());
        if (taken != null) {
            boolean recorded = taken.outcome() == StepOutcome.MESSAGED || taken.outcome() == StepOutcome.HELD_OUT;
            if (taken.armedFor().equals(due.armedFor()) && recorded) {
                // A redelivered firing (the first try may have stopped after recording the step).
                effects.of(cart, due.step(), taken.outcome(), members.member(cart), now);
            }
            writes.scheduleNext(cart);
            return stale(due, "step already taken");
        }
        Optional<ArmedStep> next = cart.nextStep(policy);
        if (next.isEmpty() || next.get().step() != due.step() || next.get().dueAt().isAfter(now)) {
            next.ifPresent(n -> writes.schedule(cart.cartId(), n));
            return stale(due, "not the cart's step now");
        }
        Outcome outcome = takeStep(stored.get(), due, now);
        LOG.info("cart step", entry("cartId", cart.cartId()), entry("step", due.step().wire()),
                entry("outcome", outcome.name()));
        return outcome;
    }

    /**
     * Takes the due step.
     *
     * @throws ConcurrentUpdateException if the cart changed meanwhile (the step is then looked at again)
     */
    private Outcome takeStep(Revisioned<Cart> stored, CartStepDue due, Instant now) {
        Cart cart = stored.value();
        long revision = stored.revision();
        LocalDate today = policy.dayOf(now);
        if (!cart.isMessageable(policy.minimumValue())) {
            writes.save(cart.abandoned(now), revision, abandonedFigure(cart, today));
            return Outcome.ABANDONED;
        }
        Optional<MemberRecord> member = members.member(cart);
        Stamp activity = cart.activity().orElseThrow();
        Optional<Purchases.Payment> paid = member.flatMap(m -> members.paymentAfter(m, activity));
        if (paid.isPresent()) {
            Purchases.Payment payment = paid.get();
            Change change = attribution.paid(cart, payment.stamp(), payment.orderId(), payment.amountMinor());
            writes.save(change.after(), revision, change.stats());
            return Outcome.CONVERTED;
        }
        StepOutcome result;
        if (!members.marketable(cart, member, now)) {
            result = StepOutcome.NOT_MARKETABLE;
        } else if (policy.holdout().holdsOut(members.couponOwner(cart, member), Cart.CAMPAIGN, cart.cartId())) {
            result = StepOutcome.HELD_OUT;
        } else if (due.step() == CartStep.COUPON) {
            Optional<Instant> quietEnd = policy.quietHours().endIfQuiet(now, members.zoneOf(cart, member));
            if (quietEnd.isPresent()) {
                writes.schedule(cart.cartId(), new ArmedStep(CartStep.COUPON, activity, quietEnd.get()));
                return Outcome.DEFERRED;
            }
            result = couponDecision(cart, member, now);
        } else {
            result = StepOutcome.MESSAGED;
        }
        Cart after = cart.abandoned(now).stepDone(due.step(), new StepRecord(now, activity, result));
        CartStatsDelta stats = abandonedFigure(cart, today);
        if (result == StepOutcome.MESSAGED) {
            if (cart.messagedSteps().isEmpty()) {
                stats = stats.plus(today, CartMetric.REMINDED, 1);
            }
            if (due.step() == CartStep.COUPON) {
                stats = stats.plus(today, CartMetric.COUPONS_ISSUED, 1);
            }
        } else if (result == StepOutcome.HELD_OUT
                && cart.steps().values().stream().noneMatch(s -> s.outcome() == StepOutcome.HELD_OUT)) {
            stats = stats.plus(today, CartMetric.HELD_OUT, 1);
        }
        try {
            writes.save(after, revision, stats);
        } catch (ConcurrentUpdateException conflict) {
            if (result == StepOutcome.MESSAGED && due.step() == CartStep.COUPON) {
                // The cart changed meanwhile: the place is claimed again if the step is still due.
                allowance.release(members.couponOwner(cart, member), Cart.CAMPAIGN,
                        CartStep.COUPON.businessKey(cart.cartId()));
            }
            throw conflict;
        }
        if (result == StepOutcome.MESSAGED || result == StepOutcome.HELD_OUT) {
            effects.of(after, due.step(), result, member, now);
        }
        writes.scheduleNext(after);
        return result == StepOutcome.MESSAGED ? Outcome.STEP_MESSAGED : Outcome.STEP_SKIPPED;
    }

    private static CartStatsDelta abandonedFigure(Cart cart, LocalDate today) {
        return cart.abandonedAt().isPresent() ? CartStatsDelta.NONE
                : CartStatsDelta.NONE.plus(today, CartMetric.ABANDONED, 1);
    }

    private StepOutcome couponDecision(Cart cart, Optional<MemberRecord> member, Instant now) {
        if (members.couponValue(cart, member, now).isEmpty()) {
            return StepOutcome.NO_COUPON_FOR_TIER;
        }
        // Claimed before the step is recorded, so that two carts of one member (or guest address) falling
        // due at once cannot both take the cap's last place.
        boolean placed = allowance.claim(members.couponOwner(cart, member), Cart.CAMPAIGN,
                CartStep.COUPON.businessKey(cart.cartId()),
                policy.couponsPerMember(), policy.couponCapWindow(), now);
        return placed ? StepOutcome.MESSAGED : StepOutcome.COUPON_CAP_REACHED;
    }

    private static Outcome stale(CartStepDue due, String why) {
        LOG.info("cart step not current", entry("cartId", due.cartId()), entry("step", due.step().wire()),
                entry("why", why));
        return Outcome.STALE;
    }
}
