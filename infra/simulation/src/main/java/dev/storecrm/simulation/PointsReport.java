package dev.storecrm.simulation;

import dev.storecrm.domain.loyalty.EntryKind;
import dev.storecrm.domain.loyalty.LedgerEntry;
import dev.storecrm.domain.loyalty.OrderPointsState;
import dev.storecrm.domain.loyalty.PointsAccount;
import dev.storecrm.domain.loyalty.Redemption;
import dev.storecrm.localcloud.LocalCloud;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** The report's points section: the ledger's entries by kind, the checkout's redemptions by status, the balances. */
final class PointsReport {

    private PointsReport() {}

    static String of(LocalCloud cloud) {
        PointsLedgerView ledger = PointsLedgerView.read(cloud);
        Map<EntryKind, long[]> byKind = new EnumMap<>(EntryKind.class);
        for (var entries : ledger.entries().values()) {
            for (LedgerEntry entry : entries) {
                long[] sums = byKind.computeIfAbsent(entry.kind(), k -> new long[3]);
                sums[0]++;
                sums[1] += entry.points();
                sums[2] += entry.posting().uncollected();
            }
        }
        TextTable kinds = new TextTable("entry", "entries", "points", "uncollected");
        byKind.forEach((kind, sums) -> kinds.row(kind.wire(), String.format("%,d", sums[0]),
                String.format("%,d", sums[1]), sums[2] == 0 ? "" : String.format("%,d", sums[2])));
        Map<String, Integer> redemptions = new TreeMap<>();
        long returned = 0;
        for (var orders : ledger.orders().values()) {
            for (OrderPointsState order : orders) {
                if (order.redemption().isPresent()) {
                    Redemption redemption = order.redemption().get();
                    redemptions.merge(redemption.status().wire(), 1, Integer::sum);
                    returned += redemption.returned();
                }
            }
        }
        long balance = ledger.accounts().values().stream().mapToLong(PointsAccount::balance).sum();
        long held = ledger.accounts().values().stream().mapToLong(PointsAccount::reserved).sum();
        return kinds.render() + String.format("accounts %,d, balance %,d points (%,d held by reservations); redemptions"
                + " by status %s, %,d points returned by refunds and cancellations%n", ledger.accounts().size(),
                balance, held, redemptions, returned);
    }
}
