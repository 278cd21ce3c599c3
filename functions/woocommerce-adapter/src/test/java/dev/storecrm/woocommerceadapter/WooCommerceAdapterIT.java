package dev.storecrm.woocommerceadapter;

import static dev.storecrm.platform.adapter.AdapterCloud.rejects;
import static dev.storecrm.platform.adapter.AdapterCloud.take;
import static dev.storecrm.platform.adapter.AdapterCloud.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.localcloud.LocalStore;
import dev.storecrm.platform.adapter.AdapterFixtures;
import dev.storecrm.platform.adapter.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The WooCommerce adapter in the local cloud: the deliveries of events/woocommerce-adapter/, signed
 * with the WooCommerceWebhookSecret the local cloud generated from the template, sent to the real
 * WooCommerceAdapterFunction's function URL ({@code AuthType: NONE}), and the canonical events in
 * the consumers' queues.
 */
class WooCommerceAdapterIT {

    private static final String ADAPTER = "WooCommerceAdapterFunction";

    private byte[] secret;

    @RegisterExtension
    final LocalStore local = LocalStore.at(Instant.parse("2027-02-01T00:00:00Z"));

    @BeforeEach
    void setUp() {
        this.secret = local.cloud().secretsManager().getSecretValue(g -> g.secretId(local.cloud().template()
                .physicalName(
                "WooCommerceWebhookSecret"))).secretString().getBytes(StandardCharsets.UTF_8);
    }

    private APIGatewayV2HTTPResponse post(WebhookRequest request) {
        return local.functions().invokeUrl(ADAPTER, "POST", "/", "", request.headers(), request.body());
    }

    private APIGatewayV2HTTPResponse deliver(String sample) {
        return post(WooCommerceAdapterServiceTest.delivery(sample, secret, body -> { }));
    }

    @Test
    void anOrderAndItsCustomerReachTheArchiveAndCartRecovery() {
        assertEquals(200, deliver("customer-created.json").getStatusCode());
        assertEquals(200, deliver("order-created.json").getStatusCode());
        assertEquals(200, deliver("order-updated-paid.json").getStatusCode());
        assertEquals(200, deliver("order-updated-partial-refund.json").getStatusCode());
        List<String> archive = types(take(local.cloud(), "MemberArchiveQueue"));
        assertEquals(List.of("MemberRegistered", "OrderPlaced", "OrderPlaced", "OrderPaid", "OrderPlaced", "OrderPaid",
                "OrderRefunded"), archive, "every delivery states every fact the order shows, under the same ids");
        assertTrue(types(take(local.cloud(), "CartRecoveryQueue")).containsAll(List.of("OrderPlaced", "OrderPaid")));
    }

    @Test
    void aDeletedCustomerReachesThePrivacyRequestsAsAnErasureRequest() {
        assertEquals(200, deliver("customer-deleted.json").getStatusCode());
        assertEquals(200, deliver("customer-deleted.json").getStatusCode(), "delivered again: the same request");
        List<JsonNode> requests = take(local.cloud(), "PrivacyRequestsQueue");
        assertEquals(List.of("CustomerErasureRequested", "CustomerErasureRequested"), types(requests));
        assertEquals(requests.get(0).get("id"), requests.get(1).get("id"));
        assertEquals("woocommerce:26", requests.getFirst().at("/body/subject/customerId").asText());
        assertEquals(List.of(), take(local.cloud(), "MemberArchiveQueue"));
    }

    @Test
    void thePingIsOkABadSignatureIs401AndAnUnmappableDeliveryIsKeptWith422() {
        APIGatewayV2HTTPResponse ping = local.functions().invokeUrl(ADAPTER, "POST", "/", "",
                Map.of("content-type", "application/x-www-form-urlencoded"), "webhook_id=41");
        assertEquals(200, ping.getStatusCode());
        WebhookRequest forged = WooCommerceAdapterServiceTest.delivery("order-created.json",
                "not-the-secret".getBytes(StandardCharsets.UTF_8), body -> { });
        assertEquals(401, post(forged).getStatusCode());
        WebhookRequest product = WooCommerceAdapterServiceTest.delivery("order-created.json", secret, body -> { });
        Map<String, String> headers = new HashMap<>(product.headers());
        headers.put("X-WC-Webhook-Topic", "product.updated");
        APIGatewayV2HTTPResponse unsupported = post(new WebhookRequest("POST", headers, product.rawBody(), "r"));
        assertEquals(422, unsupported.getStatusCode());
        assertTrue(unsupported.getBody().contains("UNSUPPORTED_TOPIC"));
        assertEquals(List.of(), take(local.cloud(), "MemberArchiveQueue"));
        assertEquals(List.of("UNSUPPORTED_TOPIC"), rejects(local.cloud(), "woocommerce-adapter").stream()
                .map(r -> r.get("reason").s()).toList(), "the forged delivery is not kept, the store's is");
        assertEquals("9d7c1f1c-45a4-4c79-8b1e-6f5a0b1c2d01", rejects(local.cloud(), "woocommerce-adapter").getFirst()
                .get("messageId").s());
        assertTrue(AdapterFixtures.read(unsupported.getBody()).get("detail").asText()
                .startsWith("WooCommerce product.updated"));
    }
}
