package dev.storecrm.benchmarks;

import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.Priority;
import dev.storecrm.domain.messaging.Recipient;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.triggers.SqsBatch;
import dev.storecrm.localcloud.CapacityRecorder;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.platform.sqs.SqsMessageOutbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Pushes N message requests through the real SenderFunction, reading from the outbox queue
 * (ElasticMQ) and sending through the local gateway into the SES emulator, with the send rate set
 * to R per second and one sender instance. Prints messages per second, the busiest one-second
 * window of accepted sends (the pacing must keep it at R or below), and the capacity units per
 * message from {@code ReturnConsumedCapacity}.
 */
final class SenderBenchmark {

    private SenderBenchmark() {}

    static void run(Options options) {
        int messages = options.integer("messages", 10_000);
        int rate = options.integer("rate", 100);
        int members = Math.min(messages, options.integer("members", 2_000));
        int instances = options.integer("instances", 4);
        Instant noonInShanghai = Instant.parse("2026-11-23T04:00:00Z");
        System.out.printf("Sender benchmark: %,d message requests to %,d members, SES rate %d/s, %d sender instances%n",
                messages, members, rate, instances);
        try (LocalCloud cloud = LocalCloud.start().provision()) {
            SimulatedClock clock = new SimulatedClock(noonInShanghai);
            Map<String, String> pacing = Map.of("SES_MAX_SEND_RATE", Integer.toString(rate),
                    "SENDER_MAX_INSTANCES", Integer.toString(instances));
            LocalFunctions functions = cloud.functions(clock, pacing);
            register(functions, members, new Random(11));

            SqsMessageOutbox outbox = new SqsMessageOutbox(cloud.sqs(), cloud.queueUrl("OutboxQueue"),
                    cloud.queueUrl("OutboxPriorityQueue"));
            List<MessageRequest> requests = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                requests.add(MessageRequest.transactional("BENCH#order-" + i + "#follow-up", "order",
                        new Recipient.Member("bench-c-" + (i % members)), "order-follow-up",
                        Map.of("orderId", "bench-o-" + i), noonInShanghai).withPriority(Priority.normal));
            }
            outbox.enqueueAll(requests);
            // Like Lambda running the function in several instances, each with its own handler (and pacer).
            List<LocalFunctions> senders = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                LocalFunctions instance = cloud.functions(clock, pacing);
                instance.handler("SenderFunction");
                senders.add(instance);
            }
            CapacityRecorder.reset();
            long started = System.nanoTime();
            Map<String, Integer> failures = new TreeMap<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(instances)) {
                List<Future<LocalFunctions.DrainReport>> drains = new ArrayList<>();
                for (LocalFunctions sender : senders) {
                    drains.add(pool.submit(() -> sender.drain("SenderFunction")));
                }
                for (Future<LocalFunctions.DrainReport> drain : drains) {
                    drain.get().failures().forEach((f, n) -> failures.merge(f, n, Integer::sum));
                }
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException("a sender instance failed", e);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            List<Long> accepted = cloud.acceptedSendTimes();
            print(messages, rate, failures, seconds, accepted);
        }
    }

    private static void register(LocalFunctions functions, int members, Random random) {
        List<String> bodies = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            bodies.add(Events.memberRegistered("bench-c-" + m).id("bench-reg-" + m).at("2026-11-01T00:00:00Z")
                    .name("Bench Member " + m).email("bench." + m + "@example.com")
                    .locale(random.nextBoolean() ? "zh-CN" : "en").withoutConsent().json());
        }
        for (int i = 0; i < bodies.size(); i += 10) {
            List<String> chunk = bodies.subList(i, Math.min(bodies.size(), i + 10));
            SqsBatch batch = SqsBatch.empty();
            for (int j = 0; j < chunk.size(); j++) {
                batch.message("reg-" + j + "-" + i, chunk.get(j));
            }
            functions.invoke("MemberArchiveFunction", batch.event());
        }
    }

    private static void print(int messages, int rate, Map<String, Integer> failures, double seconds,
                              List<Long> accepted) {
        int busiest = 0;
        List<Long> times = accepted.stream().sorted().toList();
        for (int start = 0, end = 0; end < times.size(); end++) {
            while (times.get(end) - times.get(start) >= 1_000_000_000L) {
                start++;
            }
            busiest = Math.max(busiest, end - start + 1);
        }
        System.out.println();
        System.out.printf("sent %,d of %,d in %.1f s: %.1f messages per second; failed attempts %s%n", accepted.size(),
                messages, seconds, accepted.size() / seconds, failures);
        System.out.printf("busiest one-second window: %d sends (configured limit %d per second)%s%n", busiest, rate,
                busiest <= rate ? "" : "  <-- OVER THE LIMIT");
        Map<String, double[]> byTable = new TreeMap<>();
        double read = 0;
        double write = 0;
        for (CapacityRecorder.Usage usage : CapacityRecorder.usage()) {
            if (!usage.function().equals("SenderFunction")) {
                continue;
            }
            double[] units = byTable.computeIfAbsent(usage.table() + (usage.index() == null ? "" : "/" + usage.index()),
                    k -> new double[2]);
            units[0] += usage.readUnits();
            units[1] += usage.writeUnits();
            read += usage.readUnits();
            write += usage.writeUnits();
        }
        System.out.printf("capacity per message: %.2f read units, %.2f write units%n", read / accepted.size(),
                write / accepted.size());
        byTable.forEach((table, units) -> System.out.printf("  %-32s %.2f read / %.2f write per message%n", table,
                units[0] / accepted.size(), units[1] / accepted.size()));
    }
}
