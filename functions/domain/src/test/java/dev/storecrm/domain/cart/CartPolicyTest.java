package dev.storecrm.domain.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.coupon.CouponValue;
import dev.storecrm.domain.event.Stamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cart policy's text forms (template parameters) and the cart timer's body. */
class CartPolicyTest {

    private static final Currency CNY = Currency.getInstance("CNY");

    @Test
    void aSequenceIsReadAsDataAndRunsInTheOrderOfItsDelays() {
        CartSequence sequence = CartSequence.parse("coupon=P1D, reminder=PT45M");
        assertEquals(List.of(new CartSequence.Step(CartStep.REMINDER, Duration.ofMinutes(45)),
                new CartSequence.Step(CartStep.COUPON, Duration.ofDays(1))), sequence.steps());
        assertEquals("reminder=PT1H,coupon=PT24H", CartSequence.parse(CartSequence.DEFAULT).toString());
        assertEquals(List.of(new CartSequence.Step(CartStep.REMINDER, Duration.ofHours(2))),
                CartSequence.parse("reminder=PT2H").steps(), "a store may send reminders only");
    }

    @Test
    void aBadSequenceStopsTheFunctionWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CartSequence.parse("reminder=PT1H,reminder=PT2H"))
                .getMessage().contains("twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CartSequence.parse("sms=PT1H"))
                .getMessage().contains("reminder or coupon"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CartSequence.parse("reminder=1 hour"))
                .getMessage().contains("ISO-8601"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CartSequence.parse("reminder=PT0S"))
                .getMessage().contains("positive"));
    }

    @Test
    void couponValuesGoByTierWithAFallbackAndMustBeInTheStoreCurrency() {
        TierCouponValues values = TierCouponValues.parse("*=5%,VIP1=CNY:2000,VIP2=10%", CNY);
        assertEquals(Optional.of(new CouponValue.Fixed(dev.storecrm.domain.money.Money.of(2000, "CNY"))),
                values.forTier("VIP1"));
        assertEquals(Optional.of(new CouponValue.Percent(10)), values.forTier("VIP2"));
        assertEquals(Optional.of(new CouponValue.Percent(5)), values.forTier("MEMBER"));
        assertEquals(Optional.empty(), TierCouponValues.parse("VIP1=10%", CNY).forTier("MEMBER"),
                "no value, no coupon");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TierCouponValues.parse("VIP1=USD:500", CNY))
                .getMessage().contains("store currency"));
        assertThrows(IllegalArgumentException.class, () -> TierCouponValues.parse("VIP1", CNY));
        assertThrows(IllegalArgumentException.class, () -> TierCouponValues.parse("VIP1=150%", CNY));
    }

    @Test
    void aCartTimerBodySurvivesTheSweepAndABrokenOneIsRefused() throws Exception {
        CartStepDue due = new CartStepDue("cart-3001", CartStep.COUPON,
                new Stamp(Instant.parse("2026-11-20T14:15:00Z"), "evt-20261120-0101"));
        var json = new dev.storecrm.domain.json.tree.ObjectMapper();
        assertEquals(due, CartStepDue.read(json.readTree(due.toJson())));
        assertTrue(CartStepDue.isTimerBody(json.readTree(due.toJson())));
        assertEquals("cart#cart-3001", CartStepDue.timerId("cart-3001"));

        InvalidInputException unknownStep = assertThrows(InvalidInputException.class, () -> CartStepDue.read(
                json.readTree("{\"kind\":\"cart-step\",\"cartId\":\"cart-1\",\"step\":\"sms\","
                        + "\"armedFor\":\"2026-11-20T14:15:00.000000000Z e\"}")));
        assertEquals(RejectReason.SCHEMA_VIOLATION, unknownStep.reason());
        assertEquals("step must be one of reminder, coupon", unknownStep.detail());
        assertEquals("armedFor must be a stamp: a fixed-width UTC instant, a space, an event id",
                assertThrows(InvalidInputException.class, () -> CartStepDue.read(json.readTree(
                        "{\"kind\":\"cart-step\",\"cartId\":\"cart-1\",\"step\":\"coupon\","
                                + "\"armedFor\":\"yesterday\"}")))
                        .detail());
    }

    @Test
    void couponBusinessKeysNameTheirCart() {
        assertEquals("CART#cart-3001#coupon", CartStep.COUPON.businessKey("cart-3001"));
        assertEquals(Optional.of("cart-3001"), CartStep.COUPON.cartIdOf("CART#cart-3001#coupon"));
        assertEquals(Optional.of("a#b"), CartStep.COUPON.cartIdOf("CART#a#b#coupon"));
        assertEquals(Optional.empty(), CartStep.COUPON.cartIdOf("CART#cart-3001#reminder"));
        assertEquals(Optional.empty(), CartStep.COUPON.cartIdOf("BIRTHDAY#c-1#2026"));
        assertEquals(Optional.empty(), CartStep.COUPON.cartIdOf("CART##coupon"));
    }
}
