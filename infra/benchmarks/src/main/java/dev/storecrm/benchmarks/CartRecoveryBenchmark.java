package dev.storecrm.benchmarks;

import dev.storecrm.domain.messaging.ExitCondition;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.MessageRequestJson;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.triggers.SqsBatch;
import dev.storecrm.localcloud.CapacityRecorder;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.TableScan;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * N open member carts (100,000 by default) whose reminders fall due over one day, with the
 * store's daily curve (quiet nights, a busy evening). The carts go in through the real
 * CartRecoveryFunction handler; then the real TimerSweepFunction runs minute by minute in a few
 * windows of that day (night, noon, evening peak), CartRecoveryFunction takes the steps it
 * delivers, and for every minute the benchmark prints: the timers due, the read units of the sweep
 * and of the cart function ({@code ReturnConsumedCapacity}), the lag from each timer's due time to
 * its message request on the outbox (simulated clock: the sweep runs 20 seconds into each minute),
 * and the real processing time per cart on this machine.
 */
final class CartRecoveryBenchmark {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.parse("2026-11-24");
    /** Relative number of carts whose reminder falls due in each hour of the day (local time). */
    private static final int[] HOURLY_CURVE =
            {3, 2, 1, 1, 1, 1, 2, 4, 6, 7, 8, 8, 9, 8, 7, 7, 8, 9, 10, 12, 14, 13, 9, 5};

    private CartRecoveryBenchmark() {}

    /** A window of consecutive sweep minutes. */
    private record Window(LocalTime start, int minutes) {}

    /** What one minute's sweep and steps cost. */
    private record Minute(ZonedDateTime at, int due, double sweepRead, double sweepWrite, double cartRead,
                          double cartWrite, long maxLagSeconds, int requests, double millisPerCart) {}

    static void run(Options options) {
        int carts = options.integer("carts", 100_000);
        int members = Math.min(carts, options.integer("members", 5_000));
        int minutes = options.integer("minutes", 5);
        int threads = options.integer("threads", 4);
        Random random = new Random(options.integer("seed", 11));
        List<Window> windows = List.of(new Window(LocalTime.of(4, 0), minutes),
                new Window(LocalTime.of(12, 0), minutes), new Window(LocalTime.of(20, 30), minutes));
        System.out.printf("Cart recovery benchmark: %,d open carts of %,d members, reminders due over %s"
                + " (Asia/Shanghai)%n", carts, members, DAY);
        try (LocalCloud cloud = LocalCloud.start().provision()) {
            SimulatedClock clock = new SimulatedClock(DAY.minusDays(1).atTime(22, 0).atZone(SHANGHAI).toInstant());
            LocalFunctions functions = cloud.functions(clock);
            register(functions, members);

            long seeding = System.nanoTime();
            seed(cloud, clock, carts, members, threads, random);
            double seedSeconds = (System.nanoTime() - seeding) / 1e9;
            long armed = TableScan.count(cloud, "TimersTable");
            System.out.printf("seeded %,d carts through CartRecoveryFunction in %.0f s (%,.0f carts/s);"
                    + " %,d timers armed%n", carts, seedSeconds, carts / seedSeconds, armed);
            CapacityRecorder.reset();
            cloud.dynamoDb().scanPaginator(s -> s.tableName(cloud.tableName("TimersTable"))).stream()
                    .forEach(page -> { });
            System.out.printf("for comparison, one Scan of the TimersTable (what a sweep must never do)"
                    + " reads %,.0f units%n", units("(local cloud)")[0]);

            List<Minute> measured = new ArrayList<>();
            for (Window window : windows) {
                Instant first = DAY.atTime(window.start()).atZone(SHANGHAI).toInstant();
                // The sweeps before this window are not run (nor measured): the timers they would have delivered are
                // taken away, and one unmeasured sweep in the minute before it, so that each measured minute delivers
                // only what fell due in it.
                discardDueBefore(cloud, first.minus(Duration.ofMinutes(1)));
                minute(cloud, functions, clock, first.minus(Duration.ofMinutes(1)).plusSeconds(20));
                for (int m = 0; m < window.minutes(); m++) {
                    measured.add(minute(cloud, functions, clock, first.plus(Duration.ofMinutes(m)).plusSeconds(20)));
                }
            }
            print(measured, carts);
        }
    }

    private static void discardDueBefore(LocalCloud cloud, Instant before) {
        String table = cloud.tableName("TimersTable");
        TableScan.items(cloud, "TimersTable")
                .filter(item -> item.containsKey("dueAt") && Instant.parse(item.get("dueAt").s()).isBefore(before))
                .forEach(item -> cloud.dynamoDb().deleteItem(d -> d.tableName(table)
                        .key(Map.of("timerId", item.get("timerId")))));
    }

    /** Due times over the day: an hour by the curve, a second uniformly within it. */
    private static Instant dueAt(Random random) {
        int total = 0;
        for (int weight : HOURLY_CURVE) {
            total += weight;
        }
        int pick = random.nextInt(total);
        int hour = 0;
        while (pick >= HOURLY_CURVE[hour]) {
            pick -= HOURLY_CURVE[hour];
            hour++;
        }
        return DAY.atTime(hour, 0).atZone(SHANGHAI).toInstant().plusSeconds(random.nextInt(3600));
    }

    /** The carts, as CartUpdated events an hour before their reminders, through the handler in batches of ten. */
    private static void seed(LocalCloud cloud, SimulatedClock clock, int carts, int members, int threads,
                             Random random) {
        List<String> events = new ArrayList<>();
        for (int c = 0; c < carts; c++) {
            Instant activity = dueAt(random).minus(Duration.ofHours(1));
            int quantity = 1 + random.nextInt(3);
            long price = 1_000 + random.nextInt(30_000);
            events.add(String.format("""
                    {"id":"bench-cart-%d","type":"CartUpdated","version":1,"occurredAt":"%s",
                     "body":{"cartId":"bench-cart-%d","customerId":"bench-c-%d","total":{"amount":%d,"currency":"CNY"},
                     "recoveryUrl":"https://shop.example.com/cart/recover/bench-cart-%d",
                     "lines":[{"sku":"SKU-%d","name":"Sample tea %d","quantity":%d,
                     "unitPrice":{"amount":%d,"currency":"CNY"},
                     "imageUrl":"https://cdn.example.com/img/%d.jpg"}]}}""",
                    c, activity, c, c % members, price * quantity, c, c % 500, c % 500, quantity, price, c % 500));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> parts = new ArrayList<>();
            int share = (events.size() + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                List<String> part = events.subList(Math.min(events.size(), t * share),
                        Math.min(events.size(), (t + 1) * share));
                LocalFunctions instance = cloud.functions(clock);
                parts.add(pool.submit(() -> invokeInBatches(instance, "CartRecoveryFunction", part, "seed")));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("seeding failed", e);
        }
    }

    private static void register(LocalFunctions functions, int members) {
        List<String> bodies = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            bodies.add(Events.memberRegistered("bench-c-" + m).id("bench-reg-" + m).at("2026-11-01T00:00:00Z")
                    .name("Bench Member " + m).email("bench." + m + "@example.com").locale(m % 2 == 0 ? "zh-CN" : "en")
                    .consent(true, "2026-11-01T00:00:00Z", "benchmark").json());
        }
        invokeInBatches(functions, "MemberArchiveFunction", bodies, "reg");
    }

    private static void invokeInBatches(LocalFunctions functions, String function, List<String> bodies, String prefix) {
        for (int i = 0; i < bodies.size(); i += 10) {
            List<String> chunk = bodies.subList(i, Math.min(bodies.size(), i + 10));
            SqsBatch batch = SqsBatch.empty();
            for (int j = 0; j < chunk.size(); j++) {
                batch.message(prefix + "-" + i + "-" + j, chunk.get(j));
            }
            functions.invoke(function, batch.event());
        }
    }

    /** One minute: the sweep, then the cart function on what it delivered; the requests on the outbox, measured. */
    private static Minute minute(LocalCloud cloud, LocalFunctions functions, SimulatedClock clock, Instant at) {
        clock.set(at);
        CapacityRecorder.reset();
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) functions.invoke("TimerSweepFunction", new HashMap<>());
        int due = ((Number) report.get("delivered")).intValue();
        long started = System.nanoTime();
        functions.drain("CartRecoveryFunction");
        double millisPerCart = due == 0 ? 0 : (System.nanoTime() - started) / 1e6 / due;
        double[] sweep = units("TimerSweepFunction");
        double[] cart = units("CartRecoveryFunction");
        long maxLag = 0;
        int requests = 0;
        for (MessageRequest request : takeOutbox(cloud)) {
            requests++;
            Instant armedFor = armedFor(request);
            Instant dueAt = armedFor.plus(Duration.ofHours(1));
            maxLag = Math.max(maxLag, Duration.between(dueAt, request.requestedAt()).toSeconds());
        }
        return new Minute(at.atZone(SHANGHAI), due, sweep[0],
                sweep[1], cart[0], cart[1], maxLag, requests, millisPerCart);
    }

    private static Instant armedFor(MessageRequest request) {
        ExitCondition.AnyOf exits = (ExitCondition.AnyOf) request.exitCondition().orElseThrow();
        return exits.conditions().stream().filter(ExitCondition.CartClosedOrChanged.class::isInstance)
                .map(c -> ((ExitCondition.CartClosedOrChanged) c).armedFor().at()).findFirst().orElseThrow();
    }

    private static List<MessageRequest> takeOutbox(LocalCloud cloud) {
        String queue = cloud.queueUrl("OutboxQueue");
        List<MessageRequest> requests = new ArrayList<>();
        List<Message> batch;
        do {
            batch = cloud.sqs().receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .messages();
            List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
            for (Message message : batch) {
                requests.add(MessageRequestJson.read(message.body()));
                done.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(done.size()))
                        .receiptHandle(message.receiptHandle()).build());
            }
            if (!done.isEmpty()) {
                cloud.sqs().deleteMessageBatch(d -> d.queueUrl(queue).entries(done));
            }
        } while (!batch.isEmpty());
        return requests;
    }

    private static double[] units(String function) {
        double[] units = new double[2];
        for (CapacityRecorder.Usage usage : CapacityRecorder.usage()) {
            if (usage.function().equals(function)) {
                units[0] += usage.readUnits();
                units[1] += usage.writeUnits();
            }
        }
        return units;
    }

    private static void print(List<Minute> minutes, int carts) {
        System.out.println();
        System.out.printf("%-17s %6s %9s %10s %9s %10s %9s %9s %9s%n", "sweep at (local)", "due",
                "sweep RCU", "sweep WCU", "cart RCU", "cart WCU", "RCU/cart", "max lag", "ms/cart");
        int due = 0;
        int requests = 0;
        double cartRead = 0;
        double cartWrite = 0;
        long lag = 0;
        double millis = 0;
        for (Minute m : minutes) {
            System.out.printf("%-17s %6d %9.1f %10.1f %9.1f %10.1f %9s %8ds %9s%n",
                    m.at().toLocalDateTime().toString().replace('T', ' '), m.due(), m.sweepRead(),
                    m.sweepWrite(), m.cartRead(), m.cartWrite(),
                    m.due() == 0 ? "-" : String.format("%.2f", m.cartRead() / m.due()), m.maxLagSeconds(),
                    m.due() == 0 ? "-" : String.format("%.1f", m.millisPerCart()));
            due += m.due();
            requests += m.requests();
            cartRead += m.cartRead();
            cartWrite += m.cartWrite();
            lag = Math.max(lag, m.maxLagSeconds());
            millis += m.millisPerCart() * m.due();
        }
        System.out.println();
        System.out.printf("%,d open carts; %,d steps due in the %d minutes swept;"
                + " %,d reminder requests on the outbox%n", carts, due, minutes.size(), requests);
        System.out.printf("cart function per step: %.2f read units, %.2f write units;"
                + " %.1f ms of processing on this machine%n",
                due == 0 ? 0 : cartRead / due, due == 0 ? 0 : cartWrite / due, due == 0 ? 0 : millis / due);
        System.out.printf("due time to message request: at most %d s, i.e. within %d minute(s) of sweep lag%n", lag,
                (lag + 59) / 60);
    }
}
