package dev.storecrm.platform.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.campaign.LiftAttribution;
import dev.storecrm.domain.campaign.LiftCell;
import dev.storecrm.domain.campaign.LiftPricing;
import dev.storecrm.domain.campaign.LiftRecorder;
import dev.storecrm.domain.campaign.LiftRow;
import dev.storecrm.domain.campaign.LiftTally;
import dev.storecrm.domain.campaign.Settled;
import dev.storecrm.localcloud.CapacityRecorder;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalCloudExtension;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The lift report's figures in DynamoDB Local's LiftTable (created from template.yaml): a cart reminder's treated
 * and held-out members, their orders, a refund before and one after a payment, duplicates of each, against figures
 * worked out by hand; and the capacity units of an assignment and of a payment, which do not grow with the
 * member's history.
 */
@ExtendWith(LocalCloudExtension.class)
class DynamoDbLiftBookIT {

    private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");
    private static final LiftCell REMINDER = new LiftCell("cart", "reminder", "-", "2026-W49");
    private LocalCloud cloud;
    private DynamoDbLiftBook book;
    private LiftRecorder recorder;

    @BeforeEach
    void reset(LocalCloud cloud) {
        cloud.reset();
        this.cloud = cloud;
        book = new DynamoDbLiftBook(cloud.dynamoDb(), cloud.tableName("LiftTable"));
        recorder = new LiftRecorder(book, new LiftAttribution(Duration.ofDays(7)), ZoneId.of("Asia/Shanghai"),
                Duration.ofDays(60));
    }

    @Test
    void theReportMatchesTheFiguresWorkedOutByHand() {
        for (String member : new String[] {"c-1", "c-2", "c-3"}) {
            assertTrue(assign(member, false));
        }
        assertTrue(assign("c-4", true));
        assertTrue(assign("c-5", true));
        assertTrue(recorder.assigned("CART#k-c-6#reminder", "c-6", "cart", "-", Settled.SKIPPED, 0, T0),
                "withdrew consent: skipped at send time, still treated (intention to treat)");
        assertFalse(assign("c-1", false), "a settlement delivered twice is one assignment");

        recorder.paid("o-1", "c-1", 10_000, T0.plus(Duration.ofDays(1)));
        assertTrue(recorder.paid("o-1", "c-1", 10_000, T0.plus(Duration.ofDays(1))).unchanged(), "a duplicate");
        recorder.paid("o-2", "c-2", 5_000, T0.plus(Duration.ofDays(2)));
        recorder.refunded("o-2", "c-2", "r-2", 2_000, T0.plus(Duration.ofDays(3)));
        assertTrue(recorder.refunded("o-2", "c-2", "r-2", 2_000, T0.plus(Duration.ofDays(3))).unchanged());
        recorder.refunded("o-3", "c-3", "r-3", 1_000, T0.plus(Duration.ofDays(2)));
        recorder.paid("o-3", "c-3", 4_000, T0.plus(Duration.ofDays(1)));
        recorder.paid("o-4", "c-4", 6_000, T0.plus(Duration.ofDays(4)));
        recorder.paid("o-5", "c-5", 9_000, T0.plus(Duration.ofDays(8)));

        // Treated: 10000, 5000 - 2000, 4000 - 1000 and (skipped) 0; held out: 6000 and (ordered after the window) 0.
        LiftTally tally = book.period("2026-W49").get(REMINDER);
        assertEquals(new LiftTally(3, 1, 2, 3, 0, 0, new LiftTally.Arm(3, 16_000, BigInteger.valueOf(118_000_000)),
                new LiftTally.Arm(1, 6_000, BigInteger.valueOf(36_000_000))), tally);
        LiftRow row = LiftRow.of(REMINDER, tally, new LiftPricing(new BigDecimal("0.3"), BigDecimal.ONE,
                BigDecimal.TEN));
        assertEquals(1, row.incrementalConversions().orElseThrow().estimate(), 1e-9, "(3/4 - 1/2) x 4");
        assertEquals(4_000, row.incrementalRevenueMinor().orElseThrow().estimate(), 1e-6, "(16000/4 - 6000/2) x 4");
        assertEquals((4_000 * 0.3 - 3) / 3, row.returnOnInvestment().orElseThrow(), 1e-6, "3 mails at 1 fen");
    }

    @Test
    void anAssignmentAndAPaymentCostAFewUnitsWhateverTheMembersHistory() {
        assertEquals("0.0/4.0", units(() -> assign("c-1", false)),
                "the assignment and its cell in one transaction (AWS bills 2 units per item of up to 1 KB)");
        for (int week = 1; week <= 20; week++) {
            recorder.paid("old-" + week, "c-1", 1_000, T0.minus(Duration.ofDays(7L * week)));
        }
        assertEquals("1.5/4.0", units(() -> recorder.paid("o-1", "c-1", 10_000, T0.plusSeconds(60))),
                "the order (consistent read), the member's kept assignments (one query), then the order, the"
                        + " assignment and its cell in one transaction (DynamoDB Local reports 4 units for it; AWS"
                        + " bills 2 per item of up to 1 KB, 6): twenty older orders change nothing");
        assertEquals("1.0/0.0", units(() -> recorder.paid("o-1", "c-1", 10_000, T0.plusSeconds(60))),
                "a duplicate payment reads and writes nothing");
    }

    @Test
    void aPaymentCountsForTheAssignmentInItsWindowHoweverManyOlderOnesTheMemberStillKeeps() {
        // An engaged member: 120 broadcasts over the 60 days before a cart reminder, all still kept (window and
        // refund grace), their keys sorted before the reminder's (BROADCAST# < CART#).
        for (int day = 1; day <= 120; day++) {
            Instant at = T0.minus(Duration.ofHours(12L * day));
            assertTrue(recorder.assigned("BROADCAST#b-" + day + "#c-9", "c-9", "broadcast", "-", Settled.SENT, 0, at));
        }
        assertTrue(recorder.assigned("CART#k-c-9#reminder", "c-9", "cart", "-", Settled.SENT, 0, T0));

        recorder.paid("o-9", "c-9", 7_000, T0.plus(Duration.ofDays(1)));

        assertEquals(new LiftTally.Arm(1, 7_000, BigInteger.valueOf(49_000_000)),
                book.period("2026-W49").get(REMINDER).treated(), "the reminder's cell counts the order");
    }

    private boolean assign(String member, boolean heldOut) {
        return recorder.assigned("CART#k-" + member + "#reminder", member, "cart", "-",
                heldOut ? Settled.HELD_OUT : Settled.SENT, 0, T0);
    }

    /** Read and write units on the LiftTable, as "read/write". */
    private String units(Supplier<?> work) {
        CapacityRecorder.reset();
        CapacityRecorder.attributedTo("lift", work);
        Map<String, double[]> totals = new TreeMap<>();
        for (CapacityRecorder.Usage usage : CapacityRecorder.usage()) {
            if (usage.function().equals("lift") && usage.index() == null) {
                double[] sum = totals.computeIfAbsent(usage.table(), t -> new double[2]);
                sum[0] += usage.readUnits();
                sum[1] += usage.writeUnits();
            }
        }
        double[] lift = totals.getOrDefault(cloud.tableName("LiftTable"), new double[2]);
        return lift[0] + "/" + lift[1];
    }
}
