package dev.storecrm.domain.cart;

import static dev.storecrm.domain.TestEvents.cny;
import static dev.storecrm.domain.TestEvents.meta;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.cart.Cart.ArmedStep;
import dev.storecrm.domain.cart.Cart.ClosedBy;
import dev.storecrm.domain.cart.Cart.Closure;
import dev.storecrm.domain.cart.Cart.Recovery;
import dev.storecrm.domain.cart.Cart.RevenueSource;
import dev.storecrm.domain.cart.Cart.StepOutcome;
import dev.storecrm.domain.cart.Cart.StepRecord;
import dev.storecrm.domain.event.CartEvent.CartUpdated;
import dev.storecrm.domain.event.EventType;
import dev.storecrm.domain.event.OrderEvent.Line;
import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.messaging.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CartTest {

    static final CartPolicy POLICY = new CartPolicy(CartSequence.parse(CartSequence.DEFAULT), cny(5_000),
            TierCouponValues.parse(TierCouponValues.DEFAULT, java.util.Currency.getInstance("CNY")),
            Duration.ofHours(48), 1, CartPolicy.COUPON_CAP_WINDOW, Duration.ofDays(7), ZoneId.of("Asia/Shanghai"),
            QuietHours.parse("21:00-09:00"));

    static CartUpdated updated(String id, String at, Optional<String> customerId, Optional<String> email, int lines,
                               long fen) {
        List<Line> items = IntStream.range(0, lines)
                .mapToObj(i -> new Line("SKU-" + i, "Tea " + i, 1, cny(fen / Math.max(1, lines)), null)).toList();
        return new CartUpdated(meta(id, EventType.CartUpdated, at), "cart-1", customerId, email, items, cny(fen),
                Optional.of("https://shop.example.com/cart/cart-1"), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    static CartUpdated member(String id, String at, long fen) {
        return updated(id, at, Optional.of("c-1"), Optional.empty(), 2, fen);
    }

    static Closure checkout(String id, String at) {
        return new Closure(meta(id, EventType.CheckoutCompleted, at).stamp(), ClosedBy.CHECKOUT, "o-1");
    }

    @Test
    void contentsAndClosureConvergeWhateverTheOrderAndDuplicates() {
        List<UnaryOperator<Cart>> events = List.of(
                c -> c.updated(member("e1", "2026-11-20T10:00:00+08:00", 10_000)),
                c -> c.updated(member("e2", "2026-11-20T10:50:00+08:00", 20_000)),
                c -> c.updated(member("e2", "2026-11-20T10:50:00+08:00", 20_000)),
                c -> c.closedBy(checkout("e3", "2026-11-20T10:30:00+08:00")),
                c -> c.updated(updated("e0", "2026-11-20T09:00:00+08:00", Optional.of("c-1"), Optional.empty(), 0, 0)));
        Set<Cart> results = new HashSet<>();
        Random random = new Random(7);
        for (int run = 0; run < 200; run++) {
            List<UnaryOperator<Cart>> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            Cart cart = Cart.empty("cart-1");
            for (UnaryOperator<Cart> event : shuffled) {
                cart = event.apply(cart);
            }
            results.add(cart);
        }
        assertEquals(1, results.size(), "every order gives the same cart");
        Cart cart = results.iterator().next();
        assertEquals(20_000, cart.contents().orElseThrow().total().minor(), "the newest update wins");
        assertTrue(cart.isOpen(), "the checkout at 10:30 is older than the change at 10:50: the cart was used again");
    }

    @Test
    void aCheckoutAfterTheLastChangeClosesTheCartInEitherArrivalOrder() {
        CartUpdated change = member("e1", "2026-11-20T10:00:00+08:00", 10_000);
        Closure after = checkout("e2", "2026-11-20T10:30:00+08:00");
        Cart updateFirst = Cart.empty("cart-1").updated(change).closedBy(after);
        Cart checkoutFirst = Cart.empty("cart-1").closedBy(after).updated(change);
        assertEquals(updateFirst, checkoutFirst);
        assertFalse(checkoutFirst.isOpen());
        assertEquals(Optional.empty(), checkoutFirst.nextStep(POLICY), "a closed cart starts nothing");
    }

    @Test
    void theSequenceRunsReminderThenCouponEachFromTheLastChange() {
        Cart cart = Cart.empty("cart-1").updated(member("e1", "2026-11-20T10:00:00+08:00", 10_000));
        Stamp first = cart.activity().orElseThrow();
        assertEquals(new ArmedStep(CartStep.REMINDER, first, Instant.parse("2026-11-20T03:00:00Z")),
                cart.nextStep(POLICY).orElseThrow());

        Cart moved = cart.updated(member("e2", "2026-11-20T10:50:00+08:00", 10_000));
        assertEquals(Instant.parse("2026-11-20T03:50:00Z"), moved.nextStep(POLICY).orElseThrow().dueAt(),
                "a change re-arms the reminder from the change");

        Cart reminded = moved.stepDone(CartStep.REMINDER, new StepRecord(Instant.parse("2026-11-20T03:50:00Z"),
                moved.activity().orElseThrow(), StepOutcome.MESSAGED));
        assertEquals(new ArmedStep(CartStep.COUPON, moved.activity().orElseThrow(),
                        Instant.parse("2026-11-21T02:50:00Z")),
                reminded.nextStep(POLICY).orElseThrow());

        Cart changedAgain = reminded.updated(member("e3", "2026-11-20T15:00:00+08:00", 10_000));
        assertEquals(CartStep.COUPON, changedAgain.nextStep(POLICY).orElseThrow().step(),
                "one reminder per cart: after a change the sequence goes on with the coupon");
        assertEquals(Instant.parse("2026-11-21T07:00:00Z"), changedAgain.nextStep(POLICY).orElseThrow().dueAt());

        Cart done = changedAgain.stepDone(CartStep.COUPON, new StepRecord(Instant.parse("2026-11-21T07:00:00Z"),
                changedAgain.activity().orElseThrow(), StepOutcome.MESSAGED));
        assertEquals(Optional.empty(), done.nextStep(POLICY));
        assertEquals(List.of(CartStep.REMINDER, CartStep.COUPON), done.messagedSteps());
    }

    @Test
    void aCartWithoutItemsOrContactStartsNothing() {
        assertEquals(Optional.empty(), Cart.empty("cart-1")
                .updated(updated("e1", "2026-11-20T10:00:00+08:00", Optional.of("c-1"), Optional.empty(), 0, 0))
                .nextStep(POLICY));
        assertEquals(Optional.empty(), Cart.empty("cart-1")
                .updated(updated("e1", "2026-11-20T10:00:00+08:00", Optional.empty(), Optional.empty(), 2, 10_000))
                .nextStep(POLICY));
    }

    @Test
    void guestAndSmallCartsAreArmedOnceToBeCountedAsAbandoned() {
        Cart guest = Cart.empty("cart-1").updated(updated("e1", "2026-11-20T10:00:00+08:00", Optional.empty(),
                Optional.of("guest@example.com"), 1, 10_000));
        assertTrue(guest.isEligible());
        assertFalse(guest.isMessageable(POLICY.minimumValue()), "no member, no marketing consent to check");
        assertEquals(CartStep.REMINDER, guest.nextStep(POLICY).orElseThrow().step());
        assertEquals(Optional.empty(), guest.abandoned(Instant.parse("2026-11-20T03:00:00Z")).nextStep(POLICY));

        Cart small = Cart.empty("cart-2").updated(member("e2", "2026-11-20T10:00:00+08:00", 4_999));
        assertFalse(small.isMessageable(POLICY.minimumValue()), "below the minimum value of CNY 50.00");
        assertEquals(Optional.empty(), small.abandoned(Instant.parse("2026-11-20T03:00:00Z")).nextStep(POLICY));
        Cart grown = small.abandoned(Instant.parse("2026-11-20T03:00:00Z"))
                .updated(member("e3", "2026-11-20T12:00:00+08:00", 5_000));
        assertEquals(CartStep.REMINDER, grown.nextStep(POLICY).orElseThrow().step(),
                "grown past the minimum: messages start");
    }

    @Test
    void theSenderSeesACartAsOpenOnlyWhileItIsUnchangedAndNotClosed() {
        Cart cart = Cart.empty("cart-1").updated(member("e1", "2026-11-20T10:00:00+08:00", 10_000));
        Stamp armedFor = cart.activity().orElseThrow();
        assertTrue(cart.stillOpenAsOf(armedFor));
        assertFalse(cart.updated(member("e2", "2026-11-20T10:05:00+08:00", 10_000)).stillOpenAsOf(armedFor));
        assertFalse(cart.closedBy(checkout("e3", "2026-11-20T10:10:00+08:00")).stillOpenAsOf(armedFor));
    }

    @Test
    void theFirstRecoveryCountsAndOnlyABetterFigureForTheSameOrderCorrectsIt() {
        Cart cart = Cart.empty("cart-1").updated(member("e1", "2026-11-20T10:00:00+08:00", 10_000));
        Instant at = Instant.parse("2026-11-20T05:00:00Z");
        Cart byCheckout = cart.recoveredBy(new Recovery("o-1", at, 10_000, RevenueSource.CART_TOTAL));
        Cart byOrder = byCheckout.recoveredBy(
                new Recovery("o-1", at.plusSeconds(20), 9_000, RevenueSource.ORDER_TOTAL));
        assertEquals(new Recovery("o-1", at, 9_000, RevenueSource.ORDER_TOTAL), byOrder.recovery().orElseThrow(),
                "the order's own total replaces the cart's, on the day first counted");
        assertEquals(byOrder, byOrder.recoveredBy(new Recovery("o-1", at, 8_000, RevenueSource.PAYMENT)),
                "weaker figure");
        assertEquals(byOrder, byOrder.recoveredBy(new Recovery("o-2", at, 50_000, RevenueSource.ORDER_TOTAL)),
                "another order");
    }

    @Test
    void aCartKeepsTwentyLinesAndCountsTheRest() {
        Cart big = Cart.empty("cart-1").updated(updated("e1", "2026-11-20T10:00:00+08:00", Optional.of("c-1"),
                Optional.empty(), 25, 25_000));
        assertEquals(Cart.LINES_KEPT, big.contents().orElseThrow().lines().size());
        assertEquals(25, big.contents().orElseThrow().lineCount());
    }

    static CartUpdated guest(String id, String at, Optional<Boolean> consent) {
        CartUpdated plain = updated(id, at, Optional.empty(), Optional.of("Visitor@Example.com"), 2, 20_000);
        return new CartUpdated(plain.meta(), plain.cartId(), Optional.empty(), plain.email(), plain.lines(),
                plain.total(), plain.recoveryUrl(), Optional.of("en"), Optional.of("Europe/Paris"),
                consent.map(granted -> new dev.storecrm.domain.member.Consent(granted,
                        Instant.parse("2026-11-22T11:44:30Z"), "checkout")));
    }

    @Test
    void aGuestCartIsChasedOnlyWhileItsNewestUpdateCarriesTheGuestsConsent() {
        Cart consented = Cart.empty("cart-1").updated(guest("e1", "2026-11-22T19:45:00+08:00", Optional.of(true)));
        assertTrue(consented.isMessageable(POLICY.minimumValue()));
        assertEquals(Optional.of(Instant.parse("2026-11-22T11:44:30Z")),
                consented.guestConsentFor("visitor@example.com"),
                "the consent is for the address, however its case is written");
        assertEquals(Optional.empty(), consented.guestConsentFor("someone.else@example.com"));
        assertEquals(Optional.of(CartStep.REMINDER), consented.nextStep(POLICY).map(ArmedStep::step));

        for (Optional<Boolean> later : List.of(Optional.of(false), Optional.<Boolean>empty())) {
            Cart withdrawn = consented.updated(guest("e2", "2026-11-22T19:50:00+08:00", later));
            assertFalse(withdrawn.isMessageable(POLICY.minimumValue()), "the newest update decides: " + later);
            assertEquals(Optional.empty(), withdrawn.guestConsentFor("visitor@example.com"));
            assertTrue(withdrawn.guest().isEmpty(), "and the address is no longer kept");
        }
        Cart older = consented.updated(guest("e0", "2026-11-22T19:40:00+08:00", Optional.of(false)));
        assertEquals(consented, older, "an older update that withdrew the consent changes nothing");
        Cart refused = Cart.empty("cart-1").updated(guest("e1", "2026-11-22T19:45:00+08:00", Optional.of(false)));
        assertFalse(refused.isMessageable(POLICY.minimumValue()));
        assertTrue(refused.guest().isEmpty(), "no consent: the guest's address is not kept");
    }
}
