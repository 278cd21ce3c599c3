package dev.storecrm.benchmarks;

import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.simulation.platform.Platform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./dev bench adapters}: N payloads of each topic through each of the four adapters on the
 * local cloud (as a store that connected Shopify and Stripe deploys: their partner event sources
 * set), printing per topic the events per second (a relative figure: this machine and the local
 * cloud, not Lambda), the canonical events and {@code PutEvents} calls per platform event, and the
 * adapter's DynamoDB read and write units per platform event; then each adapter's rate against the
 * signed webhook's. A first pass of {@link #WARM_UP} payloads of each topic is not counted, so that
 * the adapter timed first is not the one that pays for compiling the shared code.
 */
final class AdapterBenchmark {

    /** Payloads of each topic sent first, not counted. */
    private static final int WARM_UP = 100;

    private AdapterBenchmark() {}

    static void run(Options options) {
        int events = options.integer("events", 500);
        System.out.printf("Adapter benchmark: %,d payloads of each topic through each adapter on the local cloud%n%n",
                events);
        Platform.SHOPIFY.useTemplateParameters();
        Platform.STRIPE.useTemplateParameters();
        try (LocalCloud cloud = LocalCloud.start().provision()) {
            AdapterThroughput throughput = new AdapterThroughput(cloud,
                    cloud.functions(new SimulatedClock(AdapterThroughput.clock())));
            throughput.measure(WARM_UP, 1_000_000); // every adapter's code compiled before any is timed
            List<AdapterThroughput.Phase> phases = throughput.measure(events);
            System.out.printf("%-20s %-42s %9s %15s %15s %11s %11s%n", "adapter", "topic", "events/s",
                    "canonical/event", "PutEvents/event", "reads/event", "writes/event");
            Map<String, double[]> byAdapter = new LinkedHashMap<>();
            for (AdapterThroughput.Phase phase : phases) {
                System.out.printf("%-20s %-42s %9.0f %15.2f %15.2f %11.2f %11.2f%n", phase.adapter(), phase.topic(),
                        phase.perSecond(), (double) phase.canonicalEvents() / phase.events(),
                        (double) phase.putEventsCalls() / phase.events(), phase.readUnits() / phase.events(),
                        phase.writeUnits() / phase.events());
                double[] sums = byAdapter.computeIfAbsent(phase.adapter(), a -> new double[2]);
                sums[0] += phase.events();
                sums[1] += phase.seconds();
            }
            double[] baseline = byAdapter.get("SignedWebhook");
            System.out.println();
            System.out.println("events per second by adapter, all its topics (relative to the signed webhook):");
            byAdapter.forEach((adapter, sums) -> System.out.printf("  %-20s %7.0f  %.2f x%n", adapter,
                    sums[0] / sums[1], (sums[0] / sums[1]) / (baseline[0] / baseline[1])));
        }
    }
}
