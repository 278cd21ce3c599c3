package dev.storecrm.simulation;

import dev.storecrm.domain.loyalty.EntryKind;
import dev.storecrm.domain.loyalty.LedgerEntry;
import dev.storecrm.domain.referral.Referral;
import dev.storecrm.domain.referral.ReferralStatus;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.platform.dynamodb.DynamoDbReferralBook;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The referral rewards' whole-system invariants, judged at the end of a run against what the store
 * told (each member's referrer at registration) and the points ledger:
 * <ol>
 *   <li>one reward per referee: at most one {@code referral} entry per referee and role in the whole
 *       ledger, each for a referral the ReferralsTable says was rewarded;</li>
 *   <li>no reward for a refused referral: nothing for a referral the table says was refused, nor for
 *       one the store's own data makes a self-referral or a loop (whatever the table says).</li>
 * </ol>
 */
final class ReferralCheck {

    static final String ONCE = "one referral reward per referee, for a referral marked rewarded";
    static final String REFUSED = "no reward for a refused referral (self-referral, loop)";

    private final Map<String, Referral> referrals = new HashMap<>();
    private final Map<String, List<LedgerEntry>> rewards = new HashMap<>();
    private final Map<String, List<LedgerEntry>> reversals = new HashMap<>();

    ReferralCheck(LocalCloud cloud) {
        Invariants.scan(cloud, "ReferralsTable").forEach(item -> {
            Referral referral = DynamoDbReferralBook.fromItem(item);
            referrals.put(referral.refereeId(), referral);
        });
        PointsLedgerView.read(cloud).entries().values().forEach(entries -> entries.forEach(entry -> {
            String source = entry.posting().source();
            if (entry.kind() == EntryKind.REFERRAL) {
                rewards.computeIfAbsent(source, s -> new ArrayList<>()).add(entry);
            } else if (entry.kind() == EntryKind.ADJUSTMENT && source.startsWith("request:referral")) {
                reversals.computeIfAbsent(source, s -> new ArrayList<>()).add(entry);
            }
        }));
    }

    void check(List<SimMember> members, Invariants invariants) {
        rewards.forEach((source, entries) -> {
            invariants.checked(ONCE);
            String referee = source.substring(source.indexOf(':', "request:".length()) + 1);
            Optional<Referral> referral = Optional.ofNullable(referrals.get(referee));
            if (entries.size() > 1) {
                invariants.violation(ONCE, source + " was credited " + entries.size() + " times");
            }
            if (referral.map(Referral::rewarded).orElse(false) == Boolean.FALSE) {
                invariants.violation(ONCE, source + " was credited, but the referral of " + referee + " is "
                        + referral.map(r -> r.status().wire()).orElse("unknown"));
            }
        });
        Set<String> refused = new TreeSet<>();
        Map<String, String> named = new HashMap<>();
        members.stream().filter(m -> m.referrerId() != null).forEach(m -> named.put(m.id(), m.referrerId()));
        named.forEach((referee, referrer) -> {
            if (referee.equals(referrer) || referee.equals(named.get(referrer))) {
                refused.add(referee);
            }
        });
        referrals.values().stream().filter(r -> r.status() == ReferralStatus.REFUSED)
                .forEach(r -> refused.add(r.refereeId()));
        for (String referee : refused) {
            invariants.checked(REFUSED);
            for (String key : List.of("request:referral:" + referee, "request:referral-welcome:" + referee)) {
                if (rewards.containsKey(key)) {
                    invariants.violation(REFUSED, referee + "'s referral is a self-referral, a loop or refused, "
                            + "yet " + key + " was credited");
                }
            }
        }
    }

    String report() {
        Map<ReferralStatus, long[]> byStatus = new EnumMap<>(ReferralStatus.class);
        Map<String, Integer> reasons = new java.util.TreeMap<>();
        for (Referral referral : referrals.values()) {
            long[] sums = byStatus.computeIfAbsent(referral.status(), s -> new long[2]);
            sums[0]++;
            sums[1] += referral.rewarded() ? 1 : 0;
            referral.reason().map(why -> why.replaceAll(": .* -> .*", ""))
                    .ifPresent(why -> reasons.merge(why, 1, Integer::sum));
        }
        TextTable table = new TextTable("status", "referrals", "rewarded");
        byStatus.forEach((status, sums) -> table.row(status.wire(), String.format("%,d", sums[0]),
                String.format("%,d", sums[1])));
        long given = rewards.values().stream().flatMap(List::stream).mapToLong(LedgerEntry::points).sum();
        long taken = reversals.values().stream().flatMap(List::stream).mapToLong(LedgerEntry::points).sum();
        TextTable why = new TextTable("reason (refused or reversed)", "referrals");
        reasons.forEach((reason, count) -> why.row(reason, String.format("%,d", count)));
        return table.render() + "\n" + why.render() + String.format(
                "%nreferral points given %,d in %,d entries; taken back %,d%n", given,
                rewards.values().stream().mapToInt(List::size).sum(), -taken);
    }
}
