package dev.storecrm.benchmarks;

import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.member.Consent;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberLedger;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.member.OrderFacts;
import dev.storecrm.domain.member.Purchases;
import dev.storecrm.domain.member.Profile;
import dev.storecrm.domain.member.ProfileField;
import dev.storecrm.domain.messaging.Timers;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.domain.winback.WinBackPolicy;
import dev.storecrm.domain.winback.WinBackTimer;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.TableScan;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.WinBackSettings;
import dev.storecrm.platform.dynamodb.BatchWrites;
import dev.storecrm.platform.dynamodb.DynamoDbTimers;
import dev.storecrm.platform.dynamodb.MemberItemMapper;
import dev.storecrm.platform.SharedAdapters;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Loads N members whose last paid order is spread over the past 14 months, each with the win-back
 * timer the member archive would have armed (the next step the silence reaches, or the dormant
 * status), then plays one day of the every-minute timer sweep and the win-back function: on
 * 15 June 2026 (UTC) members cross a step; on 16 June nobody does. It prints the read and write
 * units of each day: they follow the members crossing a threshold that day, plus a fixed cost of
 * the sweep's empty queries; the member count itself costs nothing.
 */
final class WinBackBenchmark {

    private static final Instant BUSY_DAY = Instant.parse("2026-06-15T00:00:00Z");
    private static final Instant EMPTY_DAY = BUSY_DAY.plus(Duration.ofDays(1));
    /** Members made and written at a time. */
    private static final int LOAD_CHUNK = 10_000;
    private static final Duration DAY = Duration.ofDays(1);

    private WinBackBenchmark() {}

    static void run(Options options) {
        String sizes = options.values().getOrDefault("members", "10000,100000");
        System.out.println("Win-back benchmark: one day of the every-minute timer sweep and WinBackFunction,"
                + " by member count");
        System.out.printf("%n%9s  %-10s %9s %9s %10s %11s %12s %12s %12s%n", "members", "day (UTC)", "crossing",
                "entries", "read units", "write units", "RCU/crossing", "WCU/crossing", "load seconds");
        for (String size : sizes.split(",")) {
            int members = Integer.parseInt(size.trim());
            try (LocalCloud cloud = LocalCloud.start().provision()) {
                measure(cloud, members);
            }
        }
        System.out.println("  crossing: members whose silence reaches a step (60, 90, 180 days) or the dormant status"
                + " (360) that day; entries: journal entries the function wrote");
    }

    private static void measure(LocalCloud cloud, int members) {
        SimulatedClock clock = new SimulatedClock(BUSY_DAY.minusSeconds(60));
        LocalFunctions functions = cloud.functions(clock);
        Settings settings = new Settings(functions.spec("WinBackFunction").environment());
        MemberPolicy memberPolicy = MemberPolicySettings.from(settings);
        WinBackPolicy policy = WinBackSettings.from(settings);
        DynamoDbTimers timers = new DynamoDbTimers(cloud.dynamoDb(), cloud.tableName("TimersTable"),
                SharedAdapters.timerShards(settings), clock);

        long loading = System.nanoTime();
        Random random = new Random(members);
        List<Map<String, AttributeValue>> memberItems = new ArrayList<>();
        List<Timers.Timer> armed = new ArrayList<>();
        Map<Instant, Integer> crossing = new HashMap<>(Map.of(BUSY_DAY, 0, EMPTY_DAY, 0));
        int made = 0;
        while (made < members) {
            if (memberItems.size() == LOAD_CHUNK) { // streamed: the heap holds one chunk, whatever N
                BatchWrites.putAll(cloud.dynamoDb(), cloud.tableName("MembersTable"), memberItems);
                timers.scheduleAll(armed);
                memberItems.clear();
                armed.clear();
            }
            Instant lastOrder = BUSY_DAY.minus(Duration.ofSeconds(random.nextLong(420L * 86_400)));
            Optional<Timers.Timer> timer = timerAfter("bench-c-" + made, lastOrder, policy);
            if (timer.isPresent() && inDay(timer.get().dueAt(), EMPTY_DAY)) {
                continue; // nobody crosses a threshold on the quiet day
            }
            String id = "bench-c-" + made++;
            MemberRecord record = new MemberLedger(memberPolicy).current(member(id, lastOrder));
            MemberSummary summary = MemberSummary.of(record, memberPolicy, BUSY_DAY);
            memberItems.add(MemberItemMapper.toItem(record, summary, 1, BUSY_DAY));
            timer.ifPresent(t -> {
                armed.add(t);
                crossing.merge(BUSY_DAY, inDay(t.dueAt(), BUSY_DAY) ? 1 : 0, Integer::sum);
            });
        }
        BatchWrites.putAll(cloud.dynamoDb(), cloud.tableName("MembersTable"), memberItems);
        timers.scheduleAll(armed);
        double loadSeconds = (System.nanoTime() - loading) / 1e9;

        for (Instant day : List.of(BUSY_DAY, EMPTY_DAY)) {
            long journalBefore = journalEntries(cloud);
            SweepDay units = SweepDay.play(functions, clock, day, "WinBackFunction");
            double read = units.readUnits();
            double write = units.writeUnits();
            int crossed = crossing.get(day);
            System.out.printf("%,9d  %-10s %9d %9d %10.1f %11.1f %12s %12s %12.1f%n", members,
                    day.toString().substring(0, 10), crossed, journalEntries(cloud) - journalBefore, read, write,
                    crossed == 0 ? "-" : String.format("%.2f", read / crossed),
                    crossed == 0 ? "-" : String.format("%.2f", write / crossed), loadSeconds);
            cloud.sqs().purgeQueue(p -> p.queueUrl(cloud.queueUrl("OutboxQueue")));
        }
    }

    /**
     * The timer the member archive and the win-back function keep armed: the first threshold not yet
     * reached at the busy day.
     */
    private static Optional<Timers.Timer> timerAfter(String customerId, Instant lastOrder, WinBackPolicy policy) {
        for (WinBackPolicy.Step step : policy.steps()) {
            if (!lastOrder.plus(step.after()).isBefore(BUSY_DAY)) {
                return Optional.of(timer(customerId, lastOrder, step.number(), lastOrder.plus(step.after())));
            }
        }
        Instant dormant = lastOrder.plus(policy.dormantAfter());
        return dormant.isBefore(BUSY_DAY) ? Optional.empty() : Optional.of(timer(customerId, lastOrder, 0, dormant));
    }

    private static Timers.Timer timer(String customerId, Instant episode, int step, Instant due) {
        return new Timers.Timer(WinBackTimer.timerId(customerId), WinBackTimer.TARGET,
                new WinBackTimer(customerId, episode, step).toJson(), due);
    }

    private static boolean inDay(Instant instant, Instant day) {
        return !instant.isBefore(day) && instant.isBefore(day.plus(DAY));
    }

    private static long journalEntries(LocalCloud cloud) {
        return TableScan.count(cloud, "WinBackTable");
    }

    private static MemberRecord member(String id, Instant lastOrder) {
        Instant registered = lastOrder.minus(Duration.ofDays(30));
        Stamp stamp = new Stamp(registered, "bench-reg-" + id);
        Profile profile = Profile.EMPTY.with(ProfileField.NAME, "Bench Member")
                .with(ProfileField.EMAIL, id + "@example.com")
                .with(ProfileField.TIME_ZONE, ZoneId.of("Asia/Shanghai"))
                .with(ProfileField.MARKETING_CONSENT, new Consent(true, registered, "bench"));
        Map<ProfileField, Stamp> stamps = new EnumMap<>(ProfileField.class);
        for (ProfileField field : List.of(ProfileField.NAME, ProfileField.EMAIL, ProfileField.TIME_ZONE,
                ProfileField.MARKETING_CONSENT)) {
            stamps.put(field, stamp);
        }
        OrderFacts order = OrderFacts.NONE.withPayment(new Stamp(lastOrder, "bench-paid-" + id), 19_900);
        // The member with one paid order, counted by the ledger from the order as an item of before would hold it.
        return new MemberRecord(id, profile, stamps, stamp, List.of(), List.of(), List.of(), Purchases.NONE,
                Map.of("o-" + id, order));
    }
}
