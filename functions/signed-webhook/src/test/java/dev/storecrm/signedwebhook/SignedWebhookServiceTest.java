package dev.storecrm.signedwebhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.RejectReason;
import dev.storecrm.platform.adapter.AdapterFixtures;
import dev.storecrm.platform.adapter.SeenEvents;
import dev.storecrm.platform.adapter.SignedDeliveries;
import dev.storecrm.platform.adapter.WebhookRequest;
import dev.storecrm.platform.http.HttpAnswer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The signed webhook: signature, tolerance, replays and the contract, on the samples of events/. */
class SignedWebhookServiceTest {

    private static final byte[] SECRET = "sample-signing-key-0123456789".getBytes(StandardCharsets.UTF_8);
    /** The fixed clock's time, 2026-12-01T00:00:00Z. */
    private static final long NOW = AdapterFixtures.CLOCK.instant().getEpochSecond();

    private final AdapterFixtures fx = new AdapterFixtures();
    private final Set<String> seenIds = new HashSet<>();
    private final SignedWebhookService service = new SignedWebhookService(SECRET, Duration.ofMinutes(5),
            new SeenEvents() {
                @Override
                public boolean seen(String eventId) {
                    return seenIds.contains(eventId);
                }

                @Override
                public void remember(String eventId) {
                    seenIds.add(eventId);
                }
            }, fx.bus(), fx.rejects("signed-webhook"), AdapterFixtures.CLOCK);

    static WebhookRequest signed(String body, long timestamp, byte[] secret) {
        return SignedDeliveries.signedWebhook(body, timestamp, secret, "req-" + timestamp);
    }

    private static String sample(String path) {
        return AdapterFixtures.text(path);
    }

    @Test
    void aSignedCanonicalEventIsPublishedAsItCame() {
        String event = sample("cart-recovery/order-paid-from-cart.json");
        HttpAnswer answer = service.handle(signed(event, NOW - 30, SECRET));
        assertEquals(200, answer.status());
        assertEquals("{\"published\":\"evt-20261121-0106\"}", answer.body());
        assertEquals(AdapterFixtures.read(event), fx.published.getFirst());
    }

    @Test
    void aWrongKeyAnAlteredBodyOrNoSignatureIs401AndNothingIsKept() {
        String event = sample("cart-recovery/order-paid-from-cart.json");
        assertEquals(401, service.handle(signed(event, NOW, "another-key".getBytes(StandardCharsets.UTF_8))).status());
        WebhookRequest good = signed(event, NOW, SECRET);
        byte[] altered = event.replace("69800", "6980").getBytes(StandardCharsets.UTF_8);
        assertEquals(401, service.handle(new WebhookRequest("POST", good.headers(), altered, "r")).status());
        assertEquals(401, service.handle(new WebhookRequest("POST", Map.of(), good.rawBody(), "r")).status());
        assertTrue(fx.published.isEmpty() && fx.kept.isEmpty());
    }

    @Test
    void aTimestampOutsideFiveMinutesIs401EitherSide() {
        String event = sample("cart-recovery/order-paid-from-cart.json");
        assertEquals(401, service.handle(signed(event, NOW - 301, SECRET)).status());
        assertEquals(401, service.handle(signed(event, NOW + 301, SECRET)).status());
        assertEquals(200, service.handle(signed(event, NOW - 300, SECRET)).status());
    }

    @Test
    void aReplayedEventIdIsRefusedAndNotPublishedAgain() {
        String event = sample("cart-recovery/order-paid-from-cart.json");
        WebhookRequest request = signed(event, NOW, SECRET);
        assertEquals(200, service.handle(request).status());
        HttpAnswer replay = service.handle(request);
        assertEquals(409, replay.status());
        assertTrue(replay.body().contains("REPLAYED"));
        assertEquals(1, fx.published.size());
    }

    @Test
    void eitherOfTwoSignaturesMatchesWhileAKeyIsRotated() {
        String event = sample("cart-recovery/order-paid-from-cart.json");
        WebhookRequest withNew = signed(event, NOW, SECRET);
        String both = "v1=" + "0".repeat(64) + ", " + withNew.header("X-StoreCRM-Signature").orElseThrow();
        assertEquals(200, service.handle(new WebhookRequest("POST", Map.of("X-StoreCRM-Timestamp", Long.toString(NOW),
                "X-StoreCRM-Signature", both), withNew.rawBody(), "r")).status());
    }

    @Test
    void anEventTheContractRefusesIsKeptAndAnsweredWithTheReason() {
        HttpAnswer answer = service.handle(signed(sample("invalid/unknown-currency.json"), NOW, SECRET));
        assertEquals(422, answer.status());
        assertTrue(answer.body().contains("UNKNOWN_CURRENCY"), answer.body());
        assertEquals(RejectReason.UNKNOWN_CURRENCY, fx.kept.getFirst().reason());
        assertEquals(400, service.handle(signed("{\"id\":", NOW, SECRET)).status());
        assertEquals(RejectReason.MALFORMED_JSON, fx.kept.get(1).reason());
        assertTrue(fx.published.isEmpty());
    }
}
