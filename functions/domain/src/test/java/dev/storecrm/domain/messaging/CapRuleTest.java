package dev.storecrm.domain.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storecrm.domain.messaging.CapRule.Decision;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The member's birthday morning in Shanghai: who takes the 16-hour slot, who waits, who expires. */
class CapRuleTest {

    private static final Duration WINDOW = Duration.ofHours(16);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final QuietHours NIGHT = QuietHours.parse("21:00-09:00");
    private static final CapPriorities PRIORITIES = CapPriorities.parse(CapPriorities.DEFAULT);
    /** 09:00 on the birthday, 2026-11-23, in Shanghai. */
    private static final Instant NINE = Instant.parse("2026-11-23T01:00:00Z");
    private static final Instant END_OF_DAY = Instant.parse("2026-11-23T16:00:00Z");

    private static final MessageRequest GREETING = MessageRequest.marketing("BIRTHDAY#c-1#2026", "birthday", "c-1",
            "birthday-greeting", Map.of(), NINE).notAfter(END_OF_DAY);
    private static final MessageRequest REMINDER = MessageRequest.marketing("CART#cart-1#reminder", "cart", "c-1",
            "cart-reminder", Map.of(), NINE);
    private static final MessageRequest COUPON = MessageRequest.marketing("CART#cart-1#coupon", "cart", "c-1",
            "cart-coupon", Map.of(), NINE).notAfter(NINE.plus(Duration.ofHours(24)));
    private static final MessageRequest WIN_BACK = MessageRequest.marketing("WINBACK#c-1#x#60", "win-back", "c-1",
            "win-back-1", Map.of(), NINE).notAfter(NINE.plus(Duration.ofDays(30)));
    private static final MessageRequest FEEDBACK = MessageRequest.marketing("FEEDBACK#o-1", "order-feedback", "c-1",
            "order-feedback", Map.of("orderId", "o-1"), NINE);
    private static final MessageRequest POINTS = MessageRequest.marketing("POINTS_EXPIRY#c-1#2026-12-01",
            "points-expiry", "c-1", "points-expiring", Map.of(), NINE);

    private static Decision decide(MessageRequest request, FrequencyCap.Holder holder) {
        return CapRule.whenTaken(holder, PRIORITIES.rank(request), WINDOW,
                request.notAfter().map(deadline -> NIGHT.lastMomentBy(deadline, SHANGHAI)));
    }

    private static FrequencyCap.Holder heldBy(MessageRequest request, Instant at) {
        return new FrequencyCap.Holder(at, PRIORITIES.rank(request));
    }

    @Test
    void theDefaultOrderIsGreetingsCartCouponCartReminderWinBackOrderFeedbackThenTheRest() {
        assertEquals(List.of(0, 1, 2, 3, 4, 5), List.of(GREETING, COUPON, REMINDER, WIN_BACK, FEEDBACK, POINTS)
                .stream().map(PRIORITIES::rank).toList());
    }

    @Test
    void aGreetingTakesTheSlotACartReminderTookThatMorning() {
        assertEquals(new Decision.TakeOver(), decide(GREETING, heldBy(REMINDER, NINE)));
        assertEquals(new Decision.TakeOver(), decide(GREETING, heldBy(WIN_BACK, NINE.minus(Duration.ofHours(3)))));
    }

    @Test
    void lowerPrioritiesWaitForTheGreetingsWindowToEnd() {
        Decision reminder = decide(REMINDER, heldBy(GREETING, NINE));
        assertEquals(new Decision.Wait(NINE.plus(WINDOW)), reminder, "no deadline: it waits, never expires");
        assertEquals(new Decision.Wait(NINE.plus(WINDOW)), decide(WIN_BACK, heldBy(GREETING, NINE)));
        assertEquals(new Decision.Wait(NINE.plus(WINDOW)), decide(WIN_BACK, heldBy(REMINDER, NINE)),
                "a deadline far enough away: it waits rather than takes the slot");
    }

    @Test
    void aGreetingWaitsWhenTheSlotFreesBeforeTheQuietHoursOfItsLastEvening() {
        Instant yesterdayAfternoon = NINE.minus(Duration.ofHours(12)); // 21:00 the day before: frees at 13:00
        assertEquals(new Decision.Wait(yesterdayAfternoon.plus(WINDOW)), decide(GREETING, heldBy(REMINDER,
                yesterdayAfternoon)));
        Instant sixHoursBefore = NINE.minus(Duration.ofHours(6)); // frees at 19:00, before 21:00
        assertEquals(new Decision.Wait(sixHoursBefore.plus(WINDOW)), decide(GREETING, heldBy(WIN_BACK,
                sixHoursBefore)));
        Instant inTime = NINE.minus(Duration.ofMinutes(250)); // frees at 20:50, back by 20:55
        assertEquals(new Decision.Wait(inTime.plus(WINDOW)), decide(GREETING, heldBy(WIN_BACK, inTime)));
        Instant tooLate = NINE.minus(Duration.ofHours(4)); // frees at 21:00 sharp, when the quiet hours begin
        assertEquals(new Decision.TakeOver(), decide(GREETING, heldBy(WIN_BACK, tooLate)));
        Instant later = NINE.minus(Duration.ofHours(3)); // frees at 22:00, in the quiet hours: would be lost
        assertEquals(new Decision.TakeOver(), decide(GREETING, heldBy(WIN_BACK, later)));
    }

    @Test
    void aMessageOfTheSameOrAHigherPriorityKeepsTheSlotAndTheDeadlineMessageExpiresUnderTheCap() {
        MessageRequest wedding = MessageRequest.marketing("ANNIVERSARY#wedding#c-1#2026", "anniversary", "c-1",
                "wedding-anniversary", Map.of(), NINE).notAfter(END_OF_DAY);
        assertEquals(new Decision.Expire(), decide(wedding, heldBy(GREETING, NINE)));
        assertEquals(new Decision.Expire(), decide(COUPON.notAfter(NINE.plus(Duration.ofHours(2))),
                heldBy(GREETING, NINE)));
    }

    @Test
    void aSlotClaimedBeforeRanksWereRecordedRanksLast() {
        assertEquals(new Decision.TakeOver(), decide(GREETING, new FrequencyCap.Holder(NINE, Integer.MAX_VALUE)));
    }

    @Test
    void aBroadcastThatNamesItsOwnCapPriorityRanksByItAndTakesTheSlotFromALowerOne() {
        MessageRequest plain = MessageRequest.marketing("BROADCAST#cny-2027#c-1", "broadcast", "c-1", "broadcast",
                Map.of(), NINE).notAfter(NINE.plus(Duration.ofHours(3)));
        MessageRequest festival = plain.withCapPriority(MarketingKind.WIN_BACK);
        assertEquals(5, PRIORITIES.rank(plain), "a broadcast ranks last by default");
        assertEquals(3, PRIORITIES.rank(festival), "its own kind first");
        FrequencyCap.Holder feedback = new FrequencyCap.Holder(NINE, PRIORITIES.rank(FEEDBACK));
        assertEquals(new Decision.Expire(), decide(plain, feedback));
        assertEquals(new Decision.TakeOver(), decide(festival, feedback));
        assertEquals(new Decision.Expire(), decide(festival, heldBy(GREETING, NINE)), "not from a greeting");
    }

    @Test
    void theOrderIsAParameterNamingEveryKindOnce() {
        CapPriorities cartFirst = CapPriorities.parse(
                "cart-coupon, greeting,cart-reminder,win-back,order-feedback,broadcast");
        assertEquals(0, cartFirst.rank(COUPON));
        assertEquals(1, cartFirst.rank(GREETING));
        assertEquals("cart-coupon,greeting,cart-reminder,win-back,order-feedback,broadcast", cartFirst.toString());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> CapPriorities.parse("greeting,cart-coupon,cart-reminder,win-back,newsletter"));
        assertEquals("unknown marketing kind 'newsletter' in the marketing priorities; the kinds are "
                + "[greeting, cart-coupon, cart-reminder, win-back, order-feedback, broadcast]", unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CapPriorities.parse("greeting,greeting,cart-reminder,"
                + "win-back,order-feedback,broadcast"));
        assertThrows(IllegalArgumentException.class, () -> CapPriorities.parse("greeting,cart-coupon"));
        assertThrows(IllegalArgumentException.class, () -> CapPriorities.parse(
                "greeting,cart-coupon,cart-reminder,win-back,broadcast"), "the five kinds before order-feedback");
    }
}
