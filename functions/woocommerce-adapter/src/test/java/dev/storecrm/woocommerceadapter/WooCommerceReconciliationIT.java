package dev.storecrm.woocommerceadapter;

import static dev.storecrm.platform.adapter.AdapterCloud.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.localcloud.CapacityRecorder;
import dev.storecrm.localcloud.LocalStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The scheduled WooCommerce reconciliation in the local cloud: the real function, under its IAM
 * policy, reading the store's REST API (a stub on 127.0.0.1) with the key put into the template's
 * WooCommerceRestKey, publishing on the store bus, and the member archive applying what it
 * published. A delivery WooCommerce failed to make is made good; one it made counts once; the cost
 * of a run follows the orders that changed, not the store's size.
 */
class WooCommerceReconciliationIT {

    private static final String RECONCILIATION = "WooCommerceReconciliationFunction";
    private static final String ADAPTER = "WooCommerceAdapterFunction";
    private static final Instant NOW = Instant.parse("2027-02-01T00:00:00Z");

    private final WooCommerceRestStub store = new WooCommerceRestStub();

    @RegisterExtension
    final LocalStore local = LocalStore.at(NOW)
            .with(Map.of("WOOCOMMERCE_STORE_URL", store.url(), "RECONCILE_PER_PAGE", "2"));

    @BeforeEach
    void setUp() {
        local.cloud().secretsManager().putSecretValue(p -> p.secretId(local.cloud().template()
                .physicalName("WooCommerceRestKey"))
                .secretString(WooCommerceRestStub.keySecret()));
    }

    @AfterEach
    void closeTheStore() {
        store.close();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> reconcile() {
        Map<String, Object> report = (Map<String, Object>) local.functions().invoke(RECONCILIATION,
                new HashMap<String, Object>());
        local.functions().drainAll();
        return report;
    }

    private Map<String, AttributeValue> member(String customerId) {
        return local.cloud().dynamoDb().getItem(g -> g.tableName(local.cloud().tableName("MembersTable"))
                .key(Map.of("customerId", AttributeValue.fromS(customerId))).consistentRead(true)).item();
    }

    private void deliver(String sample) {
        byte[] secret = local.cloud().secretsManager().getSecretValue(g -> g.secretId(local.cloud().template()
                .physicalName("WooCommerceWebhookSecret"))).secretString().getBytes(StandardCharsets.UTF_8);
        var request = WooCommerceAdapterServiceTest.delivery(sample, secret, body -> { });
        assertEquals(200, local.functions().invokeUrl(ADAPTER, "POST", "/", "", request.headers(), request.body())
                .getStatusCode());
    }

    @Test
    void aDeliveryWooCommerceFailedToMakeIsPublishedAndADeliveredOneCountsOnce() {
        deliver("customer-created.json");
        deliver("order-created.json");
        local.functions().drainAll();
        assertEquals("0", member("woocommerce:26").get("orderCount").n(), "placed, not paid yet");

        // The order is paid in the store; WooCommerce's order.updated delivery fails and is never retried.
        store.putOrder("order-updated-paid.json", 727, "2027-01-31T23:52:00");
        // A guest's order whose every delivery failed.
        store.putOrder("order-updated-cancelled-guest.json", 735, "2027-01-31T23:55:00");
        Map<String, Object> report = reconcile();

        assertEquals(2, report.get("orders"));
        assertEquals(true, report.get("complete"));
        Map<String, AttributeValue> wang = member("woocommerce:26");
        assertEquals("1", wang.get("orderCount").n(), "the payment the failed delivery carried, and order 727 once");
        assertEquals("38300", wang.get("lifetimeSpend").n());
        List<String> orders = local.cloud().dynamoDb().scan(s -> s.tableName(local.cloud().tableName("OrdersTable"))
                .consistentRead(true))
                .items().stream().map(o -> o.get("orderId").s()).sorted().toList();
        assertEquals(List.of("woocommerce:727", "woocommerce:735"), orders);
        assertEquals(List.of(), rejects(local.cloud(), WooCommerceReconciliationWiring.CONSUMER));

        Map<String, AttributeValue> before = member("woocommerce:26");
        local.clock().set(NOW.plus(Duration.ofMinutes(15)));
        assertEquals(2, reconcile().get("orders"),
                "modified within the overlap before the last sweep began: read again");
        assertEquals(before, member("woocommerce:26"), "the same events under the same ids: nothing changes");
    }

    @Test
    void aRunCostsWhatTheChangedOrdersCostNotWhatTheStoreHolds() {
        for (long id = 100; id < 160; id++) {
            store.putOrder("order-updated-paid.json", id, "2026-12-01T10:00:00"); // long settled
        }
        for (long id = 801; id <= 805; id++) {
            store.putOrder("order-updated-paid.json", id, "2027-01-31T20:00:0" + (id - 800));
        }
        Map<String, Object> first = runMeasured();
        assertEquals(5, first.get("orders"));
        assertEquals(3, store.requests().size(), "5 changed orders, 2 a page: 3 pages, whatever the store holds");
        assertMarkCost();

        local.clock().set(NOW.plus(Duration.ofMinutes(15)));
        Map<String, Object> quiet = runMeasured();
        assertEquals(0, quiet.get("orders"));
        assertEquals(1, store.requests().size(), "nothing changed: one empty page");
        assertMarkCost();

        store.putOrder("order-updated-partial-refund.json", 803, NOW.plus(Duration.ofMinutes(20)).toString()
                .replace("Z", ""));
        local.clock().set(NOW.plus(Duration.ofMinutes(30)));
        Map<String, Object> one = runMeasured();
        assertEquals(1, one.get("orders"));
        assertEquals(1, store.requests().size());
        assertMarkCost();
        assertEquals("1", member("woocommerce:26").get("refundCount").n(),
                "the refund of order 803 reached the archive");
    }

    private Map<String, Object> runMeasured() {
        store.forgetRequests();
        CapacityRecorder.reset();
        return reconcile();
    }

    /** One strongly consistent read and one write of the mark, and nothing else the function pays for in DynamoDB. */
    private static void assertMarkCost() {
        List<CapacityRecorder.Usage> usage = CapacityRecorder.usage().stream()
                .filter(u -> u.function().equals(RECONCILIATION)).toList();
        double reads = usage.stream().mapToDouble(CapacityRecorder.Usage::readUnits).sum();
        double writes = usage.stream().mapToDouble(CapacityRecorder.Usage::writeUnits).sum();
        assertEquals(1.0, reads, "reads: " + usage);
        assertEquals(1.0, writes, "writes: " + usage);
        assertTrue(usage.stream().allMatch(u -> u.table().equals("ReconciliationTable")), usage.toString());
    }

    @Test
    void anOrderTheMappingRefusesIsKeptOnceWithItsReasonAndTheRunGoesOn() {
        store.putOrder("order-updated-paid.json", 727, "2027-01-31T23:52:00").put("currency", "USD");
        store.putOrder("order-updated-cancelled-guest.json", 735, "2027-01-31T23:55:00");
        Map<String, Object> report = reconcile();
        assertEquals(1, report.get("refused"));
        local.clock().set(NOW.plus(Duration.ofMinutes(5)));
        reconcile();
        List<Map<String, AttributeValue>> kept = rejects(local.cloud(), WooCommerceReconciliationWiring.CONSUMER);
        assertEquals(1, kept.size(), "read twice (the overlap), kept once");
        assertEquals("WRONG_CURRENCY", kept.getFirst().get("reason").s());
        assertTrue(kept.getFirst().get("detail").s().startsWith("WooCommerce REST order 727"));
        assertEquals(List.of("woocommerce:735"),
                local.cloud().dynamoDb().scan(s -> s.tableName(local.cloud().tableName("OrdersTable"))
                .consistentRead(true)).items().stream().map(o -> o.get("orderId").s()).toList(),
                "the other order of the page was published all the same");
    }
}
