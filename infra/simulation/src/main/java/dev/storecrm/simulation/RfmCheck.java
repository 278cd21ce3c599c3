package dev.storecrm.simulation;

import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.rfm.RfmChange.Group;
import dev.storecrm.domain.rfm.RfmState;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.platform.dynamodb.DynamoDbMemberArchive;
import dev.storecrm.platform.dynamodb.DynamoDbRfmBook;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The report's RFM section (today's counts per segment and audience, from the RfmTable's day items) and
 * its invariants: every member with a counted order has one segment, and the day's counts equal the
 * memberships the {@code ByGroup} index lists.
 */
final class RfmCheck {

    static final String ONE_SEGMENT = "every member with a counted order has exactly one RFM segment";
    static final String COUNTS = "today's RFM counts equal the members each segment and audience lists";

    private final LocalCloud cloud;
    private final DynamoDbRfmBook book;
    private final LocalDate day;

    RfmCheck(LocalCloud cloud, Map<String, String> rfmEnvironment, Instant end) {
        this.cloud = cloud;
        this.book = new DynamoDbRfmBook(cloud.dynamoDb(), cloud.tableName("RfmTable"),
                Integer.parseInt(rfmEnvironment.getOrDefault("RFM_SHARDS", "4")));
        this.day = end.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    String report() {
        TextTable table = new TextTable("kind", "segment or audience", "members on " + day);
        book.counts(day).forEach((group, count) -> table.row(group.kind().name().toLowerCase(), group.name(),
                String.format("%,d", count)));
        return table.render();
    }

    void check(MemberPolicy policy, Instant end, Invariants invariants) {
        DynamoDbMemberArchive archive = new DynamoDbMemberArchive(cloud.dynamoDb(), cloud.tableName("MembersTable"),
                Clock.fixed(end, ZoneOffset.UTC));
        for (Map<String, AttributeValue> item : Invariants.scan(cloud, "MembersTable")) {
            String customerId = item.get("customerId").s();
            MemberSummary summary = MemberSummary.of(archive.find(customerId, true).orElseThrow().value(), policy, end);
            if (summary.orderCount() == 0) {
                continue;
            }
            invariants.checked(ONE_SEGMENT);
            var state = book.find(customerId, true);
            if (state.isEmpty() || state.get().inputs().orders() != summary.orderCount()) {
                invariants.violation(ONE_SEGMENT, customerId + " has " + summary.orderCount() + " counted orders and "
                        + state.map(RfmState::segment).map(s -> "the RFM of another count, in " + s).orElse("no RFM"));
            }
        }
        Map<Group, Long> listed = new TreeMap<>((a, b) -> (a.kind() + a.name()).compareTo(b.kind() + b.name()));
        for (Map<String, AttributeValue> item : Invariants.scan(cloud, "RfmTable")) {
            if (item.containsKey("group")) {
                String[] group = item.get("group").s().split("#", 2);
                listed.merge(new Group(dev.storecrm.domain.rfm.RfmChange.Kind.valueOf(group[0].toUpperCase()),
                        group[1]), 1L, Long::sum);
            }
        }
        Map<Group, Long> counted = book.counts(day);
        invariants.checked(COUNTS);
        for (Group group : listed.keySet()) {
            long pages = book.members(group, null, 10_000).size();
            if (!listed.get(group).equals(counted.getOrDefault(group, 0L)) || pages != listed.get(group)) {
                invariants.violation(COUNTS, group + ": counted " + counted.getOrDefault(group, 0L) + ", "
                        + listed.get(group) + " memberships, " + pages + " listed by the index");
            }
        }
        counted.keySet().stream().filter(g -> !listed.containsKey(g)).forEach(g ->
                invariants.violation(COUNTS, g + ": counted " + counted.get(g) + ", no memberships"));
    }
}
