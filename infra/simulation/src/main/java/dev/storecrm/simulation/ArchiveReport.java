package dev.storecrm.simulation;

import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.money.Money;
import dev.storecrm.localcloud.CapacityRecorder;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.platform.dynamodb.MemberItemMapper;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a store operator would look at after a run: the member archive, the rejected events with
 * their reasons, and the DynamoDB capacity each function used. Reads whole tables, which is
 * fine for a local report and never done by a function.
 */
final class ArchiveReport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final LocalCloud cloud;
    private final MemberPolicy policy;
    private final Instant now;

    ArchiveReport(LocalCloud cloud, MemberPolicy policy, Instant now) {
        this.cloud = cloud;
        this.policy = policy;
        this.now = now;
    }

    String members() {
        return members(Integer.MAX_VALUE);
    }

    /** The first {@code limit} members of the archive, by customer id, and how many there are in all. */
    String members(int limit) {
        TextTable table = new TextTable("customer", "name", "status", "member since", "tier", "points", "orders",
                "lifetime", "last 365 d", "last order", "recency d", "refunds", "locale", "time zone");
        List<MemberRecord> records = scan("MembersTable").stream()
                .map(item -> MemberItemMapper.fromItem(item).value())
                .sorted(Comparator.comparing(MemberRecord::customerId))
                .toList();
        for (MemberRecord record : records.subList(0, Math.min(limit, records.size()))) {
            MemberSummary s = MemberSummary.of(record, policy, now);
            ZoneId zone = Optional.ofNullable(record.profile().timeZone()).orElse(ZoneId.of("UTC"));
            table.row(record.customerId(), record.profile().name(), s.status().wire(),
                    s.memberSince().map(at -> DAY.format(at.atZone(zone))).orElse(null),
                    s.tier().orElse(null), s.points(), s.orderCount(), money(s.lifetimeSpendMinor()),
                    money(s.trailingYearSpendMinor()),
                    s.lastOrderAt().map(at -> DAY.format(at.atZone(zone))).orElse(null),
                    s.recencyDays(now).orElse(null),
                    s.refundCount() == 0 ? "0" : s.refundCount() + " (" + money(s.refundedMinor()) + ")",
                    record.profile().locale(), record.profile().timeZone());
        }
        if (table.isEmpty()) {
            return "(no members)\n";
        }
        return table.render() + (records.size() > limit
                ? "(" + limit + " of " + records.size() + " members; the whole archive is MembersTable)\n" : "");
    }

    String rejects() {
        TextTable table = new TextTable("consumer", "event id", "type", "reason", "detail");
        scan("RejectsTable").stream()
                .sorted(Comparator.comparing(item -> item.getOrDefault("eventId", AttributeValue.fromS("")).s()))
                .forEach(item -> table.row(item.get("consumer").s(),
                        item.containsKey("eventId") ? item.get("eventId").s() : null,
                        item.containsKey("eventType") ? item.get("eventType").s() : null,
                        item.get("reason").s(), item.get("detail").s()));
        return table.isEmpty() ? "(none)\n" : table.render();
    }

    static String capacity() {
        Map<String, double[]> byFunctionAndTable = new TreeMap<>();
        for (CapacityRecorder.Usage usage : CapacityRecorder.usage()) {
            String table = usage.table() + (usage.index() == null ? "" : " / " + usage.index());
            String key = usage.function() + "\u0000" + table;
            double[] units = byFunctionAndTable.computeIfAbsent(key, k -> new double[2]);
            units[0] += usage.readUnits();
            units[1] += usage.writeUnits();
        }
        TextTable table = new TextTable("function", "table / index", "read units", "write units");
        byFunctionAndTable.forEach((key, units) -> {
            String[] parts = key.split("\u0000");
            table.row(parts[0], parts[1], String.format("%.1f", units[0]), String.format("%.1f", units[1]));
        });
        return table.isEmpty() ? "(none)\n" : table.render();
    }

    private String money(long minor) {
        return new Money(minor, policy.storeCurrency()).toString();
    }

    private List<Map<String, AttributeValue>> scan(String table) {
        return Invariants.scan(cloud, table); // every page: a store of a few thousand members outgrows one
    }
}
