package dev.storecrm.benchmarks;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.triggers.SqsBatch;
import dev.storecrm.localcloud.CapacityRecorder;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.domain.event.EventParser;
import dev.storecrm.domain.event.StoreEvent;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.dynamodb.MemberHistoryLoad;
import dev.storecrm.platform.dynamodb.MemberItemMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Ingests M registrations and N orders (placed, paid, some refunded or cancelled, some delivered
 * twice) through the real MemberArchiveFunction handler against DynamoDB Local, in SQS batches of
 * ten as Lambda delivers them, then payments of one member with a long history, and prints the
 * capacity units per event from {@code ReturnConsumedCapacity}, by event type, table and index,
 * plus events per second.
 *
 * <p>The handler is invoked directly with each batch (no ElasticMQ round trip), so the timing is
 * the function's own work on this machine; capacity units do not depend on the machine.
 */
final class MemberArchiveCapacityBenchmark {

    private static final String FUNCTION = "MemberArchiveFunction";

    private MemberArchiveCapacityBenchmark() {}

    static void run(Options options) {
        int members = options.integer("members", 2_000);
        int orders = options.integer("orders", 20_000);
        Random random = new Random(options.integer("seed", 7));
        EventFactory events = new EventFactory(random);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");

        System.out.printf("Member archive capacity benchmark: %,d members, %,d orders (seed %d)%n", members, orders,
                options.integer("seed", 7));
        try (LocalCloud cloud = LocalCloud.start().provision()) {
            LocalFunctions functions = cloud.functions(new SimulatedClock(Instant.parse("2026-12-31T00:00:00Z")));
            functions.handler(FUNCTION);

            List<Phase> phases = new ArrayList<>();
            List<String> registrations = new ArrayList<>();
            for (int m = 0; m < members; m++) {
                registrations.add(events.registered(m, start.plus(Duration.ofMinutes(m))));
            }
            phases.add(measure(functions, "MemberRegistered", registrations));

            List<String> placed = new ArrayList<>();
            List<String> paid = new ArrayList<>();
            List<String> refunded = new ArrayList<>();
            List<String> cancelled = new ArrayList<>();
            for (int o = 0; o < orders; o++) {
                int member = random.nextInt(members);
                Instant at = start.plus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
                long amount = 1_000 + random.nextInt(200_000);
                placed.add(events.placed(o, member, at, amount));
                paid.add(events.paid(o, member, at.plusSeconds(90), amount));
                double fate = random.nextDouble();
                if (fate < 0.08) {
                    refunded.add(events.refunded(o, member, at.plus(Duration.ofDays(3)), amount / 4));
                } else if (fate < 0.12) {
                    cancelled.add(events.cancelled(o, member, at.plus(Duration.ofDays(1))));
                }
            }
            phases.add(measure(functions, "OrderPlaced", placed));
            phases.add(measure(functions, "OrderPaid", paid));
            phases.add(measure(functions, "OrderRefunded", refunded));
            phases.add(measure(functions, "OrderCancelled", cancelled));
            List<String> redelivered = paid.subList(0, Math.max(1, paid.size() / 10));
            phases.add(measure(functions, "OrderPaid redelivered", redelivered));
            phases.add(longHistory(cloud, functions, events, members, orders, options.integer("history", 10_000)));

            print(phases);
        }
    }

    /**
     * One more member, given {@code history} paid orders (one every eight hours up to 2026-12-01) by
     * bulk loading them as the archive writes them, then 100 new payments through the handler: what
     * a payment costs a member with a long history.
     */
    private static Phase longHistory(LocalCloud cloud, LocalFunctions functions, EventFactory events, int member,
                                     int firstOrder, int history) {
        invokeOne(functions, events.registered(member, Instant.parse("2017-01-01T00:00:00Z")));
        Instant end = Instant.parse("2026-12-01T00:00:00Z");
        List<StoreEvent> past = new ArrayList<>();
        for (int i = 0; i < history; i++) {
            Instant paidAt = end.minus(Duration.ofHours(8L * (history - i)));
            String paid = events.paid(firstOrder + i, member, paidAt, 1_000 + (i * 7_919L) % 50_000);
            past.add(EventParser.parse(paid, java.time.Clock.fixed(end, java.time.ZoneOffset.UTC)));
        }
        MemberPolicy policy = MemberPolicySettings.from(new Settings(functions.spec(FUNCTION).environment()));
        Map<String, AttributeValue> item = cloud.dynamoDb().getItem(g -> g.tableName(cloud.tableName("MembersTable"))
                .key(Map.of("customerId", AttributeValue.fromS("bench-c-" + member))).consistentRead(true)).item();
        MemberHistoryLoad.load(cloud.dynamoDb(), cloud.tableName("MembersTable"), cloud.tableName("OrdersTable"),
                policy, MemberItemMapper.fromItem(item), past, end);
        List<String> next = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            next.add(events.paid(firstOrder + history + i, member, end.plus(Duration.ofHours(i + 1)), 19_900));
        }
        return measure(functions, String.format("OrderPaid, %,d before", history), next);
    }

    private static void invokeOne(LocalFunctions functions, String body) {
        functions.invoke(FUNCTION, batch(List.of(body), 0));
    }

    record Phase(String name, int events, double seconds, Map<String, double[]> unitsByTable) {
        double read() {
            return unitsByTable.values().stream().mapToDouble(u -> u[0]).sum();
        }

        double write() {
            return unitsByTable.values().stream().mapToDouble(u -> u[1]).sum();
        }
    }

    private static Phase measure(LocalFunctions functions, String name, List<String> bodies) {
        CapacityRecorder.reset();
        long started = System.nanoTime();
        for (int i = 0; i < bodies.size(); i += 10) {
            SQSBatchResponse response = (SQSBatchResponse) functions.invoke(FUNCTION,
                    batch(bodies.subList(i, Math.min(bodies.size(), i + 10)), i));
            if (!response.getBatchItemFailures().isEmpty()) {
                throw new IllegalStateException(name + ": " + response.getBatchItemFailures().size() + " failures");
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, double[]> units = new TreeMap<>();
        for (CapacityRecorder.Usage usage : CapacityRecorder.usage()) {
            if (!usage.function().equals(FUNCTION)) {
                continue;
            }
            String key = usage.table() + (usage.index() == null ? "" : " / " + usage.index());
            double[] u = units.computeIfAbsent(key, k -> new double[2]);
            u[0] += usage.readUnits();
            u[1] += usage.writeUnits();
        }
        return new Phase(name, bodies.size(), seconds, units);
    }

    private static SQSEvent batch(List<String> bodies, int offset) {
        SqsBatch batch = SqsBatch.empty();
        for (int i = 0; i < bodies.size(); i++) {
            batch.message("bench-" + (offset + i), bodies.get(i));
        }
        return batch.event();
    }

    private static void print(List<Phase> phases) {
        System.out.println();
        System.out.printf("%-24s %8s %10s %10s %10s  %s%n", "event type", "events", "RCU/event", "WCU/event",
                "events/s", "units per event by table (read/write)");
        int orderEvents = 0;
        double orderRead = 0;
        double orderWrite = 0;
        for (Phase phase : phases) {
            Map<String, String> byTable = new LinkedHashMap<>();
            phase.unitsByTable().forEach((table, u) -> byTable.put(table,
                    String.format("%.2f/%.2f", u[0] / phase.events(), u[1] / phase.events())));
            System.out.printf("%-24s %,8d %10.2f %10.2f %,10.0f  %s%n", phase.name(), phase.events(),
                    phase.read() / phase.events(), phase.write() / phase.events(), phase.events() / phase.seconds(),
                    byTable);
            if (phase.name().startsWith("Order")) {
                orderEvents += phase.events();
                orderRead += phase.read();
                orderWrite += phase.write();
            }
        }
        System.out.println();
        System.out.printf("All order events: %,d; average %.2f read units and %.2f write units per event "
                + "(aim: at most 2 and 3).%n", orderEvents, orderRead / orderEvents, orderWrite / orderEvents);
    }
}
