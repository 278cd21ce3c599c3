package dev.storecrm.signedwebhook;

import static dev.storecrm.platform.adapter.AdapterCloud.rejects;
import static dev.storecrm.platform.adapter.AdapterCloud.take;
import static dev.storecrm.platform.adapter.AdapterCloud.types;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.localcloud.LocalStore;
import dev.storecrm.platform.adapter.AdapterFixtures;
import dev.storecrm.platform.adapter.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The signed webhook in the local cloud: canonical events of events/ signed with the
 * SignedWebhookSecret the local cloud generated, sent to the real SignedWebhookFunction's function
 * URL, replays refused through the SignedWebhookReplayTable, and the events in the consumers' queues.
 */
class SignedWebhookIT {

    private static final String WEBHOOK = "SignedWebhookFunction";
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private byte[] secret;

    @RegisterExtension
    final LocalStore local = LocalStore.at(NOW);

    @BeforeEach
    void setUp() {
        this.secret = local.cloud().secretsManager().getSecretValue(g -> g.secretId(local.cloud().template()
                .physicalName(
                "SignedWebhookSecret"))).secretString().getBytes(StandardCharsets.UTF_8);
    }

    private APIGatewayV2HTTPResponse post(WebhookRequest request) {
        return local.functions().invokeUrl(WEBHOOK, "POST", "/", "", request.headers(), request.body());
    }

    private WebhookRequest signed(String sample) {
        return SignedWebhookServiceTest.signed(AdapterFixtures.text(sample), local.clock().instant().getEpochSecond(),
                secret);
    }

    @Test
    void signedEventsFromAStoresBackendReachTheirConsumers() {
        assertEquals(200, post(signed("member-archive/01-member-registered.json")).getStatusCode());
        assertEquals(200, post(signed("cart-recovery/cart-updated.json")).getStatusCode());
        assertEquals(200, post(signed("disputes/dispute-opened.json")).getStatusCode());
        assertEquals(List.of("MemberRegistered"), types(take(local.cloud(), "MemberArchiveQueue")));
        assertEquals(List.of("CartUpdated"), types(take(local.cloud(), "CartRecoveryQueue")));
        assertEquals(List.of("DisputeOpened"), types(take(local.cloud(), "DisputeQueue")));
    }

    @Test
    void eventsOfContractVersion2ReachTheirConsumersPrivacyRequestsTheirOwn() {
        assertEquals(200, post(signed("cart-recovery/guest-cart-consented.json")).getStatusCode());
        assertEquals(200, post(signed("disputes/dispute-opened-guest.json")).getStatusCode());
        assertEquals(200, post(signed("privacy-requests/customer-erasure-requested.json")).getStatusCode());
        assertEquals(List.of("CartUpdated"), types(take(local.cloud(), "CartRecoveryQueue")));
        assertEquals(List.of("DisputeOpened"), types(take(local.cloud(), "DisputeQueue")));
        assertEquals(List.of("CustomerErasureRequested"), types(take(local.cloud(), "PrivacyRequestsQueue")));
        assertEquals(List.of(), take(local.cloud(), "MemberArchiveQueue"));
        assertEquals(422, post(signed("invalid/erasure-request-in-version-1.json")).getStatusCode());
        assertEquals(List.of("UNSUPPORTED_VERSION"), rejects(local.cloud(), "signed-webhook").stream()
                .map(r -> r.get("reason").s()).toList());
    }

    @Test
    void aReplayIs409AStaleOrForgedRequest401AndABadEvent422() {
        WebhookRequest request = signed("member-archive/05-order-paid.json");
        assertEquals(200, post(request).getStatusCode());
        assertEquals(409, post(request).getStatusCode(), "the same request again, within five minutes");
        local.clock().advance(Duration.ofMinutes(6));
        assertEquals(401, post(request).getStatusCode(), "the same request again, later");
        assertEquals(401, post(SignedWebhookServiceTest.signed(
                AdapterFixtures.text("member-archive/05-order-paid.json"), local.clock().instant().getEpochSecond(),
                "guessed".getBytes(StandardCharsets.UTF_8))).getStatusCode());
        assertEquals(422, post(signed("invalid/impossible-birthday.json")).getStatusCode());
        assertEquals(1, take(local.cloud(), "MemberArchiveQueue").size(), "published once");
        assertEquals(List.of("IMPOSSIBLE_DATE"), rejects(local.cloud(), "signed-webhook").stream()
                .map(r -> r.get("reason").s()).toList(), "only the store's own bad event is kept");
    }
}
