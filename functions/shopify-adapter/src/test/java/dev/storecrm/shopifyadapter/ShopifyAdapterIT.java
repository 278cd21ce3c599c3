package dev.storecrm.shopifyadapter;

import static dev.storecrm.platform.adapter.AdapterCloud.rejects;
import static dev.storecrm.platform.adapter.AdapterCloud.take;
import static dev.storecrm.platform.adapter.AdapterCloud.types;
import static dev.storecrm.platform.adapter.AdapterFixtures.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalCloudExtension;
import dev.storecrm.localcloud.LocalFunctions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Shopify adapter in the local cloud, as a store that connected Shopify (the build sets
 * {@code ShopifyPartnerEventSource}): the samples of events/shopify-adapter/ are put on the partner
 * bus as Shopify's partner event source would, ShopifyAdapterRule sends them to the adapter's queue,
 * the real ShopifyAdapterFunction (under its IAM policy) publishes on the store bus with
 * {@code PutEvents}, and the template's rules deliver the canonical events to the consumers' queues,
 * where this test reads them.
 */
@ExtendWith(LocalCloudExtension.class)
class ShopifyAdapterIT {

    private static final String PARTNER_BUS = "aws.partner/shopify.com/7010101/storecrm-sample";
    private static final String ADAPTER = "ShopifyAdapterFunction";

    private LocalCloud cloud;
    private LocalFunctions functions;

    @BeforeEach
    void reset(LocalCloud cloud) {
        cloud.reset();
        this.cloud = cloud;
        this.functions = cloud.functions(new SimulatedClock(Instant.parse("2027-02-01T00:00:00Z")));
    }

    @AfterEach
    void nothingLost() {
        assertEquals(Map.of(), cloud.deadLetters(), "every dead-letter queue stays empty");
    }

    /** Shopify puts a webhook on its partner event source; returns the queues the partner bus delivered it to. */
    private List<String> shopify(JsonNode event) {
        return cloud.eventBus().publish(event, PARTNER_BUS);
    }

    private void deliver(String... samples) {
        for (String name : samples) {
            assertEquals(List.of("ShopifyAdapterQueue"), shopify(sample("shopify-adapter/" + name)), name);
        }
        assertEquals(0, functions.drain(ADAPTER).failures().getOrDefault(ADAPTER, 0));
    }

    @Test
    void anOrderReachesTheMemberArchiveAndCartRecovery() {
        deliver("orders-create.json", "orders-paid.json");
        List<JsonNode> archive = take(cloud, "MemberArchiveQueue");
        assertEquals(List.of("OrderPlaced", "OrderPaid"), types(archive));
        assertEquals(64820, archive.getFirst().at("/body/total/amount").asLong(),
                "the shop's CNY, not the buyer's USD");
        assertEquals("shopify:7290122358850", archive.get(1).at("/body/customerId").asText());
        assertEquals(List.of("OrderPlaced", "CheckoutCompleted", "OrderPaid"), types(take(cloud, "CartRecoveryQueue")));
        assertEquals(List.of(), take(cloud, "DisputeQueue"));
    }

    @Test
    void aRefundAndADisputeFindTheirOrdersCustomer() {
        deliver("orders-create.json", "refunds-create.json", "disputes-create.json", "disputes-update-won.json");
        List<JsonNode> archive = take(cloud, "MemberArchiveQueue");
        assertEquals(List.of("OrderPlaced", "OrderRefunded"), types(archive));
        assertEquals("shopify:7290122358850", archive.get(1).at("/body/customerId").asText());
        assertEquals(11000, archive.get(1).at("/body/amount/amount").asLong());
        List<JsonNode> disputes = take(cloud, "DisputeQueue");
        assertEquals(List.of("DisputeOpened", "DisputeUpdated"), types(disputes));
        assertEquals("2026-12-14T23:59:59+08:00", disputes.getFirst().at("/body/evidenceDueBy").asText());
        assertEquals("member.2001@example.com", disputes.getFirst().at("/body/customer/email").asText(),
                "the contact remembered with the order in OrderOwnersTable");
        assertEquals("rejected", disputes.get(1).at("/body/resolution").asText());
    }

    @Test
    void checkoutsAndCustomersReachTheirConsumers() {
        deliver("checkouts-create.json", "checkouts-update-guest.json", "customers-create.json",
                "customers-email-marketing-consent-update.json");
        List<JsonNode> carts = take(cloud, "CartRecoveryQueue");
        assertEquals(List.of("CartUpdated", "CartUpdated"), types(carts));
        assertTrue(carts.get(0).at("/body/recoveryUrl").asText().startsWith("https://"));
        assertTrue(carts.get(1).at("/body/marketingConsent/granted").asBoolean(), "the guest's consent on the cart");
        assertEquals(List.of("MemberRegistered", "MemberUpdated"), types(take(cloud, "MemberArchiveQueue")));
        assertEquals(List.of(), rejects(cloud, "shopify-adapter"), "nothing left over to keep");
    }

    @Test
    void aCustomersDataAndErasureRequestsReachThePrivacyRequestsQueue() {
        deliver("customers-data-request.json", "customers-redact.json", "customers-redact.json");
        List<JsonNode> requests = take(cloud, "PrivacyRequestsQueue");
        assertEquals(List.of("CustomerDataRequested", "CustomerErasureRequested", "CustomerErasureRequested",
                "CustomerErasureRequested", "CustomerErasureRequested"), types(requests), "a redact: the customer's"
                + " and their address's guest's");
        assertEquals(requests.subList(1, 3), requests.subList(3, 5),
                "a re-delivery is the same requests, which are kept once");
        assertEquals("shopify:data-request:9987", requests.getFirst().at("/body/requestId").asText());
        assertEquals(List.of(), take(cloud, "MemberArchiveQueue"), "no journey reads a privacy request");
        assertEquals(List.of(), rejects(cloud, "shopify-adapter"));
    }

    @Test
    void testDeliveriesAShopsErasureAndUnknownTopicsAreKeptAndBlockNothing() {
        ObjectNode unknown = (ObjectNode) sample("shopify-adapter/orders-create.json");
        ((ObjectNode) unknown.at("/detail/metadata")).put("X-Shopify-Topic", "products/update");
        shopify(sample("shopify-adapter/orders-create-test-notification.json"));
        shopify(sample("shopify-adapter/shop-redact.json"));
        shopify(unknown);
        shopify(sample("shopify-adapter/orders-create.json"));
        LocalFunctions.DrainReport report = functions.drain(ADAPTER);
        assertEquals(4, report.totalMessages());
        assertEquals(0, report.failures().getOrDefault(ADAPTER, 0), "refused, not retried");
        assertEquals(List.of("OrderPlaced"), types(take(cloud, "MemberArchiveQueue")), "the good one went through");
        List<String> reasons = rejects(cloud, "shopify-adapter").stream().map(r -> r.get("reason").s()).sorted()
                .toList();
        assertEquals(List.of("NOT_YET_MAPPED", "TEST_DELIVERY", "UNSUPPORTED_TOPIC"), reasons);
        rejects(cloud, "shopify-adapter")
                .forEach(r -> assertTrue(r.get("detail").s().startsWith("Shopify "), r.toString()));
    }

    @Test
    void aReDeliveryReachesTheConsumersWithTheSameIds() {
        deliver("orders-create.json", "orders-create.json");
        List<JsonNode> archive = take(cloud, "MemberArchiveQueue");
        assertEquals(2, archive.size());
        assertEquals(archive.get(0), archive.get(1),
                "the same canonical event twice: the member archive applies it once");
    }

    @Test
    void aWebhookOfAnotherSourceOrKindNeverReachesTheAdapter() {
        ObjectNode other = (ObjectNode) sample("shopify-adapter/orders-create.json");
        other.put("source", "aws.partner/shopify.com/9999999/another-app");
        assertEquals(List.of(), shopify(other), "the rule names this stack's partner event source");
        assertEquals(List.of(), cloud.eventBus().publish(sample("shopify-adapter/orders-create.json"),
                cloud.eventBus().storeBusName()), "Shopify's envelope on the store bus matches no consumer");
    }
}
