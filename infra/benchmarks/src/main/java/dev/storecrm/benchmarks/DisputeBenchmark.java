package dev.storecrm.benchmarks;

import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.localcloud.CapacityRecorder;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * N disputes through the real DisputeFunction against DynamoDB Local and ElasticMQ: opened,
 * chased once (the 24-hour reminder of the seller's response, delivered by the real timer sweep),
 * answered with a counter-proposal, resolved, and the resolutions delivered a second time
 * (duplicates). Prints for each phase events per second and the DynamoDB capacity units per event
 * by table, from {@code ReturnConsumedCapacity}. The outbox is not drained: the sender has its own benchmark.
 */
final class DisputeBenchmark {

    private static final Instant OPENED = Instant.parse("2026-11-11T19:00:00Z");

    private DisputeBenchmark() {}

    static void run(Options options) {
        int disputes = options.integer("disputes", 1_000);
        System.out.printf("Dispute benchmark: %,d AliExpress disputes through DisputeFunction%n%n", disputes);
        try (LocalCloud cloud = LocalCloud.start().provision()) {
            SimulatedClock clock = new SimulatedClock(OPENED.plusSeconds(30));
            LocalFunctions functions = cloud.functions(clock);
            phase(cloud, functions, "opened", disputes, i -> event("DisputeOpened", "open-" + i, OPENED, """
                    "disputeId":"bench-d-%d","orderId":"bench-o-%d","customerId":"bench-c-%d","channel":"aliexpress",
                    "reason":"not_received","amount":{"amount":9900,"currency":"CNY"}""".formatted(i, i, i)));

            clock.set(OPENED.plus(Duration.ofHours(24)).plusSeconds(60));
            functions.invoke("TimerSweepFunction", new HashMap<String, Object>());
            phase(cloud, functions, "chase firing", disputes, null);

            Instant answered = OPENED.plus(Duration.ofHours(26));
            clock.set(answered.plusSeconds(30));
            phase(cloud, functions, "counter-proposal", disputes, i -> event("DisputeUpdated", "neg-" + i, answered, """
                    "disputeId":"bench-d-%d","status":"negotiating","proposal":{"party":"seller",
                    "refund":{"amount":2000,"currency":"CNY"},"returnGoods":false,
                    "text":"Partial refund"}""".formatted(i)));

            Instant resolved = OPENED.plus(Duration.ofHours(30));
            clock.set(resolved.plusSeconds(30));
            IntFunction<String> resolution = i -> event("DisputeUpdated", "res-" + i, resolved, """
                    "disputeId":"bench-d-%d","status":"resolved","resolution":"refunded\"""".formatted(i));
            phase(cloud, functions, "resolved", disputes, resolution);
            phase(cloud, functions, "duplicate", disputes, resolution);
        }
    }

    /** Publishes the phase's events (or, with none, processes what is queued), and prints rate and capacity. */
    private static void phase(LocalCloud cloud, LocalFunctions functions, String name, int count,
                              IntFunction<String> events) {
        if (events != null) {
            for (int i = 0; i < count; i++) {
                cloud.eventBus().publish(events.apply(i), "bench", OPENED);
            }
        }
        CapacityRecorder.reset();
        long started = System.nanoTime();
        LocalFunctions.DrainReport report = functions.drain("DisputeFunction");
        double seconds = (System.nanoTime() - started) / 1e9;
        int handled = report.totalMessages();
        Map<String, double[]> byTable = new TreeMap<>();
        for (CapacityRecorder.Usage usage : CapacityRecorder.usage()) {
            if (usage.function().equals("DisputeFunction")) {
                String table = usage.table() + (usage.index() == null ? "" : "/" + usage.index());
                double[] units = byTable.computeIfAbsent(table, k -> new double[2]);
                units[0] += usage.readUnits();
                units[1] += usage.writeUnits();
            }
        }
        System.out.printf("%-17s %,6d messages in %5.1f s: %6.1f per second; failed %s%n", name, handled, seconds,
                handled / seconds, report.failures());
        byTable.forEach((table, units) -> System.out.printf("  %-34s %.2f read / %.2f write units per message%n", table,
                units[0] / Math.max(1, handled), units[1] / Math.max(1, handled)));
        for (String queue : new String[] {"OutboxQueue", "OutboxPriorityQueue"}) {
            cloud.sqs().purgeQueue(p -> p.queueUrl(cloud.queueUrl(queue)));
        }
    }

    private static String event(String type, String id, Instant at, String body) {
        return "{\"id\":\"bench-" + id + "\",\"type\":\"" + type + "\",\"version\":1,\"occurredAt\":\"" + at
                + "\",\"body\":{" + body.replace("\n", "") + "}}";
    }
}
