package dev.storecrm.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.fixtures.events.Events;
import dev.storecrm.localcloud.CapacityRecorder;
import dev.storecrm.localcloud.LocalStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Capacity units of an RFM update per order, as DynamoDB reports them ({@code ReturnConsumedCapacity}):
 * the same for a member's 5th and 25th order, and in a store of a few members or of many, because every
 * item read or written is bounded (fixed histogram buckets, at most three recent orders looked at).
 */
class RfmCapacityIT {

    private static final Instant START = Instant.parse("2026-06-01T02:00:00Z");

    private int events;

    @RegisterExtension
    final LocalStore local = LocalStore.at(START);

    @Test
    void anRfmUpdatePerOrderCostsTheSameWhateverTheHistoryAndTheStoreSize() {
        for (int i = 1; i <= 4; i++) {
            order("c-loyal", "o-loyal-" + i, 12_900);
        }
        Map<String, String> fifth = rfmUnitsOf("c-loyal", "o-loyal-5");
        for (int i = 6; i <= 24; i++) {
            order("c-loyal", "o-loyal-" + i, 12_900);
        }
        for (int i = 0; i < 40; i++) {
            order("c-other-" + i, "o-other-" + i, 5_000 + 1_000L * i);
        }
        Map<String, String> twentyFifth = rfmUnitsOf("c-loyal", "o-loyal-25");
        System.out.println("RFM update per order (read/write units): 5th order in a store of 1 member " + fifth
                + "; 25th order in a store of 41 members " + twentyFifth);
        for (Map<String, String> units : java.util.List.of(fifth, twentyFifth)) {
            assertEquals("0.5/0.0", units.get("MembersTable"), "the member item, eventually consistent");
            assertEquals("1.5/0.0", units.get("OrdersTable"), "the coupon codes of the three latest orders, no more");
            assertTrue(read(units, "RfmTable") <= 7.5, "the state (0.5), the histogram because the boundaries were"
                    + " older than 5 minutes (a GetItem and a one-page Query per shard, 4 x at most 1.5), and the"
                    + " shard's totals for the day's counts (1.0): " + units);
            assertTrue(write(units, "RfmTable") <= 32 && write(units, "RfmTable/ByGroup") <= 12, "one transaction"
                    + " (twice the units): state, totals, two weeks, at most six memberships out and six in: " + units);
        }
        assertTrue(read(twentyFifth, "RfmTable") <= read(fifth, "RfmTable") + 1.5,
                "forty more members add at most a page of weeks to the histogram read: " + twentyFifth);
        Map<String, String> cached = rfmUnitsOf("c-loyal", "o-loyal-26", Duration.ofSeconds(10));
        assertTrue(read(cached, "RfmTable") <= 1.5, "within 5 minutes of the last read, the boundaries come from"
                + " memory: the state and at most the totals for the day: " + cached);
    }

    private static double read(Map<String, String> units, String table) {
        return Double.parseDouble(units.getOrDefault(table, "0/0").split("/")[0]);
    }

    private static double write(Map<String, String> units, String table) {
        return Double.parseDouble(units.getOrDefault(table, "0/0").split("/")[1]);
    }

    private Map<String, String> rfmUnitsOf(String customerId, String orderId) {
        return rfmUnitsOf(customerId, orderId, Duration.ofMinutes(10));
    }

    /** Pays an order after {@code after}, lets the member archive take it, then measures RfmFunction alone. */
    private Map<String, String> rfmUnitsOf(String customerId, String orderId, Duration after) {
        local.clock().advance(after);
        publish(customerId, orderId, 12_900);
        local.functions().drain("MemberArchiveFunction");
        CapacityRecorder.reset();
        local.functions().drain("RfmFunction");
        Map<String, String> units = new TreeMap<>();
        for (CapacityRecorder.Usage usage : CapacityRecorder.usage()) {
            String table = usage.table() + (usage.index() == null ? "" : "/" + usage.index());
            units.merge(table, usage.readUnits() + "/" + usage.writeUnits(), (a, b) -> sum(a, b));
        }
        local.functions().drainAll();
        return units;
    }

    private static String sum(String a, String b) {
        String[] x = a.split("/");
        String[] y = b.split("/");
        return (Double.parseDouble(x[0]) + Double.parseDouble(y[0])) + "/" + (Double.parseDouble(x[1])
                + Double.parseDouble(y[1]));
    }

    private void order(String customerId, String orderId, long amount) {
        local.clock().advance(Duration.ofHours(7));
        publish(customerId, orderId, amount);
        local.functions().drainAll();
    }

    private void publish(String customerId, String orderId, long amount) {
        Instant at = local.clock().instant();
        local.cloud().eventBus().publish(Events.orderPlaced(customerId,
                orderId).id("evt-" + ++events).at(at.minusSeconds(60))
                .total(amount).couponCodes("STORE-" + orderId).json(), "test", at);
        local.cloud().eventBus().publish(Events.orderPaid(customerId,
                orderId).id("evt-" + ++events).at(at).amount(amount)
                .json(), "test", at);
    }
}
