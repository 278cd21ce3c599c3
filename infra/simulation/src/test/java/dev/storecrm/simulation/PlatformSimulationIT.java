package dev.storecrm.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.simulation.platform.Platform;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The simulation on each platform, in small: 120 members over 21 days with every fault injected,
 * the store speaking through the platform's real adapter (and its backend through the signed
 * webhook) in a local cloud deployed as a store on that platform deploys. Every invariant must hold
 * and be put to the test, each journey must send mail, and no payload of the store may be refused.
 */
class PlatformSimulationIT {

    @TempDir
    static Path output;

    @ParameterizedTest
    @EnumSource(value = Platform.class, names = {"SHOPIFY", "STRIPE", "WOOCOMMERCE"})
    void everyInvariantHoldsThroughThePlatformsAdapter(Platform platform) {
        platform.useTemplateParameters();
        try (LocalCloud cloud = LocalCloud.start().provision()) {
            cloud.assume(LocalCloud.Feature.SES_THROTTLING);
            cloud.assume(LocalCloud.Feature.SES_EVENTS);
            SimulationOptions options = new SimulationOptions(120, 21, 20270104L, true, LocalDate.of(2027, 2, 20),
                    output.resolve(platform.label()), platform);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            SimulationRun.Result result = SimulationRun.execute(cloud, options,
                    new PrintStream(bytes, true, StandardCharsets.UTF_8));
            String printed = bytes.toString(StandardCharsets.UTF_8);
            System.out.println(printed);

            assertEquals(List.of(), result.invariants().violations(), printed);
            for (Invariants.Checked checked : result.invariants().checked()) {
                assertTrue(checked.cases() > 0, checked.invariant() + " checked no case at all on " + platform);
            }
            String adapter = switch (platform) {
                case SHOPIFY -> "ShopifyAdapterFunction";
                case STRIPE -> "StripeAdapterFunction";
                default -> "WooCommerceAdapterFunction";
            };
            Map<String, Integer> invocations = result.outcome().invocations();
            assertTrue(invocations.getOrDefault(adapter, 0) > 0, "the store spoke through " + adapter + ": "
                    + invocations);
            assertTrue(invocations.getOrDefault("SignedWebhookFunction", 0) > 0, "and its backend: " + invocations);
            assertTrue(printed.contains("What the store said through " + platform.label()), printed);

            Set<String> poison = result.outcome().poison().stream().map(StoreSimulation.Poisoned::messageId)
                    .collect(Collectors.toSet());
            List<String> refused = Invariants.scan(cloud, "RejectsTable").stream()
                    .filter(reject -> !poison.contains(reject.get("messageId").s()))
                    .filter(reject -> !CareMailCheck.refusedCustomerMail(reject))
                    .map(reject -> reject.get("consumer").s() + " " + reject.get("reason").s() + ": "
                            + reject.get("detail").s()).toList();
            assertEquals(List.of(), refused, "only the poison is refused");

            Map<String, Long> byJourney = new TreeMap<>(Invariants.scan(cloud, "SendLedgerTable").stream()
                    .filter(entry -> entry.containsKey("journey") && "SENT".equals(entry.get("status").s()))
                    .collect(Collectors.groupingBy(entry -> entry.get("journey").s(), Collectors.counting())));
            for (String journey : List.of("birthday", "win-back", "cart", "dispute")) {
                assertTrue(byJourney.keySet().stream().anyMatch(j -> j.startsWith(journey)),
                        journey + " sent nothing on " + platform + "; mail by journey: " + byJourney);
            }
        } finally {
            platform.forgetTemplateParameters();
        }
    }
}
