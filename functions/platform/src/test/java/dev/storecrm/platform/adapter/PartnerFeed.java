package dev.storecrm.platform.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import java.time.Instant;
import java.util.List;

/**
 * A store platform's partner event source in the local cloud (Shopify's, Stripe's): the platform puts its events on
 * the partner bus, the adapter's rule takes them to the adapter's queue ({@code <Name>Queue} of
 * {@code <Name>Function}), and the real adapter function drains it under its IAM policy. Samples are read from
 * {@code events/<samples>/}.
 */
public record PartnerFeed(LocalCloud cloud, LocalFunctions functions, String partnerBus, String adapter,
                          String samples) {

    /** The feed of {@code partnerBus} into the function {@code adapter}, the functions' clock set at {@code start}. */
    public static PartnerFeed at(LocalCloud cloud, Instant start, String partnerBus, String adapter, String samples) {
        return new PartnerFeed(cloud, cloud.functions(new SimulatedClock(start)), partnerBus, adapter, samples);
    }

    /** The platform puts an event on its partner bus: the queues the bus delivered it to. */
    public List<String> put(JsonNode event) {
        return cloud.eventBus().publish(event, partnerBus);
    }

    /** Puts samples that must each reach the adapter's queue alone, and the adapter takes them all without failure. */
    public void deliver(String... names) {
        for (String name : names) {
            assertEquals(List.of(adapter.replace("Function", "Queue")),
                    put(AdapterFixtures.sample(samples + "/" + name)), name);
        }
        assertEquals(0, failures(drain()));
    }

    /** The adapter function drains its queue. */
    public LocalFunctions.DrainReport drain() {
        return functions.drain(adapter);
    }

    /** The deliveries of a drain that the adapter failed (and left for a retry). */
    public int failures(LocalFunctions.DrainReport report) {
        return report.failures().getOrDefault(adapter, 0);
    }
}
