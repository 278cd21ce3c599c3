package dev.storecrm.benchmarks;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.occasion.GreetingCalendar;
import dev.storecrm.domain.occasion.Occasion;
import dev.storecrm.domain.occasion.OccasionDiary;
import dev.storecrm.domain.occasion.OccasionPolicy;
import dev.storecrm.domain.occasion.Occasions;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.load.BulkMembers;
import dev.storecrm.localcloud.CapacityRecorder;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.OccasionSettings;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.dynamodb.BatchWrites;
import dev.storecrm.platform.dynamodb.DynamoDbOccasionDiary;
import dev.storecrm.platform.dynamodb.MemberItemMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Loads N members (birthdays spread over the year, nobody born on 16 June, time zones around the
 * world) with the same mappers the functions use, then runs GreetingsFunction for each hour of
 * 15 June 2026 (UTC) and of 16 June, and prints the read units those days' runs used: they follow
 * the birthdays that day (about N/365), plus a fixed cost per run for the empty key ranges; the
 * member count itself costs nothing.
 */
final class GreetingsBenchmark {

    private static final List<ZoneId> ZONES = List.of("Pacific/Kiritimati", "Asia/Shanghai", "Asia/Kolkata",
            "Europe/Berlin", "America/Los_Angeles", "Pacific/Honolulu", "America/Sao_Paulo", "Australia/Sydney")
            .stream().map(ZoneId::of).toList();
    private static final LocalDate BUSY_DAY = LocalDate.of(2026, 6, 15);
    private static final LocalDate EMPTY_DAY = LocalDate.of(2026, 6, 16);
    /** Members made and written at a time. */
    private static final int LOAD_CHUNK = 10_000;

    private GreetingsBenchmark() {}

    static void run(Options options) {
        String sizes = options.values().getOrDefault("members", "10000,100000");
        System.out.println("Greetings benchmark: read units of one day of hourly runs, by member count");
        System.out.printf("%n%9s  %-10s %10s %9s %10s %12s %12s%n", "members", "day (UTC)", "birthdays", "due",
                "read units", "RCU/greeting", "load seconds");
        for (String size : sizes.split(",")) {
            int members = Integer.parseInt(size.trim());
            try (LocalCloud cloud = LocalCloud.start().provision()) {
                measure(cloud, members);
            }
        }
    }

    private static void measure(LocalCloud cloud, int members) {
        Instant hourBefore = BUSY_DAY.atStartOfDay(ZoneId.of("UTC")).toInstant().minusSeconds(3600);
        SimulatedClock clock = new SimulatedClock(hourBefore);
        LocalFunctions functions = cloud.functions(clock);
        Settings settings = new Settings(functions.spec("GreetingsFunction").environment());
        MemberPolicy memberPolicy = MemberPolicySettings.from(settings);
        OccasionPolicy policy = OccasionSettings.from(settings);
        ZoneId storeZone = OccasionSettings.storeZone(settings);
        GreetingCalendar calendar = new GreetingCalendar(policy);
        DynamoDbOccasionDiary diary = new DynamoDbOccasionDiary(cloud.dynamoDb(), cloud.tableName("OccasionsTable"),
                calendar, (int) settings.longValue("GREETING_SHARDS", 4));

        long loading = System.nanoTime();
        Random random = new Random(members);
        Instant registered = Instant.parse("2024-01-10T00:00:00Z");
        List<Map<String, AttributeValue>> memberItems = new ArrayList<>();
        List<OccasionDiary.Entry> entries = new ArrayList<>();
        int birthdaysOnBusyDay = 0;
        for (int m = 0; m < members; m++) {
            if (memberItems.size() == LOAD_CHUNK) { // streamed: the heap holds one chunk, whatever N
                BatchWrites.putAll(cloud.dynamoDb(), cloud.tableName("MembersTable"), memberItems);
                diary.fileAll(entries);
                memberItems.clear();
                entries.clear();
            }
            LocalDate birthday;
            do {
                birthday = LocalDate.ofYearDay(2026, 1 + random.nextInt(365));
            } while (birthday.equals(EMPTY_DAY));
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            birthdaysOnBusyDay += birthday.equals(BUSY_DAY) ? 1 : 0;
            MemberRecord record = member("bench-c-" + m, MonthDay.from(birthday), zone, registered);
            MemberSummary summary = MemberSummary.of(record, memberPolicy, clock.instant());
            memberItems.add(MemberItemMapper.toItem(record, summary, 1, clock.instant()));
            for (Occasion occasion : Occasions.of(record, summary, policy, storeZone)) {
                if (occasion.kind().equals(Occasion.BIRTHDAY)) {
                    entries.add(new OccasionDiary.Entry(occasion, calendar.next(occasion, clock.instant()), 1));
                }
            }
        }
        BatchWrites.putAll(cloud.dynamoDb(), cloud.tableName("MembersTable"), memberItems);
        diary.fileAll(entries);
        double loadSeconds = (System.nanoTime() - loading) / 1e9;

        functions.invoke("GreetingsFunction", new HashMap<String, Object>());
        for (LocalDate day : List.of(BUSY_DAY, EMPTY_DAY)) {
            CapacityRecorder.reset();
            int greeted = 0;
            Instant start = day.atStartOfDay(ZoneId.of("UTC")).toInstant();
            for (Instant hour = start; hour.isBefore(start.plus(Duration.ofDays(1))); hour = hour.plusSeconds(3600)) {
                clock.set(hour);
                Map<?, ?> report = (Map<?, ?>) functions.invoke("GreetingsFunction", new HashMap<String, Object>());
                // A held-out greeting costs the same reads (the member, the diary): counted with the greeted.
                greeted += ((Number) report.get("greeted")).intValue() + ((Number) report.get("heldOut")).intValue();
            }
            double read = CapacityRecorder.usage().stream().filter(u -> u.function().equals("GreetingsFunction"))
                    .mapToDouble(CapacityRecorder.Usage::readUnits).sum();
            int birthdays = day.equals(BUSY_DAY) ? birthdaysOnBusyDay : 0;
            System.out.printf("%,9d  %-10s %10s %9d %10.1f %12s %12.1f%n", members, day, birthdays + "*", greeted, read,
                    greeted == 0 ? "-" : String.format("%.2f", read / greeted), loadSeconds);
            cloud.sqs().purgeQueue(p -> p.queueUrl(cloud.queueUrl("OutboxQueue")));
        }
        CapacityRecorder.reset();
        long exporting = System.nanoTime();
        JsonNode export = JuneExport.of(functions, "{\"list\":\"birthdays\",\"month\":\"2026-06\"}");
        double listRead = CapacityRecorder.usage().stream().filter(u -> u.function().endsWith("ListExportFunction"))
                .mapToDouble(CapacityRecorder.Usage::readUnits).sum();
        long rows = export.get("rows").asLong();
        System.out.printf("%,9d  birthday list of June 2026, exported whole: %,d members, %,d bytes, %.1f read units "
                + "(%.2f per member), %.0f s%n", members, rows, export.get("bytes").asLong(), listRead,
                listRead / Math.max(1, rows), (System.nanoTime() - exporting) / 1e9);
        System.out.println("  * birthdays on that local date; a UTC day's runs greet the members whose local 09:00"
                + " falls in it, so the counts differ by the time-zone edges");
    }

    private static MemberRecord member(String id, MonthDay birthday, ZoneId zone, Instant registered) {
        return BulkMembers.member(id, "Bench Member", null, birthday, zone, registered);
    }
}
