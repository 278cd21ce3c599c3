package dev.storecrm.stripeadapter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storecrm.localcloud.Template;
import dev.storecrm.platform.adapter.Amounts;
import dev.storecrm.platform.adapter.AdapterFixtures;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The event types StripeAdapterRule routes and those the adapter maps are one list, written twice. */
class StripeTypesTest {

    @Test
    void theRuleRoutesExactlyTheTypesTheAdapterMaps() {
        Template template = Template.load(Template.projectRoot().resolve("template.yaml"), "us-east-1",
                Map.of("StripePartnerEventSource", "aws.partner/stripe.com/ed_61SampleDestination"));
        Map<String, Object> rule = template.resolveMap(template.resource("StripeAdapterRule").properties());
        List<?> routed = (List<?>) ((Map<?, ?>) rule.get("EventPattern")).get("detail-type");
        Set<String> mapped = new StripeTypes(new Amounts("CNY"), new AdapterFixtures().orderOwners()).mapped();
        assertEquals(new TreeSet<>(mapped), new TreeSet<>(routed.stream().map(String::valueOf).toList()));
    }
}
