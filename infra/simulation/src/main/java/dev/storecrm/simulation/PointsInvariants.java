package dev.storecrm.simulation;

import dev.storecrm.domain.loyalty.EntryKind;
import dev.storecrm.domain.loyalty.LedgerEntry;
import dev.storecrm.domain.loyalty.OrderPointsState;
import dev.storecrm.domain.loyalty.PointsAccount;
import dev.storecrm.domain.member.ArchivedOrder;
import dev.storecrm.domain.member.MemberDays;
import dev.storecrm.domain.member.TierLadder;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.dynamodb.Attributes;
import dev.storecrm.platform.dynamodb.OrderItemMapper;
import java.time.Instant;
import java.time.ZoneId;
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
 *   <li>what the ledger credits each member's orders is what the member archive says they earned;</li>
 *   <li>member-day points only for orders paid on the day: every {@code member_day_bonus} entry, and every order
 *       the archive priced at a member day's multiplier, was paid on a member day of {@link #MEMBER_DAYS} in the
 *       store's time zone (the run plays the 18th of each month).</li>
 * </ol>
 */
final class PointsInvariants {

    static final String SUM = "every points balance is the sum of its ledger and never negative";
    static final String FROZEN = "no points kept for an order paid while frozen or cancelled";
    static final String AGREES = "the ledger's order points are the member archive's";
    static final String MEMBER_DAY = "member-day points only for orders paid on the day";
    /** The simulated store's member days: the 18th of every month (StoreSimulationIT's 30 days hold one). */
    static final String MEMBER_DAYS = "day=date:*-18;MEMBER=1.5;VIP1=2;VIP2=2;VIP3=3";

    /** The functions' environment with the store's member days. */
    static Map<String, String> environment(Map<String, String> environment) {
        Map<String, String> with = new HashMap<>(environment);
        with.put("MEMBER_DAYS", MEMBER_DAYS);
        return with;
    }

    private PointsInvariants() {}

    /** Every priced order is a case: one with member-day points must have been paid on a member day. */
    private static void onMemberDay(Invariants invariants, MemberDays days, String what, boolean memberDayPoints,
                                    Optional<Instant> paid) {
        invariants.checked(MEMBER_DAY);
        if (!memberDayPoints
                || paid.map(at -> days.isMemberDay(at.atZone(days.storeZone()).toLocalDate())).orElse(false)) {
            return;
        }
        invariants.violation(MEMBER_DAY, what + " has member-day points but was paid at "
                + paid.map(Instant::toString).orElse("no known time") + ", not on a member day");
    }

    /** The member days the run's functions read, as the template gives the store's zone and tiers. */
    private static MemberDays memberDays(LocalCloud cloud) {
        TierLadder tiers = TierLadder.parse(cloud.template().parameter("BaseTier").orElse("MEMBER"),
                cloud.template().parameter("TierThresholds").orElse(MemberPolicySettings.DEFAULT_TIERS));
        return MemberDays.parse(MEMBER_DAYS, tiers,
                ZoneId.of(cloud.template().parameter("StoreTimeZone").orElse("Asia/Shanghai")));
    }

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
        MemberDays days = memberDays(cloud);
        for (Map<String, AttributeValue> item : Invariants.scan(cloud, "OrdersTable")) {
            ArchivedOrder order = OrderItemMapper.fromItem(item);
            if (order.facts().isPaid()) {
                paidAt.put(item.get("customerId").s() + "/" + order.orderId(), order.facts().paidAt());
            }
            if (order.facts().isPaid() && order.credit().isPresent()) {
                onMemberDay(invariants, days, item.get("customerId").s() + "'s order " + order.orderId(),
                        order.credit().get().memberDay(), Optional.of(order.facts().paidAt()));
            }
        }
        ledger.entries().forEach((customerId, entries) -> entries.stream()
                .filter(e -> e.kind() == EntryKind.MEMBER_DAY_BONUS)
                .forEach(e -> onMemberDay(invariants, days, customerId + "'s " + e.posting().source(), true,
                        e.posting().effectiveAt())));
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
