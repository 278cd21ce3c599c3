package dev.storecrm.benchmarks;

import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.loyalty.LoyaltyPolicy;
import dev.storecrm.domain.loyalty.Lots;
import dev.storecrm.domain.loyalty.PointsAccount;
import dev.storecrm.domain.loyalty.PointsDue;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.member.Profile;
import dev.storecrm.domain.member.ProfileField;
import dev.storecrm.domain.member.Purchases;
import dev.storecrm.domain.messaging.Timers;
import dev.storecrm.localcloud.CapacityRecorder;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.platform.LoyaltySettings;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.dynamodb.BatchWrites;
import dev.storecrm.platform.dynamodb.DynamoDbTimers;
import dev.storecrm.platform.dynamodb.MemberItemMapper;
import dev.storecrm.platform.dynamodb.PointsItemMapper;
import dev.storecrm.platform.SharedAdapters;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The points ledger's cost, against DynamoDB Local: first C reservations and confirmations through
 * PointsRedemptionFunction's signed URL, with the units of each call; then, for each member count,
 * members in Shanghai with two lots of points each (expiring on the 1st of a month from March 2027
 * to February 2028, and six months later), with the points timers the ledger arms, and one day of
 * the every-minute sweep and LoyaltyFunction: 28 February 2027 (UTC), when the points of 1 March
 * expire at midnight in Shanghai, and 20 February, when nothing is due. The units follow the
 * members whose points expire; the others cost nothing.
 */
final class PointsBenchmark {

    private static final Instant QUIET_DAY = Instant.parse("2027-02-20T00:00:00Z");
    private static final Instant BUSY_DAY = Instant.parse("2027-02-28T00:00:00Z");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String URL = "PointsRedemptionFunction";

    private PointsBenchmark() {}

    static void run(Options options) {
        String sizes = options.values().getOrDefault("members", "10000,100000");
        int checkouts = options.integer("checkouts", 200);
        System.out.println("Points benchmark: redemptions through the checkout's URL, then a day of expiry by"
                + " member count");
        boolean first = true;
        for (String size : sizes.split(",")) {
            try (LocalCloud cloud = LocalCloud.start().provision()) {
                SimulatedClock clock = new SimulatedClock(QUIET_DAY.minus(Duration.ofDays(1)));
                LocalFunctions functions = cloud.functions(clock);
                double load = load(cloud, functions, clock, Integer.parseInt(size.trim()), checkouts);
                if (first) {
                    redemptions(functions, clock, checkouts);
                    System.out.printf("%n%9s  %-10s %9s %10s %11s %12s %12s %12s%n", "members", "day (UTC)", "expiring",
                            "read units", "write units", "RCU/expiring", "WCU/expiring", "load seconds");
                    first = false;
                }
                for (Instant day : List.of(BUSY_DAY, QUIET_DAY)) {
                    expiryDay(cloud, functions, clock, Integer.parseInt(size.trim()), day, load);
                }
            }
        }
        System.out.println("  expiring: members whose points expire that day (a month's lot, at midnight in Shanghai);"
                + " on AWS each empty sweep query costs 0.5 read units, which DynamoDB Local reports as 0");
    }

    /**
     * Members with two lots each, their points timers, and (for the checkouts) their archive items;
     * the seconds it took.
     */
    private static double load(LocalCloud cloud, LocalFunctions functions, SimulatedClock clock, int members,
                               int checkouts) {
        long started = System.nanoTime();
        Settings settings = new Settings(functions.spec("LoyaltyFunction").environment());
        LoyaltyPolicy policy = LoyaltySettings.from(settings);
        MemberPolicy memberPolicy = MemberPolicySettings.from(new Settings(functions.spec(URL).environment()));
        List<Map<String, AttributeValue>> accounts = new ArrayList<>();
        List<Map<String, AttributeValue>> memberItems = new ArrayList<>();
        List<Timers.Timer> timers = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < members; i++) {
            String id = "bench-c-" + i;
            LocalDate first = LocalDate.of(2027, 3, 1).plusMonths(i % 12);
            PointsAccount account = PointsAccount.open(id).withZone(Optional.of(SHANGHAI))
                    .credit(Lots.of(first, 100 + i % 1_900)).credit(Lots.of(first.plusMonths(6), 500));
            if (account.reminderDue(now, policy).isPresent()) {
                account = account.remindedThrough(account.reminderDue(now, policy).get().last());
            }
            account = account.armedFor(account.nextDue(policy));
            accounts.add(PointsItemMapper.account(account, 1, now));
            timers.add(new Timers.Timer(PointsDue.timerId(id), PointsDue.TARGET, new PointsDue(id).toJson(),
                    account.armedFor().orElseThrow()));
            if (i < checkouts) {
                MemberRecord record = member(id);
                memberItems.add(MemberItemMapper.toItem(record, MemberSummary.of(record, memberPolicy, now), 1, now));
            }
        }
        BatchWrites.putAll(cloud.dynamoDb(), cloud.tableName("PointsLedgerTable"), accounts);
        BatchWrites.putAll(cloud.dynamoDb(), cloud.tableName("MembersTable"), memberItems);
        int shards = SharedAdapters.timerShards(settings);
        new DynamoDbTimers(cloud.dynamoDb(), cloud.tableName("TimersTable"), shards, clock).scheduleAll(timers);
        return (System.nanoTime() - started) / 1e9;
    }

    /** A reservation and its confirmation for each of the first members: calls per second and units per call. */
    private static void redemptions(LocalFunctions functions, SimulatedClock clock, int checkouts) {
        clock.set(QUIET_DAY.plus(Duration.ofHours(3)));
        System.out.printf("%n%,d checkouts through %s's signed URL%n", checkouts, URL);
        for (String action : List.of("", "/confirm")) {
            CapacityRecorder.reset();
            long started = System.nanoTime();
            int answered = 0;
            for (int i = 0; i < checkouts; i++) {
                answered += functions.invokeSignedUrl(URL, "POST", "/members/bench-c-" + i + "/redemptions/bench-o-" + i
                                + action, "", action.isEmpty() ? Map.of("content-type", "application/json") : Map.of(),
                        action.isEmpty() ? "{\"points\":100}" : null).getStatusCode() == 200 ? 1 : 0;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("  %-12s %,d of %,d answered 200, %6.1f calls per second%n",
                    action.isEmpty() ? "reserve" : "confirm", answered, checkouts, checkouts / seconds);
            Map<String, double[]> byTable = new java.util.TreeMap<>();
            for (CapacityRecorder.Usage usage : CapacityRecorder.usage()) {
                if (usage.function().equals(URL)) {
                    double[] units = byTable.computeIfAbsent(usage.table(), k -> new double[2]);
                    units[0] += usage.readUnits();
                    units[1] += usage.writeUnits();
                }
            }
            byTable.forEach((table, units) -> System.out.printf("    %-20s %.2f read / %.2f write units per call%n",
                    table, units[0] / checkouts, units[1] / checkouts));
        }
    }

    private static void expiryDay(LocalCloud cloud, LocalFunctions functions, SimulatedClock clock, int members,
                                  Instant day, double load) {
        SweepDay units = SweepDay.play(functions, clock, day, "LoyaltyFunction");
        int expiring = day.equals(BUSY_DAY) ? (members + 11) / 12 : 0;
        System.out.printf("%,9d  %-10s %9d %10.1f %11.1f %12s %12s %12.1f%n", members, day.toString().substring(0, 10),
                expiring, units.readUnits(), units.writeUnits(),
                expiring == 0 ? "-" : String.format("%.2f", units.readUnits() / expiring),
                expiring == 0 ? "-" : String.format("%.2f", units.writeUnits() / expiring), load);
        cloud.sqs().purgeQueue(p -> p.queueUrl(cloud.queueUrl("OutboxQueue")));
    }

    private static MemberRecord member(String id) {
        Stamp stamp = new Stamp(Instant.parse("2026-01-01T00:00:00Z"), "bench-reg-" + id);
        Profile profile = Profile.EMPTY.with(ProfileField.NAME, "Bench Member").with(ProfileField.TIME_ZONE, SHANGHAI);
        Map<ProfileField, Stamp> stamps = new java.util.EnumMap<>(ProfileField.class);
        stamps.put(ProfileField.NAME, stamp);
        stamps.put(ProfileField.TIME_ZONE, stamp);
        return new MemberRecord(id, profile, stamps, stamp, List.of(), List.of(), List.of(), Purchases.NONE, Map.of());
    }
}
