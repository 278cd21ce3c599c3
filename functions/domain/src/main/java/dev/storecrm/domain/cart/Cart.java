package dev.storecrm.domain.cart;

import dev.storecrm.domain.event.CartEvent.CartUpdated;
import dev.storecrm.domain.event.OrderEvent.Line;
import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.messaging.AddressHash;
import dev.storecrm.domain.messaging.EmailAddress;
import dev.storecrm.domain.money.Money;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A shopping cart as cart recovery keeps it: what is in it (from the newest CartUpdated), what
 * closed it (the newest checkout or order), and what the recovery sequence did for it.
 *
 * <p><b>Order-independent.</b> Contents and closure are each last-writer-wins by their event's
 * {@link Stamp}; the cart is open while its newest activity is newer than its newest closure, so a
 * checkout that happened after the last change ends the sequence in whatever order the two arrive,
 * and a duplicate or an older event changes nothing.
 *
 * <p><b>Guests.</b> A guest's cart (no customer id) is chased only when its newest CartUpdated
 * carries the guest's marketing consent, granted, for the cart's e-mail (contract version 2): then
 * the address, the consent's moment and the guest's locale and time zone are kept with the contents
 * ({@link Guest}), and the newest CartUpdated decides (by event time, like the rest of the contents),
 * so a later update that withdraws the consent, or says nothing of it, ends the guest's mail. Without
 * that consent the address is not kept, only that the cart has one.
 *
 * @param steps       the steps of the sequence that happened, each once per cart
 * @param abandonedAt when the cart was first counted as abandoned (its first step fell due)
 * @param recovery    the order that recovered the cart after a message, once one did
 * @param redemption  the order that redeemed the cart's coupon, once one did
 */
public record Cart(String cartId, Optional<Contents> contents, Optional<Closure> closure,
                   Map<CartStep, StepRecord> steps, Optional<Instant> abandonedAt, Optional<Recovery> recovery,
                   Optional<Redemption> redemption) {

    /** The journey and coupon campaign name of cart recovery. */
    public static final String CAMPAIGN = "cart";

    /** At most this many lines are kept (and shown in a message); the rest are counted. */
    public static final int LINES_KEPT = 20;

    /**
     * The cart as the newest CartUpdated described it.
     *
     * @param lineCount how many lines the cart has ({@code lines} keeps the first {@link #LINES_KEPT})
     */
    public record Contents(Stamp stamp, Optional<String> customerId, boolean hasEmail, List<Line> lines, int lineCount,
                           Money total, Optional<String> recoveryUrl, Optional<Guest> guest) {
        public Contents {
            Objects.requireNonNull(stamp, "stamp");
            Objects.requireNonNull(total, "total");
            Objects.requireNonNull(guest, "guest");
            lines = List.copyOf(lines.subList(0, Math.min(LINES_KEPT, lines.size())));
            if (guest.isPresent() && customerId.isPresent()) {
                throw new IllegalArgumentException("a member's cart has no guest consent");
            }
        }

        public static Contents of(CartUpdated event) {
            Optional<Guest> guest = event.guestConsented()
                    ? Optional.of(new Guest(event.email().orElseThrow(), event.marketingConsent().orElseThrow().at(),
                            event.locale(), event.timeZone()))
                    : Optional.empty();
            return new Contents(event.stamp(), event.customerId(), event.email().isPresent(), event.lines(),
                    event.lines().size(), event.total(), event.recoveryUrl(), guest);
        }
    }

    /**
     * A guest who consented to marketing at checkout, as the cart's newest CartUpdated said: the
     * address the consent was given for, when it was given, and how to write to the guest.
     *
     * @param timeZone an IANA time zone id
     */
    public record Guest(String email, Instant consentAt, Optional<String> locale, Optional<String> timeZone) {
        public Guest {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(consentAt, "consentAt");
            Objects.requireNonNull(locale, "locale");
            Objects.requireNonNull(timeZone, "timeZone");
        }

        /**
         * The guest's key where a customer id would go (coupon owner, coupon cap, frequency cap):
         * {@code guest:<address hash>}, so it names no address.
         */
        public String key() {
            return keyOf(email);
        }

        public static String keyOf(String email) {
            return "guest:" + AddressHash.of(email);
        }

        /** Whether this consent was given for that address (compared in normalised form). */
        public boolean isFor(String address) {
            return EmailAddress.normalised(email).equals(EmailAddress.normalised(address));
        }
    }

    /** What closed a cart. */
    public enum ClosedBy {
        /** CheckoutCompleted for this cart. */
        CHECKOUT,
        /** OrderPlaced naming this cart. */
        ORDER,
        /** OrderPlaced carrying this cart's coupon. */
        COUPON_ORDER,
        /** A paid order of the cart's member after the cart's last activity. */
        PAID_ORDER
    }

    public record Closure(Stamp stamp, ClosedBy by, String orderId) {
        public Closure {
            Objects.requireNonNull(stamp, "stamp");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(orderId, "orderId");
        }
    }

    /** What a step did. */
    public enum StepOutcome {
        /** Its message was handed to the sender (which still checks consent, caps and quiet hours). */
        MESSAGED,
        /**
         * The customer is not (yet) an active member with marketing consent (nor a guest who consented at
         * checkout): nothing was sent and no coupon issued. (A pre-check; the sender's own check at send
         * time is the one that decides.)
         */
        NOT_MARKETABLE,
        /** The member's tier has no coupon value. */
        NO_COUPON_FOR_TIER,
        /** The member had as many cart coupons as the cap allows within its window. */
        COUPON_CAP_REACHED,
        /** The cart is in the journey's holdout group: the step is recorded as held out, nothing sent or issued. */
        HELD_OUT
    }

    /** A step that happened: when, for which cart activity, with what outcome. */
    public record StepRecord(Instant at, Stamp armedFor, StepOutcome outcome) {}

    /** Where a recovered cart's revenue figure came from, weakest first. */
    public enum RevenueSource { CART_TOTAL, PAYMENT, ORDER_TOTAL }

    /** The order that recovered the cart, its time and revenue. */
    public record Recovery(String orderId, Instant orderedAt, long revenueMinor, RevenueSource source) {}

    /** The order that redeemed the cart's coupon and what the coupon took off it. */
    public record Redemption(String orderId, Instant at, long discountMinor) {}

    /** The next step due for a cart: which, for which activity, when. */
    public record ArmedStep(CartStep step, Stamp armedFor, Instant dueAt) {}

    public Cart {
        Objects.requireNonNull(cartId, "cartId");
        steps = Map.copyOf(steps);
    }

    public static Cart empty(String cartId) {
        return new Cart(cartId, Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The cart with this event's contents, if the event is newer than what the cart holds. */
    public Cart updated(CartUpdated event) {
        if (contents.isPresent() && !event.stamp().isAfter(contents.get().stamp())) {
            return this;
        }
        return new Cart(cartId, Optional.of(Contents.of(event)), closure, steps, abandonedAt, recovery,
                redemption);
    }

    /** The cart with this closure, if it is newer than the one the cart holds. */
    public Cart closedBy(Closure newer) {
        if (closure.isPresent() && !newer.stamp().isAfter(closure.get().stamp())) {
            return this;
        }
        return new Cart(cartId, contents, Optional.of(newer), steps, abandonedAt, recovery, redemption);
    }

    /** The stamp of the newest activity. */
    public Optional<Stamp> activity() {
        return contents.map(Contents::stamp);
    }

    /** Known, and not closed since its last activity. */
    public boolean isOpen() {
        return contents.isPresent()
                && closure.map(c -> c.stamp().compareTo(contents.get().stamp()) < 0).orElse(true);
    }

    /** Open, with items and a contact: such a cart can be abandoned, anything else starts nothing. */
    public boolean isEligible() {
        return isOpen() && !contents.get().lines().isEmpty()
                && (contents.get().customerId().isPresent() || contents.get().hasEmail());
    }

    /**
     * A member's cart, or a guest's whose newest update carries their consent, worth at least the
     * minimum: the only carts messages go to.
     */
    public boolean isMessageable(Money minimumValue) {
        return isEligible() && (contents.get().customerId().isPresent() || contents.get().guest().isPresent())
                && contents.get().total().minor() >= minimumValue.minor();
    }

    /** The consenting guest of the cart's newest update; empty for a member's cart or a guest without consent. */
    public Optional<Guest> guest() {
        return contents.flatMap(Contents::guest);
    }

    /**
     * When the cart's guest consented to marketing for this address, as the cart's newest update
     * says (the sender's re-check at send time); empty if it does not say so.
     */
    public Optional<Instant> guestConsentFor(String email) {
        return guest().filter(g -> g.isFor(email)).map(Guest::consentAt);
    }

    /** Still open and unchanged since the activity a step was armed for (the sender's re-check). */
    public boolean stillOpenAsOf(Stamp armedFor) {
        return isOpen() && contents.get().stamp().equals(armedFor);
    }

    /**
     * The step to arm now: the first step of the sequence this cart has not had, due its delay
     * after the last activity. A cart that gets no messages (a guest's without consent, or below the minimum value)
     * is armed once, for the first step, to be counted as abandoned. Nothing for a closed, empty or
     * contactless cart.
     */
    public Optional<ArmedStep> nextStep(CartPolicy policy) {
        if (!isEligible()) {
            return Optional.empty();
        }
        Stamp armedFor = contents.get().stamp();
        if (!isMessageable(policy.minimumValue())) {
            CartSequence.Step first = policy.sequence().first();
            return abandonedAt.isPresent() ? Optional.empty()
                    : Optional.of(new ArmedStep(first.kind(), armedFor, armedFor.at().plus(first.delay())));
        }
        return policy.sequence().steps().stream().filter(s -> !steps.containsKey(s.kind())).findFirst()
                .map(s -> new ArmedStep(s.kind(), armedFor, armedFor.at().plus(s.delay())));
    }

    public Cart abandoned(Instant at) {
        return abandonedAt.isPresent() ? this
                : new Cart(cartId, contents, closure, steps, Optional.of(at), recovery, redemption);
    }

    public Cart stepDone(CartStep step, StepRecord record) {
        Map<CartStep, StepRecord> done = new EnumMap<>(CartStep.class);
        done.putAll(steps);
        done.put(step, record);
        return new Cart(cartId, contents, closure, done, abandonedAt, recovery, redemption);
    }

    /** The steps whose messages were handed to the sender. */
    public List<CartStep> messagedSteps() {
        return stepsWith(StepOutcome.MESSAGED);
    }

    /** The steps recorded as held out (the cart is in the journey's holdout group). */
    public List<CartStep> heldOutSteps() {
        return stepsWith(StepOutcome.HELD_OUT);
    }

    private List<CartStep> stepsWith(StepOutcome outcome) {
        return steps.entrySet().stream().filter(e -> e.getValue().outcome() == outcome)
                .map(Map.Entry::getKey).sorted().toList();
    }

    /**
     * The cart recovered by an order: the first recovery counts; a later, better revenue figure
     * for the same order (the order's own total after the cart's) replaces the figure.
     */
    public Cart recoveredBy(Recovery candidate) {
        if (recovery.isPresent()) {
            Recovery current = recovery.get();
            if (!current.orderId().equals(candidate.orderId()) || candidate.source().compareTo(current.source()) <= 0) {
                return this;
            }
            candidate = new Recovery(current.orderId(), current.orderedAt(), candidate.revenueMinor(),
                    candidate.source());
        }
        return new Cart(cartId, contents, closure, steps, abandonedAt, Optional.of(candidate), redemption);
    }

    /** The cart's coupon redeemed by an order (the coupon book allows one redemption). */
    public Cart redeemedBy(Redemption first) {
        return redemption.isPresent() ? this
                : new Cart(cartId, contents, closure, steps, abandonedAt, recovery, Optional.of(first));
    }
}
