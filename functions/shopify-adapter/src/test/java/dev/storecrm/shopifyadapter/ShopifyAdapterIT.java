package dev.storecrm.shopifyadapter;

import static dev.storecrm.platform.adapter.AdapterCloud.rejects;
import static dev.storecrm.platform.adapter.AdapterCloud.take;
import static dev.storecrm.platform.adapter.AdapterCloud.types;
import static dev.storecrm.platform.adapter.AdapterFixtures.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.localcloud.FreshLocalCloud;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.platform.adapter.PartnerFeed;
import java.time.Instant;
import java.util.List;
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
@ExtendWith(FreshLocalCloud.class)
class ShopifyAdapterIT {

    private static final String PARTNER_BUS = "aws.partner/shopify.com/7010101/storecrm-sample";
    private static final String ADAPTER = "ShopifyAdapterFunction";

    private LocalCloud cloud;
    private PartnerFeed shopify;

    @BeforeEach
    void reset(LocalCloud cloud) {
        this.cloud = cloud;
        this.shopify = PartnerFeed.at(cloud, Instant.parse("2027-02-01T00:00:00Z"), PARTNER_BUS, ADAPTER,
                "shopify-adapter");
    }

    @Test
    void anOrderReachesTheMemberArchiveAndCartRecovery() {
        shopify.deliver("orders-create.json", "orders-paid.json");
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
        shopify.deliver("orders-create.json", "refunds-create.json", "disputes-create.json",
                "disputes-update-won.json");
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
        shopify.deliver("checkouts-create.json", "checkouts-update-guest.json", "customers-create.json",
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
        shopify.deliver("customers-data-request.json", "customers-redact.json", "customers-redact.json");
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
        shopify.put(sample("shopify-adapter/orders-create-test-notification.json"));
        shopify.put(sample("shopify-adapter/shop-redact.json"));
        shopify.put(unknown);
        shopify.put(sample("shopify-adapter/orders-create.json"));
        LocalFunctions.DrainReport report = shopify.drain();
        assertEquals(4, report.totalMessages());
        assertEquals(0, shopify.failures(report), "refused, not retried");
        assertEquals(List.of("OrderPlaced"), types(take(cloud, "MemberArchiveQueue")), "the good one went through");
        List<String> reasons = rejects(cloud, "shopify-adapter").stream().map(r -> r.get("reason").s()).sorted()
                .toList();
        assertEquals(List.of("NOT_YET_MAPPED", "TEST_DELIVERY", "UNSUPPORTED_TOPIC"), reasons);
        rejects(cloud, "shopify-adapter")
                .forEach(r -> assertTrue(r.get("detail").s().startsWith("Shopify "), r.toString()));
    }

    @Test
    void aReDeliveryReachesTheConsumersWithTheSameIds() {
        shopify.deliver("orders-create.json", "orders-create.json");
        List<JsonNode> archive = take(cloud, "MemberArchiveQueue");
        assertEquals(2, archive.size());
        assertEquals(archive.get(0), archive.get(1),
                "the same canonical event twice: the member archive applies it once");
    }

    @Test
    void aWebhookOfAnotherSourceOrKindNeverReachesTheAdapter() {
        ObjectNode other = (ObjectNode) sample("shopify-adapter/orders-create.json");
        other.put("source", "aws.partner/shopify.com/9999999/another-app");
        assertEquals(List.of(), shopify.put(other), "the rule names this stack's partner event source");
        assertEquals(List.of(), cloud.eventBus().publish(sample("shopify-adapter/orders-create.json"),
                cloud.eventBus().storeBusName()), "Shopify's envelope on the store bus matches no consumer");
    }
}
