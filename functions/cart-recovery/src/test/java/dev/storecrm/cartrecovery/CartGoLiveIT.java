package dev.storecrm.cartrecovery;

import static dev.storecrm.cartrecovery.CartScenario.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.messaging.SendLedger;
import dev.storecrm.localcloud.FreshLocalCloud;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.SentMail;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The go-live guard on carts, end to end in the local cloud: the store goes live at 10:00 in Shanghai
 * and imports its carts then. A cart older than its sequence, and one whose reminder fell due before
 * go-live, are kept but get nothing; a cart left minutes before go-live, and every cart after it, get
 * their reminder and coupon as before.
 */
@ExtendWith(FreshLocalCloud.class)
class CartGoLiveIT {

    private static final Instant GO_LIVE = Instant.parse("2026-11-23T02:00:00Z");
    private static final String IMPORTED = "imported@example.com";
    private static final String LIVE = "live@example.com";

    @Test
    void cartsOfTheHistoryBeforeGoLiveAreKeptButNotChasedAndLaterCartsAreAsBefore(LocalCloud cloud) {
        CartScenario store = new CartScenario(cloud, GO_LIVE, Map.of("GO_LIVE_AT", "2026-11-23T10:00:00+08:00"));
        store.member("c-imported", IMPORTED, "Imported member", "en", "Asia/Shanghai");
        store.member("c-live", LIVE, "Live member", "en", "Asia/Shanghai");

        store.publish(cart("evt-old", "cart-old", "c-imported", GO_LIVE.minus(Duration.ofDays(40))));
        store.publish(cart("evt-hours", "cart-hours", "c-imported", GO_LIVE.minus(Duration.ofHours(3))));
        store.publish(cart("evt-minutes", "cart-minutes", "c-imported", GO_LIVE.minus(Duration.ofMinutes(20))));
        assertFalse(store.timerArmed("cart-old"), "older than its sequence: ignored");
        assertFalse(store.timerArmed("cart-hours"), "its reminder was due before go-live: ignored");
        assertTrue(store.timerArmed("cart-minutes"), "its reminder falls due after go-live");
        assertFalse(store.cartItem("cart-old").isEmpty(), "an ignored cart is still kept (an order can close it)");

        store.publish(cart("evt-live", "cart-live", "c-live", GO_LIVE.plus(Duration.ofHours(2))));
        store.advanceTo(GO_LIVE.plus(Duration.ofDays(3)));

        assertEquals(List.of(), keys(store, "cart-old"));
        assertEquals(List.of(), keys(store, "cart-hours"));
        assertEquals(List.of("CART#cart-minutes#reminder", "CART#cart-minutes#coupon"), keys(store, "cart-minutes"));
        assertEquals(Instant.parse("2026-11-23T02:40:00Z"), store.ledger("CART#cart-minutes#reminder").orElseThrow()
                .settledAt().truncatedTo(ChronoUnit.MINUTES), "an hour after the cart was left");
        assertEquals(List.of("CART#cart-live#reminder", "CART#cart-live#coupon"), keys(store, "cart-live"),
                "a cart after go-live: reminder and coupon as before");
        List<SentMail> imported = store.mailTo(IMPORTED);
        assertEquals(2, imported.size(), "the recent cart's two mails, nothing of the old carts");
        assertTrue(imported.stream().noneMatch(m -> m.html().contains("cart-old") || m.html().contains("cart-hours")));
        assertEquals(2, store.mailTo(LIVE).size());
    }

    private static String cart(String eventId, String cartId, String customerId, Instant at) {
        return sample("cart-recovery/cart-updated.json", eventId, at.toString(), body -> body.put("cartId", cartId)
                .put("customerId", customerId).put("recoveryUrl", "https://shop.example.com/cart/recover/" + cartId));
    }

    /** The business keys of the cart's messages the send ledger shows as sent. */
    private static List<String> keys(CartScenario store, String cartId) {
        return List.of("reminder", "coupon").stream().map(step -> "CART#" + cartId + "#" + step)
                .filter(key -> store.ledger(key).map(e -> e.status() == SendLedger.Status.SENT).orElse(false))
                .toList();
    }
}
