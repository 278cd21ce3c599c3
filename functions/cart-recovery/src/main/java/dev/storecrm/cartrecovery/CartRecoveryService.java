package dev.storecrm.cartrecovery;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.cart.Cart;
import dev.storecrm.domain.cart.Cart.ArmedStep;
import dev.storecrm.domain.cart.Cart.ClosedBy;
import dev.storecrm.domain.cart.Cart.Closure;
import dev.storecrm.domain.cart.Cart.Recovery;
import dev.storecrm.domain.cart.Cart.Redemption;
import dev.storecrm.domain.cart.Cart.RevenueSource;
import dev.storecrm.domain.cart.Cart.StepOutcome;
import dev.storecrm.domain.cart.Cart.StepRecord;
import dev.storecrm.domain.cart.CartMetric;
import dev.storecrm.domain.cart.CartPolicy;
import dev.storecrm.domain.cart.CartSequence;
import dev.storecrm.domain.cart.CartStatsDelta;
import dev.storecrm.domain.cart.CartStep;
import dev.storecrm.domain.cart.CartStepDue;
import dev.storecrm.domain.cart.CartStore;
import dev.storecrm.domain.coupon.Coupon;
import dev.storecrm.domain.coupon.CouponAllowance;
import dev.storecrm.domain.coupon.CouponBook;
import dev.storecrm.domain.coupon.CouponValue;
import dev.storecrm.domain.event.CartEvent;
import dev.storecrm.domain.event.DisputeEvent;
import dev.storecrm.domain.event.MemberEvent;
import dev.storecrm.domain.event.OrderEvent;
import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.event.StoreEvent;
import dev.storecrm.domain.member.MemberArchive;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.member.MembershipStatus;
import dev.storecrm.domain.member.MemberLedger;
import dev.storecrm.domain.member.Purchases;
import dev.storecrm.domain.messaging.MessageOutbox;
import dev.storecrm.domain.messaging.SendLedger;
import dev.storecrm.domain.messaging.Timers;
import dev.storecrm.domain.money.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cart recovery: keeps carts from cart and order events, runs each abandoned cart's sequence
 * (reminder, then coupon) from its timer, ends it when the cart converts, and keeps the daily
 * attribution report.
 *
 * <ul>
 *   <li><b>Events</b> change the cart by their stamps (any order, any duplicates). A change re-arms
 *       the cart's one timer for its next step, due the step's delay after the change; a checkout,
 *       an order for the cart (by its id or its coupon) or a paid order of its member after the last
 *       activity closes it and cancels the timer.</li>
 *   <li><b>A step falls due</b>: the firing must be current (the cart unchanged since it was armed,
 *       open, the step not yet taken). The step is recorded first (with its report figures, in one
 *       transaction), then its effects follow: the coupon is issued and the message handed to the
 *       outbox. Both are idempotent by business key, so a redelivered firing repeats them safely.</li>
 *   <li><b>Conversions</b> count as recovered when the order came within the attribution window
 *       after the first message the send ledger shows as sent.</li>
 * </ul>
 * Every cart read and write is one item; nothing scans.
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
        /** The cart was counted as abandoned; it gets no messages (a guest's, or below the minimum value). */
        ABANDONED,
        /** When its step fell due, the cart's member had paid an order since: the sequence ended. */
        CONVERTED,
        /** The coupon step fell into the member's quiet hours and waits for their end. */
        DEFERRED,
        /** A timer firing that is no longer current (the cart changed, closed, or had the step). */
        STALE
    }

    static final int ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(CartRecoveryService.class);

    private final CartStore carts;
    private final Timers timers;
    private final MemberArchive members;
    private final MemberPolicy memberPolicy;
    private final CouponBook coupons;
    private final CouponAllowance allowance;
    private final SendLedger ledger;
    private final MessageOutbox outbox;
    private final CartMessages messages;
    private final CartPolicy policy;
    private final Clock clock;

    CartRecoveryService(CartStore carts, Timers timers, MemberArchive members, MemberPolicy memberPolicy,
                        CouponBook coupons, CouponAllowance allowance, SendLedger ledger, MessageOutbox outbox,
                        CartMessages messages, CartPolicy policy, Clock clock) {
        this.carts = carts;
        this.timers = timers;
        this.members = members;
        this.memberPolicy = memberPolicy;
        this.coupons = coupons;
        this.allowance = allowance;
        this.ledger = ledger;
        this.outbox = outbox;
        this.messages = messages;
        this.policy = policy;
        this.clock = clock;
    }

    /** Handles one message of the CartRecoveryQueue, read against this function's clock. */
    public Outcome handle(String body) {
        return handle(CartRecoveryInput.read(body, clock));
    }

    public Outcome handle(CartRecoveryInput input) {
        return switch (input) {
            case CartRecoveryInput.Event event -> handle(event.event());
            case CartRecoveryInput.StepDue step -> stepDue(step.due());
        };
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

    // ------------------------------------------------------------------ events

    private Outcome cartUpdated(CartEvent.CartUpdated updated) {
        requireStoreCurrency(updated.total(), "CartUpdated body.total");
        updated.lines().forEach(line -> requireStoreCurrency(line.unitPrice(), "CartUpdated body.lines[].unitPrice"));
        Applied applied = apply(updated.cartId(), cart -> new Change(cart.updated(updated), CartStatsDelta.NONE));
        if (applied.after().activity().equals(Optional.of(updated.stamp()))
                && policy.startsSequence(updated.stamp().at(), clock.instant())) {
            // Also for a duplicate of the newest update: a crash after the save may have lost the re-arm.
            rearm(applied.before(), applied.after());
        }
        return applied.outcome();
    }

    private Outcome checkoutCompleted(CartEvent.CheckoutCompleted checkout) {
        Instant at = checkout.meta().instant();
        Applied applied = apply(checkout.cartId(), cart -> converted(cart,
                new Closure(checkout.stamp(), ClosedBy.CHECKOUT, checkout.orderId()),
                cart.contents().map(c -> new Recovery(checkout.orderId(), at, c.total().minor(), RevenueSource.CART_TOTAL))));
        rearmIfChanged(applied);
        return applied.outcome();
    }

    /**
     * An order closes the cart it names and the cart whose coupon it carries. Redeeming here as
     * well as in the member archive is safe: a coupon is redeemed by one order, and asking again
     * for the same order returns the same answer, so both consumers agree whichever comes first.
     */
    private Outcome orderPlaced(OrderEvent.OrderPlaced placed) {
        requireStoreCurrency(placed.total(), "OrderPlaced body.total");
        placed.lines().forEach(line -> requireStoreCurrency(line.unitPrice(), "OrderPlaced body.lines[].unitPrice"));
        Instant at = placed.meta().instant();
        Map<String, Redemption> redeemed = new LinkedHashMap<>();
        for (String code : placed.couponCodes()) {
            coupons.redeem(code, placed.orderId(), placed.customerId(), placed.total(), at)
                    .filter(coupon -> coupon.campaign().equals(Cart.CAMPAIGN))
                    .ifPresent(coupon -> CartStep.COUPON.cartIdOf(coupon.businessKey()).ifPresent(cartId ->
                            redeemed.put(cartId, new Redemption(placed.orderId(), at,
                                    coupon.redemption().orElseThrow().discountMinor()))));
        }
        Set<String> cartIds = new LinkedHashSet<>();
        if (placed.cartId() != null) {
            cartIds.add(placed.cartId());
        }
        cartIds.addAll(redeemed.keySet());
        boolean changed = false;
        for (String cartId : cartIds) {
            ClosedBy by = cartId.equals(placed.cartId()) ? ClosedBy.ORDER : ClosedBy.COUPON_ORDER;
            Optional<Redemption> redemption = Optional.ofNullable(redeemed.get(cartId));
            Applied applied = apply(cartId, cart -> {
                Change change = converted(cart, new Closure(placed.stamp(), by, placed.orderId()),
                        Optional.of(new Recovery(placed.orderId(), at, placed.total().minor(), RevenueSource.ORDER_TOTAL)));
                if (redemption.isEmpty() || cart.redemption().isPresent()) {
                    return change;
                }
                return new Change(change.after().redeemedBy(redemption.get()),
                        change.stats().plus(policy.dayOf(at), CartMetric.COUPON_COST, redemption.get().discountMinor()));
            });
            rearmIfChanged(applied);
            changed |= applied.changed();
        }
        return changed ? Outcome.APPLIED : Outcome.UNCHANGED;
    }

    /** A paid order of a member ends the sequences of the member's carts last changed before it. */
    private Outcome orderPaid(OrderEvent.OrderPaid paid) {
        requireStoreCurrency(paid.amount(), "OrderPaid body.amount");
        boolean changed = false;
        for (String cartId : carts.openCartsOf(paid.customerId())) {
            Applied applied = apply(cartId, cart -> paidAfterActivity(cart, paid.stamp(), paid.orderId(),
                    paid.amount().minor()));
            rearmIfChanged(applied);
            changed |= applied.changed();
        }
        return changed ? Outcome.APPLIED : Outcome.UNCHANGED;
    }

    private Change paidAfterActivity(Cart cart, Stamp payment, String orderId, long amountMinor) {
        if (!cart.isOpen() || !payment.isAfter(cart.activity().orElseThrow())) {
            return new Change(cart, CartStatsDelta.NONE);
        }
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
        if (cart.recovery().isPresent()) {
            Recovery counted = cart.recovery().get();
            Cart corrected = after.recoveredBy(recovery);
            if (!corrected.equals(after)) {
                stats = stats.plus(policy.dayOf(counted.orderedAt()), CartMetric.RECOVERED_REVENUE,
                        corrected.recovery().orElseThrow().revenueMinor() - counted.revenueMinor());
                after = corrected;
            }
        } else if (attributable(cart, recovery.orderedAt())) {
            LocalDate day = policy.dayOf(recovery.orderedAt());
            after = after.recoveredBy(recovery);
            stats = stats.plus(day, CartMetric.RECOVERED, 1).plus(day, CartMetric.RECOVERED_REVENUE, recovery.revenueMinor());
        }
        return new Change(after, stats);
    }

    /** Ordered within the attribution window after the first message of the cart that was really sent. */
    private boolean attributable(Cart cart, Instant orderedAt) {
        Optional<Instant> firstSent = cart.messagedSteps().stream()
                .map(step -> ledger.find(step.businessKey(cart.cartId()), false))
                .flatMap(Optional::stream)
                .filter(entry -> entry.status() == SendLedger.Status.SENT && entry.settledAt() != null)
                .map(SendLedger.Entry::settledAt)
                .min(Comparator.naturalOrder());
        return firstSent.isPresent() && !orderedAt.isBefore(firstSent.get())
                && !orderedAt.isAfter(firstSent.get().plus(policy.attributionWindow()));
    }

    // ------------------------------------------------------------------ steps

    private Outcome stepDue(CartStepDue due) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            Optional<Revisioned<Cart>> stored = carts.find(due.cartId(), true);
            if (stored.isEmpty()) {
                return stale(due, "unknown cart");
            }
            Cart cart = stored.get().value();
            if (!cart.isEligible() || !cart.activity().orElseThrow().equals(due.armedFor())) {
                // Re-arms the cart if a racing write left its current step without a timer.
                cart.nextStep(policy).ifPresent(next -> schedule(cart.cartId(), next));
                return stale(due, "changed or closed since armed");
            }
            StepRecord taken = cart.steps().get(due.step());
            if (taken != null) {
                if (taken.armedFor().equals(due.armedFor()) && taken.outcome() == StepOutcome.MESSAGED) {
                    // A redelivered firing (the first try may have stopped after recording the step).
                    effects(cart, due.step(), member(cart), now);
                }
                cart.nextStep(policy).ifPresent(next -> schedule(cart.cartId(), next));
                return stale(due, "step already taken");
            }
            Optional<ArmedStep> next = cart.nextStep(policy);
            if (next.isEmpty() || next.get().step() != due.step() || next.get().dueAt().isAfter(now)) {
                next.ifPresent(n -> schedule(cart.cartId(), n));
                return stale(due, "not the cart's step now");
            }
            Optional<Outcome> outcome = takeStep(stored.get(), due, now);
            if (outcome.isPresent()) {
                LOG.info("cart step", entry("cartId", cart.cartId()), entry("step", due.step().wire()),
                        entry("outcome", outcome.get().name()));
                return outcome.get();
            }
        }
        throw new ConcurrentUpdateException("cart " + due.cartId() + " kept changing while its step was taken");
    }

    /** Takes the due step; empty if the cart changed meanwhile (the caller reads it again). */
    private Optional<Outcome> takeStep(Revisioned<Cart> stored, CartStepDue due, Instant now) {
        Cart cart = stored.value();
        long revision = stored.revision();
        LocalDate today = policy.dayOf(now);
        if (!cart.isMessageable(policy.minimumValue())) {
            return save(cart.abandoned(now), revision, abandonedFigure(cart, today)) ? Optional.of(Outcome.ABANDONED)
                    : Optional.empty();
        }
        Optional<MemberRecord> member = member(cart);
        Stamp activity = cart.activity().orElseThrow();
        Optional<Purchases.Payment> paid = member.flatMap(m -> new MemberLedger(memberPolicy).current(m).purchases()
                .firstPaymentAfter(activity));
        if (paid.isPresent()) {
            Purchases.Payment payment = paid.get();
            Change change = converted(cart, new Closure(payment.stamp(), ClosedBy.PAID_ORDER, payment.orderId()),
                    Optional.of(new Recovery(payment.orderId(), payment.stamp().at(), payment.amountMinor(),
                            RevenueSource.PAYMENT)));
            return save(change.after(), revision, change.stats()) ? Optional.of(Outcome.CONVERTED) : Optional.empty();
        }
        StepOutcome result;
        if (member.isEmpty() || !marketable(member.get(), now)) {
            result = StepOutcome.NOT_MARKETABLE;
        } else if (due.step() == CartStep.COUPON) {
            Optional<Instant> quietEnd = policy.quietHours().endIfQuiet(now, zoneOf(member.get()));
            if (quietEnd.isPresent()) {
                schedule(cart.cartId(), new ArmedStep(CartStep.COUPON, activity, quietEnd.get()));
                return Optional.of(Outcome.DEFERRED);
            }
            result = couponDecision(cart, member.get(), now);
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
        }
        if (!save(after, revision, stats)) {
            if (result == StepOutcome.MESSAGED && due.step() == CartStep.COUPON) {
                // The cart changed meanwhile: the place is claimed again if the step is still due.
                allowance.release(member.get().customerId(), Cart.CAMPAIGN, CartStep.COUPON.businessKey(cart.cartId()));
            }
            return Optional.empty();
        }
        if (result == StepOutcome.MESSAGED) {
            effects(after, due.step(), member, now);
        }
        after.nextStep(policy).ifPresent(next -> schedule(after.cartId(), next));
        return Optional.of(result == StepOutcome.MESSAGED ? Outcome.STEP_MESSAGED : Outcome.STEP_SKIPPED);
    }

    private CartStatsDelta abandonedFigure(Cart cart, LocalDate today) {
        return cart.abandonedAt().isPresent() ? CartStatsDelta.NONE
                : CartStatsDelta.NONE.plus(today, CartMetric.ABANDONED, 1);
    }

    /** What a taken step does once recorded: issue the coupon (idempotent per cart), hand the message to the outbox. */
    private void effects(Cart cart, CartStep step, Optional<MemberRecord> member, Instant now) {
        switch (step) {
            case REMINDER -> outbox.enqueue(messages.reminder(cart, reminderWorthUntil(cart, now), now));
            case COUPON -> {
                Optional<CouponValue> value = member.flatMap(record -> couponValue(record, now));
                if (value.isEmpty()) {
                    // Only on a redelivered firing after the member's tier lost its coupon value (a policy change).
                    LOG.warn("cart coupon not issued: the member's tier has no coupon value any more",
                            entry("cartId", cart.cartId()));
                    return;
                }
                MemberRecord record = member.get();
                Coupon coupon = coupons.issue(new CouponBook.Issue(CartStep.COUPON.businessKey(cart.cartId()),
                        Cart.CAMPAIGN, record.customerId(), value.get(), now, now.plus(policy.couponValidity())));
                outbox.enqueue(messages.coupon(cart, coupon, zoneOf(record), now));
            }
        }
    }

    /** A reminder is pointless once the next step of the sequence is due (or a day after it was planned, if it is the last). */
    private Instant reminderWorthUntil(Cart cart, Instant now) {
        Instant activity = cart.activity().orElseThrow().at();
        return policy.sequence().steps().stream()
                .filter(s -> s.delay().compareTo(policy.sequence().delayOf(CartStep.REMINDER)) > 0)
                .map(CartSequence.Step::delay).findFirst()
                .map(activity::plus)
                .orElse(now.plus(Duration.ofDays(1)));
    }

    private StepOutcome couponDecision(Cart cart, MemberRecord member, Instant now) {
        if (couponValue(member, now).isEmpty()) {
            return StepOutcome.NO_COUPON_FOR_TIER;
        }
        // Claimed before the step is recorded, so that two carts of one member falling due at once
        // cannot both take the cap's last place.
        boolean placed = allowance.claim(member.customerId(), Cart.CAMPAIGN, CartStep.COUPON.businessKey(cart.cartId()),
                policy.couponsPerMember(), policy.couponCapWindow(), now);
        return placed ? StepOutcome.MESSAGED : StepOutcome.COUPON_CAP_REACHED;
    }

    private Optional<CouponValue> couponValue(MemberRecord member, Instant now) {
        return MemberSummary.of(member, memberPolicy, now).tier().flatMap(policy.couponValues()::forTier);
    }

    /**
     * A pre-check so that no coupon is issued to someone who cannot receive it: an active member
     * with marketing consent. The sender's check at send time (suppressions, unsubscribes, disputes,
     * caps) is the one that decides.
     */
    private boolean marketable(MemberRecord member, Instant now) {
        return MemberSummary.of(member, memberPolicy, now).status() == MembershipStatus.ACTIVE
                && member.profile().marketingConsent() != null && member.profile().marketingConsent().granted();
    }

    private Optional<MemberRecord> member(Cart cart) {
        return cart.contents().flatMap(Cart.Contents::customerId)
                .flatMap(id -> members.find(id, false)).map(Revisioned::value);
    }

    private ZoneId zoneOf(MemberRecord member) {
        return Optional.ofNullable(member.profile().timeZone()).orElse(policy.storeZone());
    }

    private Outcome stale(CartStepDue due, String why) {
        LOG.info("cart step not current", entry("cartId", due.cartId()), entry("step", due.step().wire()),
                entry("why", why));
        return Outcome.STALE;
    }

    // ------------------------------------------------------------------ timers and storage

    /**
     * Arms the cart's timer for its next step, or cancels it when there is none any more. After a
     * cancel the cart is read again: a concurrent change that armed it must not lose its timer.
     */
    private void rearm(Cart before, Cart after) {
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

    private void rearmIfChanged(Applied applied) {
        if (applied.changed()) {
            rearm(applied.before(), applied.after());
        }
    }

    private void schedule(String cartId, ArmedStep next) {
        timers.schedule(new Timers.Timer(CartStepDue.timerId(cartId), CartStepDue.TARGET,
                new CartStepDue(cartId, next.step(), next.armedFor()).toJson(), next.dueAt()));
    }

    /** The cart before and after a change, and whether it was saved. */
    private record Applied(Cart before, Cart after, boolean changed) {
        Outcome outcome() {
            return changed ? Outcome.APPLIED : Outcome.UNCHANGED;
        }
    }

    /** A cart after a change, and what the change adds to the daily report. */
    private record Change(Cart after, CartStatsDelta stats) {}

    /** Reads the cart, applies the change and saves it if it changed; a concurrent write makes it read again. */
    private Applied apply(String cartId, Function<Cart, Change> change) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Revisioned<Cart>> stored = carts.find(cartId, attempt > 1);
            Cart before = stored.map(Revisioned::value).orElseGet(() -> Cart.empty(cartId));
            Change result = change.apply(before);
            if (result.after().equals(before)) {
                return new Applied(before, before, false);
            }
            OptionalLong revision = stored.map(r -> OptionalLong.of(r.revision())).orElse(OptionalLong.empty());
            try {
                carts.save(result.after(), revision, result.stats());
                return new Applied(before, result.after(), true);
            } catch (ConcurrentUpdateException conflict) {
                if (attempt == ATTEMPTS) {
                    throw conflict;
                }
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** Saves a step's change; false if the cart changed since it was read (the step is then looked at again). */
    private boolean save(Cart after, long revision, CartStatsDelta stats) {
        try {
            carts.save(after, OptionalLong.of(revision), stats);
            return true;
        } catch (ConcurrentUpdateException conflict) {
            return false;
        }
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
