package dev.storecrm.simulation;

import dev.storecrm.domain.member.ArchivedOrder;
import dev.storecrm.domain.member.Credit;
import dev.storecrm.domain.time.RecurringDate;
import dev.storecrm.platform.dynamodb.Attributes;
import dev.storecrm.platform.dynamodb.OrderItemMapper;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every event applied, whatever the duplicates and the order of delivery: each member's time
 * zone, birthday, membership status and marketing consent as the latest event said, and each
 * paid order counted once: the orders paid in the OrdersTable are the ones paid, and the member's
 * order count and points are what its orders there add up to.
 */
final class ArchiveInvariant {

    static final String ARCHIVE = "the member archive holds the latest of every event";

    private ArchiveInvariant() {}

    static void check(List<Map<String, AttributeValue>> archive, List<Map<String, AttributeValue>> orderItems,
                      GroundTruth truth, Instant end, Invariants invariants) {
        Map<String, Map<String, AttributeValue>> byCustomer = new HashMap<>();
        archive.forEach(item -> byCustomer.put(item.get("customerId").s(), item));
        Map<String, List<ArchivedOrder>> orders = new HashMap<>();
        orderItems.forEach(item -> orders.computeIfAbsent(item.get("customerId").s(), c -> new ArrayList<>())
                .add(OrderItemMapper.fromItem(item)));
        for (Map.Entry<String, GroundTruth.Member> known : truth.members().entrySet()) {
            GroundTruth.Member member = known.getValue();
            if (member.registeredAt == null && member.paidOrderIds.isEmpty()) {
                continue; // a guest the store only ever saw with a cart
            }
            invariants.checked(ARCHIVE);
            String id = known.getKey();
            Map<String, AttributeValue> item = byCustomer.get(id);
            if (item == null) {
                invariants.violation(ARCHIVE, id + " is missing from the member archive");
                continue;
            }
            agree(invariants, id, "timeZone", member.zone.at(end).map(ZoneId::getId),
                    Attributes.string(item, "timeZone"));
            agree(invariants, id, "birthday", member.birthday.at(end),
                    Attributes.string(item, "birthday").map(RecurringDate::parse));
            agree(invariants, id, "status", member.status.at(end).or(() -> Optional.of("active")),
                    Attributes.string(item, "status"));
            if (member.unsubscribedAt == null) {
                Optional<Boolean> consent = item.containsKey("consent")
                        ? Optional.of(item.get("consent").m().get("granted").bool()) : Optional.empty();
                agree(invariants, id, "marketing consent", member.consent.at(end), consent);
            }
            List<ArchivedOrder> own = orders.getOrDefault(id, List.of());
            Set<String> paid = own.stream().filter(o -> o.facts().isPaid()).map(ArchivedOrder::orderId)
                    .collect(Collectors.toCollection(TreeSet::new));
            agree(invariants, id, "paid orders", Optional.of(member.paidOrderIds), Optional.of(paid));
            agree(invariants, id, "order count", Optional.of(own.stream().filter(o -> o.facts().counts()).count()),
                    Optional.of(Attributes.number(item, "orderCount", 0)));
            long points = own.stream().mapToLong(o -> o.credit().map(Credit::points).orElse(0L)).sum();
            agree(invariants, id, "points", Optional.of(points),
                    Optional.of(Attributes.number(item, "points", 0)));
        }
    }

    private static void agree(Invariants invariants, String customerId, String field, Optional<?> expected,
                              Optional<?> archived) {
        if (!expected.equals(archived)) {
            invariants.violation(ARCHIVE, customerId + ": " + field + " is "
                    + archived.map(Object::toString).orElse("absent")
                    + " in the archive; the latest event said " + expected.map(Object::toString).orElse("nothing"));
        }
    }
}
