package dev.storecrm.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.json.tree.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The platform adapters' rules sit on partner event buses (Shopify's and Stripe's Amazon
 * EventBridge partner event sources), which exist only where the store connected the platform: the
 * template creates them under conditions, and the local cloud routes the partner buses' events by
 * them like the store bus's.
 */
class PartnerBusRoutingTest {

    private static final String SHOPIFY = "aws.partner/shopify.com/7010101/storecrm-sample";
    private static final String STRIPE = "aws.partner/stripe.com/ed_61SampleDestination";
    private static final Path FILE = Template.projectRoot().resolve("template.yaml");

    private static Template template(Map<String, String> parameters) {
        return Template.load(FILE, "us-east-1", parameters);
    }

    private static List<String> ruleBuses(Template template) {
        return LocalEventBus.rules(template).stream().map(LocalEventBus.Rule::busName).distinct().sorted().toList();
    }

    @Test
    void aStoreWithoutShopifyOrStripeGetsNoRuleOnAPartnerBus() {
        Template template = template(Map.of());
        assertFalse(template.resourcesOfType("AWS::Events::Rule").stream()
                .map(Template.Resource::logicalId)
                .anyMatch(id -> id.equals("ShopifyAdapterRule") || id.equals("StripeAdapterRule")));
        assertEquals(List.of("default", "storecrm-local-store-events"), ruleBuses(template));
        List<?> sources = deliveryDeadLetterSources(template);
        assertEquals(8, sources.size(), "the eight consumer rules only: " + sources);
    }

    @Test
    void aStoreThatConnectedBothRoutesEachPartnerBusToItsAdapter() throws Exception {
        Template template = template(Map.of("ShopifyPartnerEventSource", SHOPIFY, "StripePartnerEventSource", STRIPE));
        assertEquals(List.of(SHOPIFY, STRIPE, "default", "storecrm-local-store-events"), ruleBuses(template));
        LocalEventBus bus = new LocalEventBus(template, null, Map.of());
        assertEquals("storecrm-local-store-events", bus.storeBusName(),
                "partner buses are not the template's to create");
        ObjectMapper json = new ObjectMapper();
        Path events = Template.projectRoot().resolve("events");
        var shopify = json.readTree(events.resolve("shopify-adapter/orders-create.json").toFile());
        assertEquals(List.of("ShopifyAdapterQueue"), bus.route(shopify, SHOPIFY));
        assertEquals(List.of(), bus.route(shopify, STRIPE), "a rule matches events of its own bus only");
        var stripe = json.readTree(events.resolve("stripe-adapter/refund-created.json").toFile());
        assertEquals(List.of("StripeAdapterQueue"), bus.route(stripe, STRIPE));
        assertTrue(deliveryDeadLetterSources(template).contains(template.arn("ShopifyAdapterRule")),
                "what the partner rule cannot deliver goes to the event delivery dead-letter queue too");
    }

    @Test
    void aTestJvmSetsParametersWithSystemProperties() {
        String property = Template.PARAMETER_PROPERTY + "StripePartnerEventSource";
        System.setProperty(property, STRIPE);
        try {
            assertEquals(Map.of("StripePartnerEventSource", STRIPE), Template.parametersFromSystemProperties());
            assertEquals(STRIPE, Template.ofProject("us-east-1").parameter("StripePartnerEventSource").orElseThrow());
        } finally {
            System.clearProperty(property);
        }
        assertEquals("", Template.ofProject("us-east-1").parameter("StripePartnerEventSource").orElseThrow());
    }

    private static List<?> deliveryDeadLetterSources(Template template) {
        Map<String, Object> policy =
                template.resolveMap(template.resource("EventDeliveryDeadLetterQueuePolicy").properties());
        List<?> statements = (List<?>) ((Map<?, ?>) policy.get("PolicyDocument")).get("Statement");
        Map<?, ?> statement = (Map<?, ?>) statements.getFirst();
        return (List<?>) ((Map<?, ?>) ((Map<?, ?>) statement.get("Condition")).get("ArnEquals")).get("aws:SourceArn");
    }
}
