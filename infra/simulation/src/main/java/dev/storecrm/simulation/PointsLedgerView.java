package dev.storecrm.simulation;

import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.loyalty.LedgerEntry;
import dev.storecrm.domain.loyalty.OrderPointsState;
import dev.storecrm.domain.loyalty.PointsAccount;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.platform.dynamodb.PointsItemMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The PointsLedgerTable at the end of a run, by member: accounts, order records and entries in order. */
record PointsLedgerView(Map<String, PointsAccount> accounts, Map<String, List<OrderPointsState>> orders,
                        Map<String, List<LedgerEntry>> entries) {

    static PointsLedgerView read(LocalCloud cloud) {
        Map<String, PointsAccount> accounts = new HashMap<>();
        Map<String, List<OrderPointsState>> orders = new HashMap<>();
        Map<String, List<LedgerEntry>> entries = new HashMap<>();
        for (Map<String, AttributeValue> item : Invariants.scan(cloud, "PointsLedgerTable")) {
            String customerId = item.get("customerId").s();
            String record = item.get("record").s();
            if (record.equals(PointsItemMapper.ACCOUNT)) {
                accounts.put(customerId, PointsItemMapper.account(item).value());
            } else if (record.startsWith("order#")) {
                Revisioned<OrderPointsState> order = PointsItemMapper.order(item);
                orders.computeIfAbsent(customerId, c -> new ArrayList<>()).add(order.value());
            } else if (record.startsWith("entry#")) {
                entries.computeIfAbsent(customerId, c -> new ArrayList<>()).add(PointsItemMapper.entry(item));
            }
        }
        entries.values().forEach(list -> list.sort(Comparator.comparingLong(LedgerEntry::sequence)
                .thenComparingInt(LedgerEntry::index)));
        return new PointsLedgerView(accounts, orders, entries);
    }
}
