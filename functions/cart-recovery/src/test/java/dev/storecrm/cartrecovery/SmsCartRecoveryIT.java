package dev.storecrm.cartrecovery;

import static dev.storecrm.cartrecovery.CartScenario.local;
import static dev.storecrm.cartrecovery.CartScenario.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.messaging.SendLedger;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.localcloud.FreshLocalCloud;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.SentSms;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A member who prefers SMS, through the real handlers (member archive, cart recovery, timer sweep, sender) to the
 * local SMS emulator: the cart reminder goes by SMS, once, in China's daytime, and lands once after throttling.
 * The failsafe configuration of this module sets {@code SmsOriginationIdentity}, as a store that set up SMS would.
 */
@ExtendWith(FreshLocalCloud.class)
class SmsCartRecoveryIT {

    private static final String NUMBER = "+8613800138000";
    private static final String REMINDER = "CART#cart-3001#reminder";

    private LocalCloud cloud;
    private CartScenario store;

    @BeforeEach
    void reset(LocalCloud cloud) {
        this.cloud = cloud;
    }

    /** A store from {@code start} (quiet hours 23:00-07:00, so that the China night is what holds a text back). */
    private void storeFrom(Instant start) {
        store = new CartScenario(cloud, start, Map.of("QUIET_HOURS", "23:00-07:00"));
        cloud.eventBus().publish(Events.memberRegistered("c-1001").at("2026-11-01T00:00:00Z")
                .email("member.1001@example.com").name("王").locale("zh-CN").timeZone("Asia/Shanghai")
                .phone(NUMBER).contactPreference("sms").consent(true).json(), "test", start);
        store.functions.drainAll();
    }

    private List<SentSms> texts() {
        return cloud.sms().sent().stream().filter(sms -> sms.to().equals(NUMBER)).toList();
    }

    @Test
    void theCartReminderGoesBySmsOnceEvenWhenTheCartEventComesAgain() {
        storeFrom(Instant.parse("2026-11-23T01:00:00Z"));
        String cart = sample("cart-recovery/cart-updated.json", "evt-cart-1", "2026-11-23T10:00:00+08:00");
        store.publish(cart);
        store.publish(cart);
        store.advanceTo(local("2026-11-23T11:01:00"));
        store.publish(cart);
        store.advanceTo(local("2026-11-23T12:00:00"));

        List<SentSms> texts = texts();
        assertEquals(1, texts.size(), "one reminder by SMS, whatever the repeats");
        SentSms reminder = texts.getFirst();
        assertEquals("PROMOTIONAL", reminder.messageType());
        assertTrue(reminder.body().startsWith("【"), "a Chinese SMS opens with the store's signature in 【】");
        assertTrue(reminder.body().endsWith("拒收请回复R"), "zh-CN marketing SMS end with the opt-out text");
        assertTrue(reminder.body().contains("https://"), "the recovery link");
        assertEquals("arn:aws:sms-voice:us-east-1:000000000000:pool/pool-storecrm-sample",
                reminder.originationIdentity());
        assertEquals(0, store.mailTo("member.1001@example.com").size(), "no marketing e-mail besides");
        SendLedger.Entry entry = store.ledger(REMINDER).orElseThrow();
        assertEquals(SendLedger.Status.SENT, entry.status());
    }

    @Test
    void aStopReplyWithdrawsSmsConsentAndTheNextMarketingIsNotSent() {
        storeFrom(Instant.parse("2026-11-23T01:00:00Z"));
        store.publish(sample("cart-recovery/cart-updated.json", "evt-cart-4", "2026-11-23T10:00:00+08:00"));
        store.advanceTo(local("2026-11-23T11:01:00"));
        assertEquals(1, texts().size(), "the reminder went by SMS");
        cloud.sms().reply(NUMBER, "退订");
        store.functions.drainAll();
        store.advanceTo(local("2026-11-25T12:00:00"));
        assertEquals(1, texts().size(), "no coupon SMS after the member replied 退订");
        SendLedger.Entry coupon = store.ledger("CART#cart-3001#coupon").orElseThrow();
        assertEquals(SendLedger.Status.SKIPPED, coupon.status());
        assertEquals("UNSUBSCRIBED", coupon.reason());
        assertEquals(0, store.mailTo("member.1001@example.com").size(), "and nothing by e-mail instead");
    }

    @Test
    void aNumberTheServiceSaysOptedOutLosesSmsConsentAtTheFirstRefusal() {
        storeFrom(Instant.parse("2026-11-23T01:00:00Z"));
        cloud.sms().optOut(NUMBER);
        store.publish(sample("cart-recovery/cart-updated.json", "evt-cart-5", "2026-11-23T10:00:00+08:00"));
        store.advanceTo(local("2026-11-23T11:01:00"));
        SendLedger.Entry reminder = store.ledger(REMINDER).orElseThrow();
        assertEquals(SendLedger.Status.FAILED, reminder.status());
        assertEquals("REJECTED_BY_SMS: ConflictException (HTTP 409): DESTINATION_PHONE_NUMBER_OPTED_OUT",
                reminder.reason());
        store.advanceTo(local("2026-11-25T12:00:00"));
        assertEquals(1, cloud.sms().attempts(), "the coupon step is not even tried: the number lost its consent");
        SendLedger.Entry coupon = store.ledger("CART#cart-3001#coupon").orElseThrow();
        assertEquals(SendLedger.Status.SKIPPED, coupon.status());
        assertEquals("UNSUBSCRIBED", coupon.reason());
        assertTrue(texts().isEmpty());
    }

    @Test
    void aPromotionalSmsInTheChinaNightIsPutOffToEightInTheMorning() {
        storeFrom(Instant.parse("2026-11-23T11:00:00Z"));
        store.publish(sample("cart-recovery/cart-updated.json", "evt-cart-2", "2026-11-23T19:30:00+08:00"));
        store.advanceTo(local("2026-11-24T07:59:00"));
        assertTrue(texts().isEmpty(), "the reminder fell due at 20:30, in the China night");
        assertFalse(store.ledger(REMINDER).map(e -> e.isSettled()).orElse(false), "put off, not dropped");
        store.advanceTo(local("2026-11-24T08:02:00"));
        List<SentSms> texts = texts();
        assertEquals(1, texts.size(), "sent when the night ends");
        assertFalse(texts.getFirst().at().isBefore(local("2026-11-24T08:00:00")), "not before 08:00 China time");
    }

    @Test
    void aThrottledSendIsRetriedAndLandsOnce() {
        storeFrom(Instant.parse("2026-11-23T01:00:00Z"));
        cloud.sms().throttleNextSends(4);
        store.publish(sample("cart-recovery/cart-updated.json", "evt-cart-3", "2026-11-23T10:00:00+08:00"));
        store.advanceTo(local("2026-11-23T11:01:00"));
        assertTrue(texts().isEmpty(), "three attempts throttled: the message is put off, not failed");
        store.advanceTo(local("2026-11-23T11:10:00"));
        assertEquals(1, texts().size(), "it lands once");
        assertEquals(5, cloud.sms().attempts(), "three throttled attempts, then one more throttled and the send");
        assertEquals(SendLedger.Status.SENT, store.ledger(REMINDER).orElseThrow().status());
    }
}
