package dev.storecrm.simulation;

import dev.storecrm.domain.loyalty.LedgerEntry;
import dev.storecrm.domain.loyalty.OrderPointsState;
import dev.storecrm.domain.loyalty.PointsAccount;
import dev.storecrm.domain.member.ArchivedOrder;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.platform.dynamodb.Attributes;
import dev.storecrm.platform.dynamodb.OrderItemMapper;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The points ledger's whole-system invariants, judged at the end of a run and added to the others:
 * <ol>
 *   <li>every member's balance is the sum of the ledger's entries, each entry's balance the one
 *       before plus its points, and none of them ever below zero (however the checkouts raced);</li>
 *   <li>no order paid while the member was frozen or cancelled (as the whole run told it) keeps
 *       points: a freeze learnt late takes back what was earned after it;</li>
 *   <li>what the ledger credits each member's orders is what the member archive says they earned.</li>
 * </ol>
 */
final class PointsInvariants {

    static final String SUM = "every points balance is the sum of its ledger and never negative";
    static final String FROZEN = "no points kept for an order paid while frozen or cancelled";
    static final String AGREES = "the ledger's order points are the member archive's";

    private PointsInvariants() {}

    static void check(LocalCloud cloud, GroundTruth truth, Invariants invariants) {
        PointsLedgerView ledger = PointsLedgerView.read(cloud);
        java.util.Set<String> members = new java.util.TreeSet<>(ledger.accounts().keySet());
        members.addAll(ledger.entries().keySet());
        for (String customerId : members) {
            invariants.checked(SUM);
            long running = 0;
            for (LedgerEntry entry : ledger.entries().getOrDefault(customerId, List.of())) {
                running += entry.points();
                if (running != entry.balanceAfter() || running < 0) {
                    invariants.violation(SUM, customerId + ": entry " + entry.sequence() + "#" + entry.index()
                            + " says " + entry.balanceAfter() + ", the entries up to it add up to " + running);
                }
            }
            long balance = Optional.ofNullable(ledger.accounts().get(customerId)).map(PointsAccount::balance)
                    .orElse(-1L);
            if (balance != running) {
                invariants.violation(SUM, customerId + ": the balance is " + balance
                        + ", the entries add up to " + running);
            }
        }
        Map<String, Instant> paidAt = new HashMap<>();
        for (Map<String, AttributeValue> item : Invariants.scan(cloud, "OrdersTable")) {
            ArchivedOrder order = OrderItemMapper.fromItem(item);
            if (order.facts().isPaid()) {
                paidAt.put(item.get("customerId").s() + "/" + order.orderId(), order.facts().paidAt());
            }
        }
        ledger.orders().forEach((customerId, orders) -> {
            for (OrderPointsState order : orders) {
                Instant paid = paidAt.get(customerId + "/" + order.orderId());
                if (order.earned() + order.bonus() == 0 || paid == null) {
                    continue;
                }
                invariants.checked(FROZEN);
                Optional<String> status = truth.member(customerId).status.inEffectAt(paid);
                if (status.filter(s -> s.equals("frozen") || s.equals("cancelled")).isPresent()) {
                    invariants.violation(FROZEN, customerId + "'s order " + order.orderId() + " paid at " + paid
                            + " while " + status.get() + " keeps " + (order.earned() + order.bonus()) + " points");
                }
            }
        });
        for (Map<String, AttributeValue> member : Invariants.scan(cloud, "MembersTable")) {
            String customerId = member.get("customerId").s();
            long archived = Attributes.number(member, "points", 0);
            long credited = ledger.orders().getOrDefault(customerId, List.of()).stream()
                    .mapToLong(o -> o.earned() + o.bonus()).sum();
            invariants.checked(AGREES);
            if (archived != credited) {
                invariants.violation(AGREES, customerId + ": the archive says the orders earned " + archived
                        + " points, the ledger credited " + credited);
            }
        }
    }
}
