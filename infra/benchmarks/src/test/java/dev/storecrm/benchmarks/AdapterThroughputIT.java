package dev.storecrm.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.simulation.platform.Platform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@code ./dev bench adapters} counts, held to the figures docs/benchmarks.md gives: per
 * platform event, the canonical events each adapter publishes, its {@code PutEvents} calls (one per
 * payload: all of a payload's events in one call) and its DynamoDB units (the order owner written by
 * an order, read by a refund or a dispute; the signed webhook's replay check). Timings are not
 * asserted.
 */
class AdapterThroughputIT {

    private static final int EVENTS = 4;

    @Test
    void eachPlatformEventCostsWhatTheBenchmarkDocuments() {
        Platform.SHOPIFY.useTemplateParameters();
        Platform.STRIPE.useTemplateParameters();
        Map<String, String> measured = new LinkedHashMap<>();
        try (LocalCloud cloud = LocalCloud.start().provision()) {
            List<AdapterThroughput.Phase> phases = new AdapterThroughput(cloud,
                    cloud.functions(new SimulatedClock(AdapterThroughput.clock()))).measure(EVENTS);
            for (AdapterThroughput.Phase phase : phases) {
                measured.put(phase.adapter() + " " + phase.topic(), String.format("%.2f canonical, %.2f PutEvents, "
                        + "%.2f reads, %.2f writes", (double) phase.canonicalEvents() / EVENTS,
                        (double) phase.putEventsCalls() / EVENTS, phase.readUnits() / EVENTS,
                        phase.writeUnits() / EVENTS));
            }
        } finally {
            Platform.SHOPIFY.forgetTemplateParameters();
            Platform.STRIPE.forgetTemplateParameters();
        }
        Map<String, String> documented = new LinkedHashMap<>();
        documented.put("ShopifyAdapter customers/create", costs(1, 0, 0));
        documented.put("ShopifyAdapter customers/email_marketing_consent_update", costs(1, 0, 0));
        documented.put("ShopifyAdapter checkouts/create", costs(1, 0, 0));
        documented.put("ShopifyAdapter orders/create", costs(2, 0, 1));
        documented.put("ShopifyAdapter orders/paid", costs(1, 0, 1));
        documented.put("ShopifyAdapter refunds/create", costs(1, 1, 0));
        documented.put("ShopifyAdapter disputes/create", costs(1, 1, 0));
        documented.put("StripeAdapter customer.created", costs(1, 0, 0));
        documented.put("StripeAdapter checkout.session.expired", costs(2, 0, 0));
        documented.put("StripeAdapter checkout.session.completed", costs(3, 0, 1));
        documented.put("StripeAdapter refund.created", costs(1, 1, 0));
        documented.put("StripeAdapter charge.dispute.created", costs(1, 1, 0));
        documented.put("WooCommerceAdapter customer.created", costs(1, 0, 0));
        documented.put("WooCommerceAdapter order.created", costs(1, 0, 0));
        documented.put("WooCommerceAdapter order.updated (paid)", costs(2, 0, 0));
        documented.put("WooCommerceAdapter order.updated (refunded)", costs(3, 0, 0));
        documented.put("SignedWebhook MemberRegistered", costs(1, 1, 1));
        documented.put("SignedWebhook OrderPaid", costs(1, 1, 1));
        assertEquals(documented, measured);
    }

    /** One PutEvents call per platform event, whatever it maps to. */
    private static String costs(int canonical, int reads, int writes) {
        return String.format("%.2f canonical, %.2f PutEvents, %.2f reads, %.2f writes", (double) canonical, 1.0,
                (double) reads, (double) writes);
    }
}
