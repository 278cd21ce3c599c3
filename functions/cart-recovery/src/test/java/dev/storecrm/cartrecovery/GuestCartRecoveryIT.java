package dev.storecrm.cartrecovery;

import static dev.storecrm.cartrecovery.CartScenario.local;
import static dev.storecrm.cartrecovery.CartScenario.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.cart.Cart;
import dev.storecrm.domain.coupon.Coupon;
import dev.storecrm.domain.messaging.SendLedger;
import dev.storecrm.localcloud.FunctionUrlRequest;
import dev.storecrm.localcloud.FreshLocalCloud;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.SentMail;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Guest carts end to end in the local cloud (contract version 2): a CartUpdated of a guest who
 * consented to marketing at checkout ({@code events/cart-recovery/guest-cart-consented.json}) on the
 * store bus, the real CartRecoveryFunction, TimerSweepFunction, SenderFunction and UnsubscribeFunction,
 * and the mail the SES emulator received at the guest's address.
 */
@ExtendWith(FreshLocalCloud.class)
class GuestCartRecoveryIT {

    private static final String GUEST = "visitor.3004@example.com";
    private static final String REMINDER = "CART#cart-3004#reminder";
    private static final String COUPON = "CART#cart-3004#coupon";
    /** 17:00 in Shanghai is 10:00 in Paris, the guest's zone: reminder and coupon fall in the guest's daytime. */
    private static final String CART_AT = "2026-11-23T17:00:00+08:00";

    private LocalCloud cloud;
    private CartScenario store;

    @BeforeEach
    void reset(LocalCloud cloud) {
        this.cloud = cloud;
        this.store = new CartScenario(cloud, Instant.parse("2026-11-23T08:00:00Z"), Map.of());
    }

    private void guestCart(String eventId, String at, Boolean consent) {
        assertEquals(List.of("CartRecoveryQueue"), store.publish(sample("cart-recovery/guest-cart-consented.json",
                eventId, at, body -> {
                    if (consent == null) {
                        body.remove("marketingConsent");
                    } else {
                        body.with("marketingConsent").put("granted", consent.booleanValue()).put("at", at);
                    }
                })));
    }

    @Test
    void aConsentedGuestCartGetsTheReminderAndTheCouponAtItsContact() {
        guestCart("evt-guest-1", CART_AT, true);
        assertTrue(store.timerArmed("cart-3004"));
        store.advanceTo(local("2026-11-23T18:01:00"));
        List<SentMail> mail = store.mailTo(GUEST);
        assertEquals(1, mail.size(), "the reminder, at the address the cart carried");
        SentMail reminder = mail.getFirst();
        assertTrue(reminder.html().contains("Jasmine pearls 50 g"), reminder.html());
        assertTrue(reminder.html().contains("href=\"https://shop.example.com/cart/recover/cart-3004\""));
        assertTrue(reminder.headers().get("List-Unsubscribe").contains("?token="), "a working one-click link");
        assertEquals(SendLedger.Status.SENT, store.ledger(REMINDER).orElseThrow().status());

        store.advanceTo(local("2026-11-24T17:01:00"));
        mail = store.mailTo(GUEST);
        assertEquals(2, mail.size(), "then the coupon");
        Coupon coupon = store.couponOf(COUPON).orElseThrow();
        assertTrue(mail.get(1).html().contains(coupon.code()), "the code the coupon book holds");
        assertEquals(Cart.Guest.keyOf(GUEST), coupon.customerId(), "the guest's coupon, named by the address hash");
        assertTrue(mail.get(1).html().contains("Europe/Paris"), "its expiry shown in the guest's zone");
        assertEquals(2, cloud.sentMail().size(), "nobody else got anything");

        Map<String, AttributeValue> item = store.cartItem("cart-3004");
        assertEquals(GUEST, item.get("guest").m().get("email").s(), "kept with the consent, for the sequence");
        assertTrue(item.containsKey("expiresAt"), "and expires with the cart");
    }

    @Test
    void anUnconsentedGuestCartGetsNothing() {
        guestCart("evt-guest-1", CART_AT, null);
        guestCart("evt-guest-2", "2026-11-23T17:05:00+08:00", false);
        store.advanceTo(local("2026-11-26T12:00:00"));
        assertEquals(0, cloud.sentMail().size(), "no consent: no reminder, no coupon");
        assertTrue(store.couponOf(COUPON).isEmpty());
        assertEquals(1, store.day("2026-11-23").abandoned(), "the cart still counts as abandoned");
        Map<String, AttributeValue> item = store.cartItem("cart-3004");
        assertFalse(item.toString().contains(GUEST), "without consent the guest's address is not kept");
    }

    @Test
    void consentWithdrawnBeforeSendTimeStopsTheSend() {
        guestCart("evt-guest-1", CART_AT, true);
        store.advanceTo(local("2026-11-23T17:59:00"));
        store.clock.set(local("2026-11-23T18:00:30"));
        store.sweep();
        store.functions.drain("CartRecoveryFunction");
        assertEquals(1, cloud.queueDepth("OutboxQueue"), "the reminder is on its way to the sender");
        // The guest unticks the box at checkout: the platform's newest CartUpdated withdraws the consent.
        cloud.eventBus().publish(sample("cart-recovery/guest-cart-consented.json", "evt-guest-2",
                "2026-11-23T18:00:40+08:00", body -> body.with("marketingConsent").put("granted", false)
                        .put("at", "2026-11-23T18:00:40+08:00")), "storefront", store.clock.instant());
        store.functions.drain("CartRecoveryFunction");
        store.functions.drainAll();
        assertEquals(0, store.mailTo(GUEST).size(), "withdrawn between planning and sending");
        SendLedger.Entry entry = store.ledger(REMINDER).orElseThrow();
        assertEquals(SendLedger.Status.SKIPPED, entry.status());
        assertEquals("NO_MARKETING_CONSENT", entry.reason());
        store.advanceTo(local("2026-11-26T12:00:00"));
        assertEquals(0, store.mailTo(GUEST).size(), "and nothing later either");
    }

    @Test
    void theGuestsUnsubscribeLinkStopsTheCoupon() {
        guestCart("evt-guest-1", CART_AT, true);
        store.advanceTo(local("2026-11-23T18:01:00"));
        String link = store.mailTo(GUEST).getFirst().headers().get("List-Unsubscribe");
        String url = link.substring(1, link.length() - 1);
        String query = url.substring(url.indexOf('?') + 1);
        APIGatewayV2HTTPResponse response = store.functions.invokeUrl("UnsubscribeFunction",
                FunctionUrlRequest.sample("unsubscribe/one-click-post.json").withQuery(query));
        assertEquals(200, response.getStatusCode());
        store.functions.drainAll();

        store.advanceTo(local("2026-11-24T17:01:00"));
        assertEquals(1, store.mailTo(GUEST).size(), "no coupon mail after the unsubscribe");
        assertEquals("UNSUBSCRIBED", store.ledger(COUPON).orElseThrow().reason());
    }

    @Test
    void anOrderForTheGuestCartCancelsTheSequence() {
        guestCart("evt-guest-1", CART_AT, true);
        store.publish(sample("cart-recovery/order-placed-from-cart.json", "evt-order-1", "2026-11-23T17:30:00+08:00",
                body -> body.put("cartId", "cart-3004").put("customerId", "shop-guest-3004")));
        assertFalse(store.timerArmed("cart-3004"), "the order cancelled the cart's timer");
        store.advanceTo(local("2026-11-26T12:00:00"));
        assertEquals(0, store.mailTo(GUEST).size());
        assertTrue(store.couponOf(COUPON).isEmpty());
    }
}
