package dev.storecrm.lift;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storecrm.domain.campaign.LiftAttribution;
import dev.storecrm.domain.campaign.LiftRecorder;
import dev.storecrm.domain.campaign.Settled;
import dev.storecrm.domain.coupon.CouponBook;
import dev.storecrm.domain.coupon.CouponCodes;
import dev.storecrm.domain.coupon.CouponValue;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.triggers.SqsBatch;
import dev.storecrm.localcloud.CapacityRecorder;
import dev.storecrm.localcloud.FreshLocalCloud;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.platform.dynamodb.DynamoDbCouponBook;
import dev.storecrm.platform.dynamodb.DynamoDbCouponOutcomes;
import dev.storecrm.platform.dynamodb.DynamoDbLiftBook;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Capacity units per order of LiftFunction, as DynamoDB reports them ({@code ReturnConsumedCapacity}): the order's
 * record, the member's kept assignments and one transaction, the same for a member with twenty earlier orders.
 * A journey's coupon redeemed: the coupon, its assignment and one transaction, whatever the member's history.
 * The units per assignment (the sender's) are SenderCapacityIT's.
 */
@ExtendWith(FreshLocalCloud.class)
class LiftCapacityIT {

    private static final Instant SENT = Instant.parse("2026-12-01T02:00:00Z");

    private LocalFunctions functions;
    private LocalCloud cloud;

    @BeforeEach
    void assignments(LocalCloud cloud) {
        this.cloud = cloud;
        SimulatedClock clock = new SimulatedClock(SENT.plus(Duration.ofDays(3)));
        functions = cloud.functions(clock);
        LiftRecorder recorder = new LiftRecorder(new DynamoDbLiftBook(cloud.dynamoDb(), cloud.tableName("LiftTable")),
                new LiftAttribution(Duration.ofDays(7)), ZoneId.of("Asia/Shanghai"), Duration.ofDays(60));
        recorder.assigned("WINBACK#c-1#1#1", "c-1", "win-back", "-", Settled.SENT, 0, SENT);
        recorder.assigned("WINBACK#c-2#1#1", "c-2", "win-back", "-", Settled.HELD_OUT, 0, SENT);
        recorder.assigned("WINBACK#c-3#1#1", "c-3", "win-back", "-", Settled.SENT, 0, SENT);
        for (int i = 0; i < 20; i++) {
            recorder.paid("o-old-" + i, "c-2", 1_000, SENT.plus(Duration.ofHours(i + 1)));
            recorder.paid("o-older-" + i, "c-3", 1_000, SENT.plus(Duration.ofHours(i + 1)));
        }
        functions.handler("LiftFunction");
    }

    @Test
    void aJourneysCouponCostsTheSameFewUnitsWhateverTheMembersHistory() {
        String first = issue("c-1");
        String placed = Events.orderPlaced("c-1", "o-1").total(10_000).couponCodes(first)
                .at(SENT.plus(Duration.ofDays(1))).json();
        String rich = Events.orderPlaced("c-3", "o-3").total(10_000).couponCodes(issue("c-3"))
                .at(SENT.plus(Duration.ofDays(1))).json();
        String notOurs = Events.orderPlaced("c-1", "o-4").total(10_000).couponCodes("STORE-OWN-10")
                .at(SENT.plus(Duration.ofDays(1))).json();
        assertEquals(List.of("{CouponsTable=1.0/0.0, LiftTable=1.0/4.0}", "{CouponsTable=1.0/0.0, LiftTable=1.0/0.0}",
                        "{CouponsTable=1.0/0.0, LiftTable=1.0/4.0}", "{CouponsTable=1.0/0.0}"),
                List.of(allUnitsFor(placed), allUnitsFor(placed), allUnitsFor(rich), allUnitsFor(notOurs)),
                "a coupon of a journey: the coupon (consistent read), its assignment (consistent read), one "
                        + "transaction of the assignment's mark and its cell (2 units per item); the same order "
                        + "again: the two reads (the transaction is refused by its condition); a member with twenty "
                        + "earlier orders: the same; a code that is none of ours: its read only");
    }

    private String issue(String customerId) {
        return new DynamoDbCouponBook(cloud.dynamoDb(), cloud.tableName("CouponsTable"), new CouponCodes(
                "a-test-key-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8)),
                new DynamoDbCouponOutcomes(cloud.dynamoDb(), cloud.tableName("ReputationTable"),
                        ZoneId.of("Asia/Shanghai"))).issue(new CouponBook.Issue("WINBACK#" + customerId + "#1#1",
                "win-back", customerId, CouponValue.parse("CNY:2000"), SENT, SENT.plus(Duration.ofDays(14)))).code();
    }

    /** Units LiftFunction used for one event, as "read/write" per table. */
    private String allUnitsFor(String event) {
        CapacityRecorder.reset();
        functions.invoke("LiftFunction", SqsBatch.single("m-" + event.hashCode(), event));
        return new TreeMap<>(CapacityRecorder.unitsOf("LiftFunction")).toString();
    }

    /** Units LiftFunction used for one event, as "read/write" on the LiftTable. */
    private String unitsFor(String event) {
        CapacityRecorder.reset();
        functions.invoke("LiftFunction", SqsBatch.single("m-" + event.hashCode(), event));
        Map<String, String> units = CapacityRecorder.unitsOf("LiftFunction");
        assertEquals(List.of("LiftTable"), List.copyOf(units.keySet()), () -> "only the lift table; kept: "
                + cloud.dynamoDb().scan(r -> r.tableName(cloud.tableName("RejectsTable"))).items());
        return units.get("LiftTable");
    }

    @Test
    void anOrderCostsTheSameFewUnitsWhateverTheMembersHistoryAndADuplicateOneRead() {
        String paid = Events.orderPaid("c-1", "o-1").amount(10_000).at(SENT.plus(Duration.ofDays(1))).json();
        assertEquals(List.of("1.5/4.0", "1.0/0.0", "1.5/4.0", "2.0/4.0"), List.of(unitsFor(paid), unitsFor(paid),
                unitsFor(Events.orderPaid("c-2", "o-2").amount(5_000).at(SENT.plus(Duration.ofDays(1))).json()),
                unitsFor(Events.orderRefunded("c-1", "o-1", "r-1").amount(1_000).at(SENT.plus(Duration.ofDays(2)))
                        .json())),
                "a payment: the order (consistent read), the member's assignments (one query), one transaction of "
                        + "the order, the assignment and its cell; the same payment again: the order's read only; "
                        + "a member with twenty earlier orders: the same; a refund: the order, the assignment "
                        + "credited, one transaction");
    }
}
