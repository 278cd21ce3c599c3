package dev.storecrm.pointsredemption;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storecrm.domain.loyalty.OrderPoints;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.localcloud.CapacityRecorder;
import dev.storecrm.localcloud.LocalStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Capacity units as DynamoDB reports them ({@code ReturnConsumedCapacity}) for the points ledger's
 * work, held steady by assertion: an order's points, a reservation, its confirmation, and a points
 * timer's firing. An expiry run costs what the members whose points expire cost, whatever the
 * number of members with points that do not.
 */
class PointsCapacityIT {

    private static final Instant PAID = Instant.parse("2027-03-10T03:00:00Z");
    private static final Instant EXPIRY = Instant.parse("2028-03-31T16:00:00Z");

    @RegisterExtension
    final LocalStore local = LocalStore.at(PAID);

    @BeforeEach
    void setUp() {
        local.functions().handler("LoyaltyFunction");
        local.functions().handler("PointsRedemptionFunction");
        local.functions().handler("TimerSweepFunction");
        local.cloud().eventBus().publish(registered("c-1"), "test", PAID);
        local.functions().drainAll();
    }

    /*
     * A transaction of items of at most 1 KB is reported by DynamoDB Local as 4 write units whatever the
     * number of items (1, 2, 3 or 5 measured); AWS bills 2 per item and KB: 4 for the reservation's two
     * items, 6 for the three of an order's points and of a confirmation (docs/benchmarks.md).
     */
    @Test
    void anOrderAReservationAndAConfirmationCostWhatTheDesignSays() {
        assertEquals(Map.of("PointsLedgerTable", "1.0/4.0", "TimersTable", "0.0/1.0", "TimersTable/DueByShard",
                "0.0/1.0"),
                units("LoyaltyFunction", () -> order("c-1", "o-1", 1)),
                "an order's first points: the account and the order's record read (half a unit each), one"
                        + " transaction of the account, the order's record and the entry, and the member's timer"
                        + " armed");
        assertEquals(Map.of("PointsLedgerTable", "1.0/4.0"), units("LoyaltyFunction", () -> order("c-1", "o-2", 2)),
                "a second order: the timer is armed already");
        assertEquals(Map.of("MembersTable", "0.5/0.0", "PointsLedgerTable", "1.0/4.0"),
                units("PointsRedemptionFunction", () -> call("/members/c-1/redemptions/o-9", "{\"points\":300}")),
                "a reservation: the member's status, the account and the order read; the account and the order"
                        + " written");
        assertEquals(Map.of("PointsLedgerTable", "1.0/4.0"),
                units("PointsRedemptionFunction", () -> call("/members/c-1/redemptions/o-9/confirm", null)),
                "a confirmation: the account and the order read; the account, the order and the entry written");
        assertEquals(Map.of("PointsLedgerTable", "1.0/0.0"),
                units("PointsRedemptionFunction", () -> call("/members/c-1/redemptions/o-9/confirm", null)),
                "a repeated confirmation only reads");
    }

    @Test
    void anExpiryRunCostsWhatTheMembersWhosePointsExpireCostAndNothingForTheRest() {
        order("c-1", "o-1", 1);
        for (int i = 0; i < 50; i++) {
            local.cloud().eventBus().publish(registered("c-later-" + i), "test", PAID);
            local.clock().set(PAID.plusSeconds(3_600L * 24 * 40));
            order("c-later-" + i, "o-later-" + i, 1);
        }
        local.advanceTo(EXPIRY.minusSeconds(60 * 60 * 24 * 10));
        CapacityRecorder.reset();
        local.advanceTo(EXPIRY.plusSeconds(60));
        assertEquals(Map.of("LoyaltyFunction PointsLedgerTable", "0.5/4.0", "LoyaltyFunction TimersTable", "0.0/1.0",
                        "TimerSweepFunction TimersTable", "0.0/1.0", "TimerSweepFunction TimersTable/DueByShard",
                                "0.5/1.0"),
                usage(), "one member's points expire: the sweep reads and deletes its timer; the firing reads the"
                        + " account, writes it with the expiry entry and, nothing being left, cancels the timer; the 50"
                        + " members whose points expire a month later cost nothing");
    }

    // ------------------------------------------------------------------ helpers

    /** The member archive's word on an order paid with 1,000 points, delivered to LoyaltyFunction. */
    private void order(String customerId, String orderId, long revision) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("m-" + orderId);
        message.setBody(new OrderPoints(customerId, orderId, revision, Optional.of(local.clock().instant()), 1, 1_000,
                100_000, 0, false, Optional.of(ZoneId.of("Asia/Shanghai"))).toJson());
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        local.functions().invoke("LoyaltyFunction", event);
    }

    private void call(String path, String body) {
        local.functions().invokeSignedUrl("PointsRedemptionFunction", "POST", path, "",
                body == null ? Map.of() : Map.of("content-type", "application/json"), body);
    }

    private Map<String, String> units(String function, Runnable work) {
        CapacityRecorder.reset();
        work.run();
        Map<String, String> units = new TreeMap<>();
        usage().forEach((key, value) -> {
            if (key.startsWith(function + " ")) {
                units.put(key.substring(function.length() + 1), value);
            }
        });
        return units;
    }

    /** Units by "function table[/index]", as "read/write". */
    private static Map<String, String> usage() {
        Map<String, String> units = new HashMap<>();
        for (CapacityRecorder.Usage usage : CapacityRecorder.usage()) {
            if (usage.readUnits() > 0 || usage.writeUnits() > 0) {
                units.put(usage.function() + " " + usage.table() + (usage.index() == null ? "" : "/" + usage.index()),
                        usage.readUnits() + "/" + usage.writeUnits());
            }
        }
        return units;
    }

    /** A member with a name and a time zone only: no address, no locale, no word on consent. */
    private static String registered(String customerId) {
        return Events.memberRegistered(customerId).at("2026-01-01T00:00:00Z").name("Sample").without("email")
                .without("locale").withoutConsent().json();
    }
}
