package dev.storecrm.simulation.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.platform.adapter.AdapterFixtures;
import dev.storecrm.platform.adapter.Amounts;
import dev.storecrm.platform.adapter.SignedDeliveries;
import dev.storecrm.shopifyadapter.ShopifyAdapterService;
import dev.storecrm.stripeadapter.StripeAdapterService;
import dev.storecrm.woocommerceadapter.WooCommerceAdapterService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The payloads the simulation (and the adapter benchmark) builds from the samples are what the
 * adapters read: each one through the real adapter service, with in-memory ports, gives the store's
 * event with the platform's ids, the amounts in minor units and the times as they were, and no phone
 * (the samples' buyers have one; the simulated members have none, so no contact preference changes).
 */
class PlatformPayloadsTest {

    private static final Instant AT = Instant.parse("2027-01-20T03:04:05Z");
    private static final Shopper BUYER = new Shopper("Sample Member 7", "sim-c-00007@example.com", "en", "DE");
    private static final List<Line> LINES = List.of(new Line("SKU-7", "Sample tea 7", 2, 12_300));

    private final AdapterFixtures fx = new AdapterFixtures();

    @Test
    void shopifyWebhooksMapToTheStoresEvents() {
        ShopifyAdapterService adapter = new ShopifyAdapterService(new Amounts("CNY"), fx.orderOwners(), fx.bus(),
                fx.rejects("shopify-adapter"), Optional.of(ShopifyPayloads.SHOP_DOMAIN), false);
        ShopifyPayloads shopify = new ShopifyPayloads("CNY");
        String token = String.format("%032x", 38_572_049_400_001L);
        ShopifyPayloads.Order order = new ShopifyPayloads.Order(5_820_167_200_001L, 7_290_122_400_001L, BUYER, LINES,
                24_600, 38_572_049_400_001L, token, List.of("CART-ABCDEFGHIJ"), AT, null, null);
        Instant paid = AT.plus(Duration.ofMinutes(5));
        ShopifyPayloads.Order paidOrder = new ShopifyPayloads.Order(order.id(), order.customerId(), BUYER, LINES,
                24_600, order.checkoutId(), token, order.discountCodes(), AT, paid, null);
        Map<String, ObjectNode> webhooks = new LinkedHashMap<>();
        webhooks.put("customers/create", shopify.customer(7_290_122_400_001L, BUYER, AT, AT));
        webhooks.put("checkouts/create", shopify.checkout(38_572_049_400_001L, token, 7_290_122_400_001L, BUYER, LINES,
                24_600, AT, AT));
        webhooks.put("orders/create", shopify.order(order));
        webhooks.put("orders/paid", shopify.order(paidOrder));
        webhooks.put("refunds/create", shopify.refund(929_400_001L, order.id(), 8_200, "One tin dented", paid));
        webhooks.forEach((topic, payload) -> adapter.handle(shopify.webhook(ShopifyPayloads.PARTNER_SOURCE, topic,
                Samples.uuid(topic), topic.equals("orders/paid") ? paid : AT, payload).get("detail").toString()));
        JsonNode registered = fx.only("MemberRegistered").get("body");
        assertEquals("shopify:7290122400001", registered.get("customerId").asText());
        assertEquals(Map.of("name", "Sample Member 7", "email", BUYER.email(), "country", "DE"),
                fields(registered.get("profile")));
        JsonNode cart = fx.only("CartUpdated").get("body");
        assertEquals("shopify:checkout:38572049400001", cart.get("cartId").asText());
        assertEquals(24_600, cart.at("/total/amount").asLong());
        assertEquals(ShopifyPayloads.recoveryUrl(token), cart.get("recoveryUrl").asText());
        JsonNode placed = fx.only("OrderPlaced");
        assertEquals("2027-01-20T11:04:05+08:00", placed.get("occurredAt").asText(), "the shop's time zone");
        assertEquals("shopify:5820167200001", placed.at("/body/orderId").asText());
        assertEquals("CART-ABCDEFGHIJ", placed.at("/body/couponCodes/0").asText());
        assertEquals(List.of(2L, 12_300L), List.of(placed.at("/body/lines/0/quantity").asLong(),
                placed.at("/body/lines/0/unitPrice/amount").asLong()));
        assertEquals(cart.get("cartId"), fx.only("CheckoutCompleted").at("/body/cartId"));
        JsonNode payment = fx.only("OrderPaid");
        assertEquals(paid, Instant.parse(payment.get("occurredAt").asText()));
        assertEquals(24_600, payment.at("/body/amount/amount").asLong(), "shop money, not the sample's USD");
        assertFalse(payment.at("/body/customer").has("phone"));
        assertEquals(8_200, fx.only("OrderRefunded").at("/body/amount/amount").asLong());
        assertEquals(List.of(), fx.kept);
    }

    @Test
    void stripeEventsMapToTheStoresEventsAndARecoveredSessionToItsCart() {
        StripeAdapterService adapter = new StripeAdapterService(new Amounts("CNY"), fx.orderOwners(), fx.bus(),
                fx.rejects("stripe-adapter"), false);
        StripePayloads stripe = new StripePayloads("CNY");
        String bus = StripePayloads.PARTNER_SOURCE;
        StripePayloads.Session cart = new StripePayloads.Session("cs_live_SimCart1", "cus_Sim7", BUYER, 24_600, null,
                null, "https://buy.stripe.com/r/live_SimRecovery1", true, AT.minus(Duration.ofHours(1)), AT);
        Instant paid = AT.plus(Duration.ofHours(3));
        StripePayloads.Session order = new StripePayloads.Session("cs_live_SimPaid1", "cus_Sim7", BUYER, 24_600,
                "pi_3Sim1", "cs_live_SimCart1", null, true, paid, paid.plus(Duration.ofHours(24)));
        adapter.handle(stripe.event(bus, "customer.created", "evt_1Sim1", AT, stripe.customer("cus_Sim7", BUYER,
                Map.of("birthday", "--02-29", "time_zone", "Europe/Berlin", "marketing_consent", "true"), AT), null)
                .get("detail").toString());
        adapter.handle(stripe.event(bus, "checkout.session.expired", "evt_1Sim2", AT, stripe.expired(cart), null)
                .get("detail").toString());
        adapter.handle(stripe.event(bus, "checkout.session.completed", "evt_1Sim3", paid, stripe.completed(order), null)
                .get("detail").toString());
        adapter.handle(stripe.event(bus, "refund.created", "evt_1Sim4", paid, stripe.refund("re_3Sim1", "pi_3Sim1",
                8_200, paid), null).get("detail").toString());
        JsonNode profile = fx.ofType("MemberUpdated").getFirst().at("/body/profile");
        assertEquals("--02-29", profile.get("birthday").asText());
        assertEquals("Europe/Berlin", profile.get("timeZone").asText());
        assertTrue(profile.at("/marketingConsent/granted").asBoolean());
        assertFalse(profile.has("phone"));
        assertEquals("stripe:cs_live_SimCart1", fx.only("CartUpdated").at("/body/cartId").asText());
        assertEquals("stripe:cs_live_SimCart1", fx.only("OrderPlaced").at("/body/cartId").asText(),
                "the recovered session checks out the cart that was reminded");
        assertEquals("stripe:pi_3Sim1", fx.only("OrderPaid").at("/body/orderId").asText());
        assertEquals(paid, Instant.parse(fx.only("OrderPaid").get("occurredAt").asText()));
        assertEquals("stripe:cus_Sim7", fx.only("OrderRefunded").at("/body/customerId").asText());
        assertEquals(List.of(), fx.kept);
    }

    @Test
    void signedWooCommerceDeliveriesMapToTheStoresEvents() {
        byte[] secret = "sim-woocommerce-secret".getBytes(StandardCharsets.UTF_8);
        WooCommerceAdapterService adapter = new WooCommerceAdapterService(secret, new Amounts("CNY"), fx.bus(),
                fx.rejects("woocommerce-adapter"));
        WooCommercePayloads woo = new WooCommercePayloads("CNY");
        Instant paid = AT.plus(Duration.ofMinutes(5));
        Instant refunded = AT.plus(Duration.ofDays(2));
        WooCommercePayloads.Order order = new WooCommercePayloads.Order(5001, 1001, BUYER, LINES, 24_600,
                List.of("CART-ABCDEFGHIJ"), AT, paid, null, List.of(new WooCommercePayloads.Refund(90_001,
                "One tin dented", 8_200)), refunded);
        for (WooCommercePayloads.Delivery delivery : List.of(woo.delivery("customer.created", "d1",
                woo.customer(1001, BUYER, AT, AT)), woo.delivery("order.updated", "d2", woo.order(order)))) {
            assertEquals(200, adapter.handle(SignedDeliveries.wooCommerce(delivery.headers(),
                    delivery.body().toString(), secret, "r")).status());
        }
        assertEquals(Map.of("name", "Sample Member 7", "email", BUYER.email(), "country", "DE"),
                fields(fx.only("MemberRegistered").at("/body/profile")));
        assertEquals(AT, Instant.parse(fx.only("OrderPlaced").get("occurredAt").asText()));
        assertEquals("woocommerce:1001", fx.only("OrderPlaced").at("/body/customerId").asText());
        assertEquals(24_600, fx.only("OrderPlaced").at("/body/total/amount").asLong());
        assertEquals(paid, Instant.parse(fx.only("OrderPaid").get("occurredAt").asText()));
        assertEquals(8_200, fx.only("OrderRefunded").at("/body/amount/amount").asLong());
        assertEquals(refunded, Instant.parse(fx.only("OrderRefunded").get("occurredAt").asText()));
        assertEquals(List.of(), fx.kept);
    }

    private static Map<String, String> fields(JsonNode object) {
        Map<String, String> fields = new TreeMap<>();
        object.properties().forEach(f -> fields.put(f.getKey(), f.getValue().asText()));
        return fields;
    }
}
