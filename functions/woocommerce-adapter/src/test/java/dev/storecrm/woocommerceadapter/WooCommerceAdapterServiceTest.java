package dev.storecrm.woocommerceadapter;

import static dev.storecrm.platform.adapter.AdapterFixtures.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.platform.adapter.AdapterFixtures;
import dev.storecrm.platform.adapter.Amounts;
import dev.storecrm.platform.adapter.SignedDeliveries;
import dev.storecrm.platform.adapter.WebhookRequest;
import dev.storecrm.platform.adapter.WebhookSignatures;
import dev.storecrm.platform.http.HttpAnswer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The WooCommerce adapter on the deliveries of events/woocommerce-adapter/, written from WooCommerce's REST API
 * docs.
 */
class WooCommerceAdapterServiceTest {

    private static final byte[] SECRET = "sample-webhook-secret-0123456789".getBytes(StandardCharsets.UTF_8);

    private final AdapterFixtures fx = new AdapterFixtures();
    private final WooCommerceAdapterService service =
            new WooCommerceAdapterService(SECRET, new Amounts("CNY"), fx.bus(), fx.rejects("woocommerce-adapter"));

    /** A sample delivery, its body as WooCommerce sends it (compact JSON) and signed with the secret. */
    static WebhookRequest delivery(String sample, byte[] secret, Consumer<ObjectNode> edit) {
        JsonNode request = sample("woocommerce-adapter/" + sample);
        ObjectNode body = (ObjectNode) request.get("body");
        edit.accept(body);
        Map<String, String> headers = new HashMap<>();
        request.get("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
        return SignedDeliveries.wooCommerce(headers, body.toString(), secret, "req-" + sample);
    }

    private static WebhookRequest delivery(String sample) {
        return delivery(sample, SECRET, b -> { });
    }

    private static JsonNode body(HttpAnswer answer) {
        return AdapterFixtures.read(answer.body());
    }

    @Test
    void theCreationPingGetsOkAndNothingElse() {
        WebhookRequest ping = new WebhookRequest("POST", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                AdapterFixtures.text("woocommerce-adapter/ping.txt").getBytes(StandardCharsets.UTF_8), "req-ping");
        assertEquals(200, service.handle(ping).status());
        assertTrue(fx.published.isEmpty() && fx.kept.isEmpty());
    }

    @Test
    void aBadOrMissingSignatureIs401AndNothingIsKept() {
        assertEquals(401, service.handle(delivery("order-created.json",
                "another-secret".getBytes(StandardCharsets.UTF_8), b -> { })).status());
        WebhookRequest signed = delivery("order-created.json");
        Map<String, String> unsigned = new HashMap<>(signed.headers());
        unsigned.remove("X-WC-Webhook-Signature");
        assertEquals(401, service.handle(new WebhookRequest("POST", unsigned, signed.rawBody(), "r")).status());
        byte[] altered = signed.body().replace("\"383.00\"", "\"3.83\"").getBytes(StandardCharsets.UTF_8);
        assertEquals(401, service.handle(new WebhookRequest("POST", signed.headers(), altered, "r")).status(),
                "the signature covers every byte of the body");
        assertTrue(fx.published.isEmpty() && fx.kept.isEmpty(), "it is not the store's data");
    }

    @Test
    void aNewOrderIsPlacedWithItsLinesAtTheirPriceBeforeDiscounts() {
        HttpAnswer answer = service.handle(delivery("order-created.json"));
        assertEquals(200, answer.status());
        assertEquals("woocommerce:order:727:OrderPlaced", body(answer).at("/published/0").asText());
        JsonNode placed = fx.only("OrderPlaced");
        assertEquals("2026-11-23T11:40:11Z", placed.get("occurredAt").asText(), "date_created_gmt");
        assertEquals("woocommerce:26", placed.at("/body/customerId").asText());
        assertEquals(38300, placed.at("/body/total/amount").asLong());
        assertEquals(10000, placed.at("/body/lines/0/unitPrice/amount").asLong(), "subtotal 200.00 for 2");
        assertEquals("woocommerce:variation:104", placed.at("/body/lines/1/sku").asText(), "no SKU: its variation");
        assertEquals("autumn30", placed.at("/body/couponCodes/0").asText());
        assertTrue(fx.ofType("OrderPaid").isEmpty(), "pending: not paid yet");
    }

    @Test
    void paymentAndAPartialRefundAreTheFactsTheUpdatedOrderShows() {
        service.handle(delivery("order-updated-paid.json"));
        JsonNode paid = fx.only("OrderPaid");
        assertEquals("2026-11-23T11:41:02Z", paid.get("occurredAt").asText(), "date_paid_gmt");
        assertEquals("+8613800004001", paid.at("/body/customer/phone").asText());
        service.handle(delivery("order-updated-partial-refund.json"));
        JsonNode refund = fx.only("OrderRefunded").get("body");
        assertEquals(9000, refund.at("/amount/amount").asLong(), "WooCommerce writes the refund as -90.00");
        assertEquals("woocommerce:733", refund.get("refundId").asText());
        assertEquals(2, fx.ofType("OrderPaid").size());
        assertEquals(fx.ofType("OrderPaid").get(0), fx.ofType("OrderPaid").get(1),
                "the payment published again is the same event, applied once");
    }

    @Test
    void aGuestsCancelledOrderIsCancelledForTheGuestsAddress() {
        service.handle(delivery("order-updated-cancelled-guest.json"));
        JsonNode cancelled = fx.only("OrderCancelled").get("body");
        assertTrue(cancelled.get("customerId").asText().matches("woocommerce:guest:[0-9a-f]{32}"),
                cancelled.toString());
        assertEquals(fx.only("OrderPlaced").at("/body/customerId"), cancelled.get("customerId"));
        assertFalse(fx.only("OrderPlaced").at("/body/lines/0").has("phone"));
    }

    @Test
    void customersRegisterAndUpdateOncePerChange() {
        service.handle(delivery("customer-created.json"));
        assertEquals("woocommerce:customer:26:MemberRegistered", fx.only("MemberRegistered").get("id").asText());
        service.handle(delivery("customer-updated.json"));
        JsonNode updated = fx.only("MemberUpdated");
        assertEquals("woocommerce:customer:26:20261202T001520Z:MemberUpdated", updated.get("id").asText());
        assertEquals("+8613900004001", updated.at("/body/profile/phone").asText());
    }

    @Test
    void aDeletedCustomerIsTheStoresRequestToEraseThem() {
        HttpAnswer answer = service.handle(delivery("customer-deleted.json"));
        assertEquals(200, answer.status());
        JsonNode erasure = fx.only("CustomerErasureRequested");
        assertEquals("woocommerce:customer:26:CustomerErasureRequested", erasure.get("id").asText(),
                "one request however often the deletion is delivered");
        assertEquals(2, erasure.get("version").asInt());
        assertEquals(AdapterFixtures.CLOCK.instant().toString(), erasure.get("occurredAt").asText(),
                "WooCommerce sends only the id: dated when it was delivered");
        assertEquals("woocommerce:customer-deleted:26", erasure.at("/body/requestId").asText());
        assertEquals("woocommerce:26", erasure.at("/body/subject/customerId").asText(), "the member archive's id");
        assertEquals("store", erasure.at("/body/requester/party").asText());
        assertEquals("woocommerce", erasure.at("/body/requester/via").asText());
        assertFalse(erasure.get("body").has("deadline"), "no platform deadline");
        assertTrue(fx.kept.isEmpty());
    }

    @Test
    void anUnmappableDeliveryIsKeptAndAnsweredWithItsReason() {
        HttpAnswer unsupported = service.handle(withTopic(delivery("customer-created.json"), "product.updated"));
        assertEquals(422, unsupported.status());
        assertEquals("UNSUPPORTED_TOPIC", body(unsupported).get("error").asText());
        HttpAnswer wrongCurrency =
                service.handle(delivery("order-created.json", SECRET, b -> b.put("currency", "USD")));
        assertEquals(422, wrongCurrency.status());
        assertEquals("WRONG_CURRENCY", body(wrongCurrency).get("error").asText());
        HttpAnswer deleted = service.handle(delivery("customer-deleted.json", SECRET, b -> b.remove("id")));
        assertEquals("SCHEMA_VIOLATION", body(deleted).get("error").asText(), "a deletion names its customer");
        assertEquals(List.of(RejectReason.UNSUPPORTED_TOPIC, RejectReason.WRONG_CURRENCY,
                RejectReason.SCHEMA_VIOLATION), fx.kept.stream().map(k -> k.reason()).toList());
        assertEquals("3b1a5d5a-89e8-40bd-8f5c-ad9e4f5a6b05", fx.kept.getFirst().messageId(),
                "X-WC-Webhook-Delivery-ID");
        assertFalse(fx.kept.stream().anyMatch(k -> k.detail().contains("@")));
        assertTrue(fx.published.isEmpty());
    }

    @Test
    void anOrderAnAdministratorIsStillWritingIsNotPlacedAndNotRefused() {
        HttpAnswer answer = service.handle(delivery("order-created.json", SECRET, b -> b.putArray("line_items")));
        assertEquals(200, answer.status(), "a refusal would count towards WooCommerce disabling the webhook");
        assertEquals("IGNORED_NO_LINES", body(answer).get("outcome").asText());
        assertTrue(fx.published.isEmpty() && fx.kept.isEmpty());
    }

    @Test
    void aSignedBodyThatIsNotJsonIs400() {
        byte[] raw = "{\"id\": 727,".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Map.of("X-WC-Webhook-Topic", "order.updated", "X-WC-Webhook-Signature",
                Base64.getEncoder().encodeToString(WebhookSignatures.hmacSha256(SECRET, raw)));
        HttpAnswer answer = service.handle(new WebhookRequest("POST", headers, raw, "req-broken"));
        assertEquals(400, answer.status());
        assertEquals(RejectReason.MALFORMED_JSON, fx.kept.getFirst().reason());
    }

    private static WebhookRequest withTopic(WebhookRequest request, String topic) {
        Map<String, String> headers = new HashMap<>(request.headers());
        headers.put("X-WC-Webhook-Topic", topic);
        return new WebhookRequest("POST", headers, request.rawBody(), request.requestId());
    }
}
