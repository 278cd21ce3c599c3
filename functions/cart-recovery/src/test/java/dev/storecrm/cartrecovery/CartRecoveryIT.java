package dev.storecrm.cartrecovery;

import static dev.storecrm.cartrecovery.CartScenario.local;
import static dev.storecrm.cartrecovery.CartScenario.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.cart.CartDayStats;
import dev.storecrm.domain.coupon.Coupon;
import dev.storecrm.domain.messaging.SendLedger;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.localcloud.FreshLocalCloud;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.SentMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Cart recovery end to end in the local cloud: the events/ samples on the store bus, the real
 * CartRecoveryFunction, TimerSweepFunction run minute by minute as time moves on, the real
 * MemberArchiveFunction and SenderFunction, and the mail the SES emulator received. "Nothing sent"
 * means no mail arrived.
 */
@ExtendWith(FreshLocalCloud.class)
class CartRecoveryIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String MEMBER = "member.1001@example.com";
    private static final String REMINDER = "CART#cart-3001#reminder";
    private static final String COUPON = "CART#cart-3001#coupon";
    /** 10:00 on a Monday in Shanghai: reminder and coupon both fall in the daytime. */
    private static final String CART_AT = "2026-11-23T10:00:00+08:00";

    private LocalCloud cloud;
    private CartScenario store;

    @BeforeEach
    void reset(LocalCloud cloud) {
        this.cloud = cloud;
        this.store = new CartScenario(cloud, Instant.parse("2026-11-23T01:00:00Z"), Map.of());
        store.member("c-1001", MEMBER, "样例会员 王", "zh-CN", "Asia/Shanghai");
    }

    /** A store whose clock starts at {@code start}, with the same member registered. */
    private CartScenario storeFrom(String start, Map<String, String> environment) {
        CartScenario scenario = new CartScenario(cloud, OffsetDateTime.parse(start).toInstant(), environment);
        scenario.member("c-1001", MEMBER, "样例会员 王", "zh-CN", "Asia/Shanghai");
        return scenario;
    }

    private void cartAt(String eventId, String at) {
        assertEquals(List.of("CartRecoveryQueue"),
                store.publish(sample("cart-recovery/cart-updated.json", eventId, at)));
    }

    // ------------------------------------------------------------------ the sequence

    @Test
    void aReminderAfterOneHourThenACouponAfterTwentyFourHours() {
        cartAt("evt-cart-1", CART_AT);
        assertTrue(store.timerArmed("cart-3001"));

        store.advanceTo(local("2026-11-23T10:59:00"));
        assertEquals(0, store.mailTo(MEMBER).size(), "not before an hour without activity");
        store.advanceTo(local("2026-11-23T11:01:00"));
        List<SentMail> mail = store.mailTo(MEMBER);
        assertEquals(1, mail.size(), "the reminder, within about a minute of its due time");
        SentMail reminder = mail.getFirst();
        assertEquals("【广告】您的购物车里还有商品", reminder.subject());
        assertTrue(reminder.html().contains("Tieguanyin oolong 100 g") && reminder.html().contains("Celadon tea cup"));
        assertTrue(reminder.html().contains("2 × CNY 100.00") && reminder.html().contains("CNY 200.00"),
                reminder.html());
        assertTrue(reminder.html().contains("<img src=\"https://cdn.example.com/img/tea-002.jpg\""), "image when given");
        assertEquals(1, reminder.html().split("<img ", -1).length - 1, "the cup has no image, and none is invented");
        assertTrue(reminder.html().contains("合计：CNY 598.00"));
        assertTrue(reminder.html().contains("href=\"https://shop.example.com/cart/recover/cart-3001\""));
        assertTrue(reminder.text().contains("- Tieguanyin oolong 100 g：2 × CNY 100.00 = CNY 200.00"), reminder.text());
        Instant sent = store.ledger(REMINDER).orElseThrow().settledAt();
        assertFalse(sent.isBefore(local("2026-11-23T11:00:00")), "not before due: " + sent);
        assertTrue(sent.isBefore(local("2026-11-23T11:01:01")), "within the minute of the sweep: " + sent);

        store.advanceTo(local("2026-11-24T09:59:00"));
        assertEquals(1, store.mailTo(MEMBER).size(), "the coupon waits for 24 hours after the last activity");
        store.advanceTo(local("2026-11-24T10:01:00"));
        mail = store.mailTo(MEMBER);
        assertEquals(2, mail.size());
        SentMail couponMail = mail.get(1);
        Coupon coupon = store.couponOf(COUPON).orElseThrow();
        assertEquals("【广告】您的购物车专享优惠：立减5%", couponMail.subject(), "a member of the base tier gets 5%");
        assertTrue(couponMail.html().contains(coupon.code()), "the code the coupon book holds");
        assertTrue(coupon.code().startsWith("CART-"));
        assertEquals("cart", coupon.campaign());
        assertEquals("c-1001", coupon.customerId());
        assertEquals(Duration.ofHours(48), Duration.between(coupon.issuedAt(), coupon.expiresAt()));
        String expires = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").format(coupon.expiresAt().atZone(SHANGHAI));
        assertTrue(couponMail.html().contains("有效期至 " + expires + "（Asia/Shanghai）"), couponMail.html());
        assertTrue(couponMail.html().contains("Celadon tea cup"), "the coupon mail shows the cart too");

        store.advanceTo(local("2026-11-27T10:00:00"));
        assertEquals(2, store.mailTo(MEMBER).size(), "one sequence: nothing after the coupon");
        assertFalse(store.timerArmed("cart-3001"));
        assertEquals(new CartDayStats(LocalDate.parse("2026-11-23"),
                1, 1, 0, 0, 0, 0, 0, 0, 0), store.day("2026-11-23"));
        assertEquals(new CartDayStats(LocalDate.parse("2026-11-24"),
                0, 0, 1, 0, 0, 0, 0, 0, 0), store.day("2026-11-24"));
    }

    @Test
    void anOrderAfterThirtyMinutesSendsNothing() {
        cartAt("evt-cart-1", CART_AT);
        assertEquals(List.of("MemberArchiveQueue", "CartRecoveryQueue"), store.publish(
                sample("cart-recovery/order-placed-from-cart.json", "evt-order-1", "2026-11-23T10:30:00+08:00")));
        assertFalse(store.timerArmed("cart-3001"), "the order cancelled the cart's timer");

        store.advanceTo(local("2026-11-25T12:00:00"));
        assertEquals(0, store.mailTo(MEMBER).size());
        assertTrue(store.ledger(REMINDER).isEmpty() && store.ledger(COUPON).isEmpty(), "no message was even requested");
        assertTrue(store.couponOf(COUPON).isEmpty());
        assertEquals(0, store.day("2026-11-23").abandoned(), "ordered within the hour: never abandoned");
        assertEquals("ORDER", store.cartItem("cart-3001").get("closedBy").s());
    }

    @Test
    void anOrderBetweenReminderAndCouponStopsTheCouponAndCountsTheRecovery() {
        cartAt("evt-cart-1", CART_AT);
        store.advanceTo(local("2026-11-23T11:01:00"));
        assertEquals(1, store.mailTo(MEMBER).size(), "the reminder went");
        // The member pays an order that does not name the cart (bought it again from the product page).
        store.publish(sample("cart-recovery/order-paid-from-cart.json", "evt-paid-1", "2026-11-23T15:00:00+08:00",
                body -> body.put("orderId", "o-7001")));
        assertFalse(store.timerArmed("cart-3001"), "the coupon step was cancelled");

        store.advanceTo(local("2026-11-25T12:00:00"));
        assertEquals(1, store.mailTo(MEMBER).size(), "no coupon after the member paid");
        assertTrue(store.couponOf(COUPON).isEmpty(), "and no coupon was issued");
        assertEquals("PAID_ORDER", store.cartItem("cart-3001").get("closedBy").s());
        CartDayStats day = store.day("2026-11-23");
        assertEquals(1, day.recovered(), "paid four hours after the reminder: recovered");
        assertEquals(69_800, day.recoveredRevenueMinor(), "the payment's amount");
        assertEquals(0, day.couponCostMinor());
    }

    @Test
    void aCheckoutBetweenReminderAndCouponStopsTheCoupon() {
        cartAt("evt-cart-1", CART_AT);
        store.advanceTo(local("2026-11-23T11:01:00"));
        store.publish(sample("cart-recovery/checkout-completed.json", "evt-checkout-1", "2026-11-23T20:00:00+08:00"));
        store.advanceTo(local("2026-11-25T12:00:00"));
        assertEquals(1, store.mailTo(MEMBER).size());
        assertTrue(store.couponOf(COUPON).isEmpty());
        assertEquals(59_800, store.day("2026-11-23").recoveredRevenueMinor(),
                "the cart's value until the order says more");
        store.publish(sample("cart-recovery/order-placed-from-cart.json", "evt-order-1", "2026-11-23T20:00:20+08:00",
                body -> body.putObject("total").put("amount", 57_800).put("currency", "CNY")));
        CartDayStats day = store.day("2026-11-23");
        assertEquals(1, day.recovered(), "one cart, counted once");
        assertEquals(57_800, day.recoveredRevenueMinor(), "the order's own total replaces the cart's");
    }

    @Test
    void aChangeAtFiftyMinutesMovesTheReminder() {
        cartAt("evt-cart-1", CART_AT);
        store.publish(sample("cart-recovery/cart-updated-again.json", "evt-cart-2", "2026-11-23T10:50:00+08:00"));
        store.advanceTo(local("2026-11-23T11:10:00"));
        assertEquals(0, store.mailTo(MEMBER).size(), "the first reminder time passed: the change moved it");
        store.advanceTo(local("2026-11-23T11:49:00"));
        assertEquals(0, store.mailTo(MEMBER).size());
        store.advanceTo(local("2026-11-23T11:51:00"));
        List<SentMail> mail = store.mailTo(MEMBER);
        assertEquals(1, mail.size(), "an hour after the change");
        assertTrue(mail.getFirst().html().contains("3 × CNY 100.00") && mail.getFirst().html().contains("CNY 698.00"),
                "the cart as it is now");
    }

    @Test
    void duplicatedAndReorderedEventsSendOneReminderForTheNewestCart() {
        String first = sample("cart-recovery/cart-updated.json", "evt-cart-1", CART_AT);
        String second = sample("cart-recovery/cart-updated-again.json", "evt-cart-2", "2026-11-23T10:50:00+08:00");
        store.advanceTo(local("2026-11-23T10:55:00"));
        store.publish(second);
        store.publish(first);
        store.publish(first);
        store.publish(second);
        store.advanceTo(local("2026-11-23T12:30:00"));
        List<SentMail> mail = store.mailTo(MEMBER);
        assertEquals(1, mail.size());
        assertTrue(mail.getFirst().html().contains("3 × CNY 100.00"), "the newest cart, whatever came last");
        Instant sent = store.ledger(REMINDER).orElseThrow().settledAt();
        assertFalse(sent.isBefore(local("2026-11-23T11:50:00")), "an hour after the newest change: " + sent);

        // A checkout that happened after the last change ends the sequence even when it arrives first.
        store.member("c-1002", "member.1002@example.com", "Sample Member Li", "en", "Asia/Shanghai");
        String checkout = sample("cart-recovery/checkout-completed.json", "evt-checkout-5", "2026-11-23T13:30:00+08:00",
                body -> body.put("cartId", "cart-3005").put("customerId", "c-1002").put("orderId", "o-7005"));
        String cart = sample("cart-recovery/cart-updated.json", "evt-cart-5", "2026-11-23T13:00:00+08:00",
                body -> body.put("cartId", "cart-3005").put("customerId", "c-1002"));
        store.publish(checkout);
        store.publish(cart);
        store.publish(checkout);
        store.publish(cart);
        assertFalse(store.timerArmed("cart-3005"));
        store.advanceTo(local("2026-11-25T12:00:00"));
        assertEquals(0, store.mailTo("member.1002@example.com").size());
    }

    @Test
    void anEmptiedCartStopsItsSequence() {
        cartAt("evt-cart-1", CART_AT);
        store.publish(sample("cart-recovery/cart-emptied.json", "evt-cart-2", "2026-11-23T10:20:00+08:00",
                body -> body.put("cartId", "cart-3001").put("customerId", "c-1001").remove("email")));
        assertFalse(store.timerArmed("cart-3001"), "a cart without items starts nothing");
        store.advanceTo(local("2026-11-25T12:00:00"));
        assertEquals(0, store.mailTo(MEMBER).size());
        assertEquals(0, store.day("2026-11-23").abandoned());
    }

    // ------------------------------------------------------------------ exactly once

    @Test
    void twoSweepsAtOnceAndARedeliveredTimerSendNothingTwice() throws Exception {
        cartAt("evt-cart-1", CART_AT);
        store.advanceTo(local("2026-11-23T10:58:00"));
        Map<String, AttributeValue> timer = cloud.dynamoDb().getItem(g -> g.tableName(cloud.tableName("TimersTable"))
                .key(Map.of("timerId", AttributeValue.fromS("cart#cart-3001")))).item();
        store.clock.set(local("2026-11-23T11:00:30"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Object>> sweeps = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sweeps.add(pool.submit(() -> {
                start.await();
                return store.functions.invoke("TimerSweepFunction", new HashMap<>());
            }));
        }
        start.countDown();
        for (Future<Object> sweep : sweeps) {
            sweep.get();
        }
        pool.shutdown();
        // At-least-once delivery, made certain: the same firing arrives once more.
        cloud.sqs().sendMessage(m -> m.queueUrl(cloud.queueUrl("CartRecoveryQueue"))
                .messageBody(timer.get("body").s()));
        store.functions.drainAll();
        store.advanceTo(local("2026-11-23T11:05:00"));
        assertEquals(1, store.mailTo(MEMBER).size(), "one reminder");
        assertEquals(1, store.day("2026-11-23").abandoned(), "counted once");
        assertEquals(1, store.day("2026-11-23").reminded(), "counted once");

        store.advanceTo(local("2026-11-24T10:01:00"));
        cloud.sqs().sendMessage(m -> m.queueUrl(cloud.queueUrl("CartRecoveryQueue")).messageBody(
                timer.get("body").s().replace("reminder", "coupon")));
        store.functions.drainAll();
        assertEquals(2, store.mailTo(MEMBER).size(), "one coupon mail, though its firing came twice");
        assertEquals(1, store.couponCount(), "one coupon in the CouponsTable");
        assertEquals(1, store.day("2026-11-24").couponsIssued());
    }

    @Test
    void theSenderLooksAtTheCartAgainWhenTheMessageIsAboutToGo() {
        cartAt("evt-cart-1", CART_AT);
        store.advanceTo(local("2026-11-23T10:59:00"));
        store.clock.set(local("2026-11-23T11:00:30"));
        store.sweep();
        store.functions.drain("CartRecoveryFunction");
        assertEquals(1, cloud.queueDepth("OutboxQueue"), "the reminder is on its way to the sender");
        cloud.eventBus().publish(sample("cart-recovery/checkout-completed.json", "evt-checkout-1",
                "2026-11-23T11:00:40+08:00"), "storefront", store.clock.instant());
        store.functions.drain("CartRecoveryFunction");
        store.functions.drainAll();
        assertEquals(0, store.mailTo(MEMBER).size(), "checked out between planning and sending");
        SendLedger.Entry entry = store.ledger(REMINDER).orElseThrow();
        assertEquals(SendLedger.Status.SKIPPED, entry.status());
        assertEquals("JOURNEY_EXITED", entry.reason());
    }

    // ------------------------------------------------------------------ coupons and attribution

    @Test
    void aRedeemedCouponIsAttributedToTheCartCampaign() {
        cartAt("evt-cart-1", CART_AT);
        store.advanceTo(local("2026-11-24T10:01:00"));
        Coupon coupon = store.couponOf(COUPON).orElseThrow();
        assertEquals(2, store.mailTo(MEMBER).size());

        String order = sample("cart-recovery/order-placed-from-cart.json", "evt-order-1", "2026-11-24T20:00:00+08:00",
                body -> {
                    body.remove("cartId");
                    body.putArray("couponCodes").add(coupon.code());
                });
        store.publish(order);
        store.publish(order);
        store.publish(sample("cart-recovery/order-paid-from-cart.json", "evt-paid-1", "2026-11-24T20:01:00+08:00"));

        Coupon redeemed = store.couponOf(COUPON).orElseThrow();
        assertEquals("o-5004", redeemed.redemption().orElseThrow().orderId(), "single use, by this order");
        assertEquals(3_490, redeemed.redemption().orElseThrow().discountMinor(), "5% of CNY 698.00");
        assertEquals("COUPON_ORDER", store.cartItem("cart-3001").get("closedBy").s(),
                "the coupon names the cart even when the order does not");
        CartDayStats day = store.day("2026-11-24");
        assertEquals(new CartDayStats(LocalDate.parse("2026-11-24"), 0, 0, 1, 1, 69_800, 3_490, 0, 0, 0), day,
                "recovered within the window of the first message, revenue and coupon cost from the order");
        assertEquals(List.of(store.day("2026-11-23"), day), store.stats.days(LocalDate.parse("2026-11-23"),
                LocalDate.parse("2026-11-24")), "the public reader gives the report day by day");
    }

    @Test
    void whenTheCartFunctionSeesTheOrderFirstItRedeemsTheCouponOnceForTheArchive() {
        cartAt("evt-cart-1", CART_AT);
        store.advanceTo(local("2026-11-24T10:01:00"));
        Coupon coupon = store.couponOf(COUPON).orElseThrow();
        store.advanceTo(local("2026-11-24T20:00:00"));

        store.publishToCartsFirst(sample("cart-recovery/order-placed-from-cart.json", "evt-order-1",
                "2026-11-24T20:00:00+08:00", body -> {
                    body.remove("cartId");
                    body.putArray("couponCodes").add(coupon.code());
                }));

        Coupon redeemed = store.couponOf(COUPON).orElseThrow();
        assertEquals("o-5004", redeemed.redemption().orElseThrow().orderId(), "redeemed by the cart function");
        assertEquals(3_490, redeemed.redemption().orElseThrow().discountMinor(), "5% of CNY 698.00");
        assertEquals("COUPON_ORDER", store.cartItem("cart-3001").get("closedBy").s(),
                "the coupon names the cart even when the order does not");
        assertEquals(1, store.day("2026-11-24").recovered(), "one recovery, however the copies arrive");
    }

    @Test
    void theCouponWaitsOutTheMembersNightSoItsValidityStartsWhenItGoes() {
        // The sample cart: 22:15 in Shanghai. The reminder falls in the night and goes at 09:00;
        // the coupon step falls due at 22:15 the next evening and waits until 09:00.
        CartScenario evening = storeFrom("2026-11-20T22:00:00+08:00", Map.of());
        evening.publish(sample("cart-recovery/cart-updated.json", "evt-cart-1", "2026-11-20T22:15:00+08:00"));
        evening.advanceTo(local("2026-11-21T09:02:00"));
        assertEquals(1, evening.mailTo(MEMBER).size(), "the reminder at the end of quiet hours");
        evening.advanceTo(local("2026-11-21T23:00:00"));
        assertEquals(1, evening.mailTo(MEMBER).size());
        assertTrue(evening.couponOf(COUPON).isEmpty(), "no coupon is issued into the night");
        evening.advanceTo(local("2026-11-22T09:02:00"));
        assertEquals(2, evening.mailTo(MEMBER).size());
        Coupon coupon = evening.couponOf(COUPON).orElseThrow();
        Instant sent = evening.ledger(COUPON).orElseThrow().settledAt();
        assertTrue(Duration.between(coupon.issuedAt(), sent).abs().compareTo(Duration.ofMinutes(2)) < 0,
                "issued when it went: " + coupon.issuedAt() + " / " + sent);
        assertEquals(9, coupon.issuedAt().atZone(SHANGHAI).getHour());
        assertEquals(Duration.ofHours(48), Duration.between(coupon.issuedAt(), coupon.expiresAt()));
    }

    @Test
    void aMemberGetsAtMostTheCappedNumberOfCartCouponsIn30Days() {
        CartScenario uncapped = new CartScenario(cloud, store.clock.instant(), Map.of("MARKETING_CAP_HOURS", "0"));
        // A cart coupon granted 31 days ago is outside the window and does not count.
        assertTrue(uncapped.allowance.claim("c-1001", "cart", "CART#cart-old#coupon", 1, Duration.ofDays(30),
                local("2026-10-23T10:00:00")));
        uncapped.publish(sample("cart-recovery/cart-updated.json", "evt-cart-a", CART_AT,
                body -> body.put("cartId", "cart-a")));
        uncapped.publish(sample("cart-recovery/cart-updated.json", "evt-cart-b", "2026-11-23T10:05:00+08:00",
                body -> body.put("cartId", "cart-b")));
        uncapped.advanceTo(local("2026-11-24T10:10:00"));
        assertTrue(uncapped.couponOf("CART#cart-a#coupon").isPresent(), "the old coupon is outside the 30 days");
        assertTrue(uncapped.couponOf("CART#cart-b#coupon").isEmpty(), "one cart coupon per member in 30 days");
        List<String> subjects = uncapped.mailTo(MEMBER).stream().map(SentMail::subject).toList();
        assertEquals(3, subjects.size(), "two reminders and one coupon: " + subjects);
        assertEquals("COUPON_CAP_REACHED",
                uncapped.cartItem("cart-b").get("steps").m().get("coupon").m().get("outcome").s());
        assertEquals(1, uncapped.day("2026-11-24").couponsIssued());
    }

    // ------------------------------------------------------------------ who gets nothing

    @Test
    void guestAndSmallCartsAreCountedAsAbandonedButGetNothing() {
        CartScenario minimum = new CartScenario(cloud, store.clock.instant(), Map.of("CART_MINIMUM_VALUE", "60000"));
        minimum.publish(sample("cart-recovery/guest-cart-updated.json", "evt-guest-1", CART_AT));
        minimum.publish(sample("cart-recovery/cart-updated.json", "evt-cart-1", CART_AT));
        minimum.advanceTo(local("2026-11-25T12:00:00"));
        assertEquals(0, cloud.sentMail().size(),
                "no mail to the guest (no consent on carts) nor to a cart under CNY 600");
        assertEquals(new CartDayStats(LocalDate.parse("2026-11-23"),
                2, 0, 0, 0, 0, 0, 0, 0, 0), minimum.day("2026-11-23"));
        assertFalse(minimum.timerArmed("cart-3003") || minimum.timerArmed("cart-3001"));
        Map<String, AttributeValue> guest = minimum.cartItem("cart-3003");
        assertTrue(guest.get("hasEmail").bool());
        assertFalse(guest.toString().contains("visitor.3003@example.com"), "a guest's address is not kept");
    }

    @Test
    void aCustomerWithoutMarketingConsentGetsNoMessageAndNoCoupon() {
        cloud.eventBus().publish(Events.memberUpdated("c-1001").id("evt-consent-off").at("2026-11-22T00:00:00Z")
                .consent(false, "2026-11-22T00:00:00Z", "account-settings").json(),
                "storefront", store.clock.instant());
        store.functions.drainAll();
        cartAt("evt-cart-1", CART_AT);
        store.advanceTo(local("2026-11-25T12:00:00"));
        assertEquals(0, store.mailTo(MEMBER).size());
        assertTrue(store.couponOf(COUPON).isEmpty());
        assertEquals(1, store.day("2026-11-23").abandoned());
        assertEquals(0, store.day("2026-11-23").reminded());
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void badInputIsKeptWithItsReasonAndDoesNotBlockTheBatch() throws Exception {
        String queue = cloud.queueUrl("CartRecoveryQueue");
        List<String> bodies = List.of(
                Files.readString(CartScenario.SAMPLES.resolve("invalid/malformed-json.json")),
                sample("cart-recovery/cart-updated.json", "evt-usd", CART_AT, body -> body.putObject("total")
                        .put("amount", 8_000).put("currency", "USD")),
                Files.readString(CartScenario.SAMPLES.resolve("member-archive/01-member-registered.json")),
                "{\"kind\":\"cart-step\",\"cartId\":\"cart-1\",\"step\":\"sms\",\"armedFor\":\"x\"}",
                sample("cart-recovery/cart-updated.json", "evt-good", CART_AT));
        for (String body : bodies) {
            cloud.sqs().sendMessage(m -> m.queueUrl(queue).messageBody(body));
        }
        store.functions.drainAll();
        Map<String, String> reasons = new HashMap<>();
        for (Map<String, AttributeValue> reject : store.rejects()) {
            assertEquals("cart-recovery", reject.get("consumer").s());
            reasons.put(reject.get("reason").s(), reject.get("detail").s());
        }
        assertEquals(4, reasons.size(), reasons.toString());
        assertTrue(reasons.containsKey("MALFORMED_JSON"));
        assertEquals("CartUpdated body.total is in USD, the store currency is CNY", reasons.get("WRONG_CURRENCY"));
        assertTrue(reasons.get("NOT_FOR_THIS_CONSUMER").startsWith("MemberRegistered is not a cart"));
        assertEquals("step must be one of reminder, coupon", reasons.get("SCHEMA_VIOLATION"));
        assertTrue(store.timerArmed("cart-3001"), "the good cart of the same batch was applied");
    }

    // ------------------------------------------------------------------ the sample story

    @Test
    void theSampleStory() throws Exception {
        // A registered member and a guest; the member's cart changed twice in the evening, then checked
        // out, ordered and paid the next morning, half an hour after the reminder (held by quiet hours
        // until 09:00). Each sample is published at its own time.
        CartScenario evening = storeFrom("2026-11-20T20:00:00+08:00", Map.of());
        evening.publish(Files.readString(CartScenario.SAMPLES.resolve("member-archive/01-member-registered.json")));
        List<String> story = new ArrayList<>();
        try (Stream<Path> files = Files.list(CartScenario.SAMPLES.resolve("cart-recovery"))) {
            for (Path file : files.toList()) {
                story.add(Files.readString(file));
            }
        }
        story.sort(Comparator.comparing(CartScenario::occurredAt));
        for (String event : story) {
            evening.publish(event);
        }
        evening.advanceTo(local("2026-11-23T12:00:00"));
        assertEquals(1, evening.mailTo(MEMBER).size(),
                "the reminder, kept until 09:00 by quiet hours; the checkout came before any coupon");
        assertEquals(9, evening.ledger(REMINDER).orElseThrow().settledAt().atZone(SHANGHAI).getHour());
        assertEquals(new CartDayStats(LocalDate.parse("2026-11-20"),
                2, 1, 0, 0, 0, 0, 0, 0, 0), evening.day("2026-11-20"),
                "the guest's cart and the member's: abandoned; the member's reminded");
        assertEquals(new CartDayStats(LocalDate.parse("2026-11-21"), 0, 0, 0, 1, 69_800, 0, 0, 0, 0),
                evening.day("2026-11-21"),
                "ordered half an hour after the reminder went: recovered, worth the order's total");
        assertEquals(0, evening.mailTo("visitor.3003@example.com").size());
    }
}
