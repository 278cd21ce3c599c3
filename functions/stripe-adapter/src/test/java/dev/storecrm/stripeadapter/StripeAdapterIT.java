package dev.storecrm.stripeadapter;

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
 * The Stripe adapter in the local cloud, as a store whose Stripe event destination feeds the partner
 * bus named by {@code StripePartnerEventSource} (set by the build): the samples of
 * events/stripe-adapter/ on the partner bus, StripeAdapterRule, the adapter's queue, the real
 * StripeAdapterFunction under its IAM policy, {@code PutEvents} on the store bus, and the canonical
 * events in the consumers' queues.
 */
@ExtendWith(FreshLocalCloud.class)
class StripeAdapterIT {

    private static final String PARTNER_BUS = "aws.partner/stripe.com/ed_61SampleDestination";
    private static final String ADAPTER = "StripeAdapterFunction";

    private LocalCloud cloud;
    private PartnerFeed stripe;

    @BeforeEach
    void reset(LocalCloud cloud) {
        this.cloud = cloud;
        this.stripe = PartnerFeed.at(cloud, Instant.parse("2027-02-01T00:00:00Z"), PARTNER_BUS, ADAPTER,
                "stripe-adapter");
    }

    @Test
    void aPaidCheckoutReachesTheArchiveAndCartRecoveryAndItsRefundFollows() {
        stripe.deliver("checkout-session-completed.json", "refund-created.json");
        List<JsonNode> archive = take(cloud, "MemberArchiveQueue");
        assertEquals(List.of("OrderPlaced", "OrderPaid", "OrderRefunded"), types(archive));
        assertEquals("stripe:cus_SmPLeMember3101", archive.get(2).at("/body/customerId").asText());
        assertTrue(archive.get(1).at("/body/customer/marketingConsent/granted").asBoolean());
        assertEquals(List.of("OrderPlaced", "OrderPaid", "CheckoutCompleted"), types(take(cloud, "CartRecoveryQueue")));
    }

    @Test
    void aDisputeReachesTheDisputesWithItsEvidenceDeadlineAndOutcome() {
        stripe.deliver("checkout-session-completed.json", "charge-dispute-created.json",
                "charge-dispute-updated.json", "charge-dispute-funds-withdrawn.json", "charge-dispute-closed.json");
        List<JsonNode> disputes = take(cloud, "DisputeQueue");
        assertEquals(List.of("DisputeOpened", "DisputeUpdated", "DisputeUpdated", "DisputeUpdated"), types(disputes));
        assertEquals("2026-12-10T23:59:59Z", disputes.getFirst().at("/body/evidenceDueBy").asText());
        assertEquals("member.3101@example.com", disputes.getFirst().at("/body/customer/email").asText(),
                "the contact remembered with the payment in OrderOwnersTable");
        assertEquals("stripe", disputes.getFirst().at("/body/channel").asText());
        assertEquals("resolved", disputes.get(3).at("/body/status").asText());
    }

    @Test
    void anExpiredSessionIsARecoverableCartAndACustomerAProfile() {
        stripe.deliver("checkout-session-expired.json", "customer-created.json", "customer-updated.json");
        List<JsonNode> carts = take(cloud, "CartRecoveryQueue");
        assertEquals(List.of("CartUpdated"), types(carts));
        assertEquals("https://buy.stripe.com/r/live_SmPLeRecovery3107", carts.getFirst().at("/body/recoveryUrl").asText());
        List<JsonNode> archive = take(cloud, "MemberArchiveQueue");
        assertEquals(List.of("MemberUpdated", "MemberUpdated"), types(archive));
        assertEquals("1992-02-29", archive.getFirst().at("/body/profile/birthday").asText());
        assertTrue(carts.getFirst().at("/body/marketingConsent/granted").asBoolean(),
                "the guest's consent on the cart");
        assertEquals(List.of(), rejects(cloud, "stripe-adapter"), "nothing left over to keep");
    }

    @Test
    void testModeEventsAndUnknownPaymentsAreKeptAndBlockNothing() {
        ObjectNode testMode = (ObjectNode) sample("stripe-adapter/checkout-session-completed.json");
        ((ObjectNode) testMode.get("detail")).put("livemode", false);
        stripe.put(testMode);
        stripe.put(sample("stripe-adapter/refund-created.json"));
        stripe.put(sample("stripe-adapter/customer-created.json"));
        LocalFunctions.DrainReport report = stripe.drain();
        assertEquals(3, report.totalMessages());
        assertEquals(0, stripe.failures(report));
        assertEquals(List.of("MemberUpdated"), types(take(cloud, "MemberArchiveQueue")));
        assertEquals(List.of("TEST_DELIVERY", "UNKNOWN_ORDER"), rejects(cloud, "stripe-adapter").stream()
                .map(r -> r.get("reason").s()).sorted().toList());
        assertEquals("evt_3SmPLeRefundCreated1", rejects(cloud, "stripe-adapter").stream()
                .filter(r -> r.get("reason").s().equals("UNKNOWN_ORDER")).findFirst().orElseThrow().get("eventId").s(),
                "Stripe's event is the detail itself: the reject names its evt_ id");
    }

    @Test
    void aTypeTheDestinationShouldNotSendNeverReachesTheAdapter() {
        ObjectNode refunded = (ObjectNode) sample("stripe-adapter/refund-created.json");
        refunded.put("detail-type", "charge.refunded");
        assertEquals(List.of(), stripe.put(refunded), "StripeAdapterRule routes only the types the adapter maps");
    }
}
