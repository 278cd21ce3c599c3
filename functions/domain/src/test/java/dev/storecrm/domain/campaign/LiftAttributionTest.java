package dev.storecrm.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.InvalidInputException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Payments and refunds credited to the member's assignments, counted once in any order of arrival. */
class LiftAttributionTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final LiftCell REMINDER = new LiftCell("cart", "reminder", "-", "2026-W49");
    private static final LiftCell WIN_BACK = new LiftCell("win-back", "1", "-", "2026-W49");
    private final LiftAttribution attribution = new LiftAttribution(Duration.ofDays(7));

    /** The store in memory: assignments by key, orders by id, tallies by cell, as the DynamoDB adapter keeps them. */
    private final Map<String, LiftAssignment> assignments = new HashMap<>();
    private final Map<String, OrderCredit> orders = new HashMap<>();
    private final Map<LiftCell, LiftTally> tallies = new HashMap<>();

    @Test
    void aPaymentCreditsEveryOpenAssignmentInItsWindowTreatedAndHeldOutAlike() {
        assign("CART#k1#reminder", "c-1", REMINDER, false, T0);
        assign("WINBACK#c-1#20261101#1", "c-1", WIN_BACK, true, T0.minus(Duration.ofDays(2)));
        assign("CART#k0#reminder", "c-1", REMINDER, false, T0.minus(Duration.ofDays(8)));

        pay("o-1", "c-1", 10_000, T0.plus(Duration.ofDays(1)));

        assertEquals(new LiftTally.Arm(1, 10_000, BigInteger.valueOf(100_000_000)), tallies.get(REMINDER).treated(),
                "the reminder of a day ago counts it; the one of 9 days ago is past its window");
        assertEquals(new LiftTally.Arm(1, 10_000, BigInteger.valueOf(100_000_000)), tallies.get(WIN_BACK).held(),
                "a held-out member's order counts for the holdout");
        assertEquals(2, tallies.get(REMINDER).sent());
    }

    @Test
    void aSecondOrderMovesTheSumOfSquaresByTheMembersNewRevenue() {
        assign("CART#k1#reminder", "c-1", REMINDER, false, T0);
        pay("o-1", "c-1", 3_000, T0.plusSeconds(60));
        pay("o-2", "c-1", 2_000, T0.plusSeconds(120));

        LiftTally.Arm arm = tallies.get(REMINDER).treated();
        assertEquals(1, arm.converters(), "one member converted, whatever its number of orders");
        assertEquals(5_000, arm.revenueMinor());
        assertEquals(BigInteger.valueOf(25_000_000), arm.revenueSquares(), "5000^2, not 3000^2 + 2000^2");
    }

    @Test
    void aDuplicatedPaymentOrRefundCountsOnce() {
        assign("CART#k1#reminder", "c-1", REMINDER, false, T0);
        pay("o-1", "c-1", 3_000, T0.plusSeconds(60));
        refund("o-1", "r-1", 1_000);
        LiftTally once = tallies.get(REMINDER);

        assertTrue(pay("o-1", "c-1", 3_000, T0.plusSeconds(61)).unchanged());
        assertTrue(refund("o-1", "r-1", 1_000).unchanged());
        assertEquals(once, tallies.get(REMINDER));
        assertEquals(new LiftTally.Arm(1, 2_000, BigInteger.valueOf(4_000_000)), once.treated());
    }

    @Test
    void aRefundBeforeItsPaymentGivesTheSameReportAsAfter() {
        assign("CART#k1#reminder", "c-1", REMINDER, false, T0);
        assign("CART#k2#reminder", "c-2", REMINDER, false, T0);
        pay("o-1", "c-1", 3_000, T0.plusSeconds(60));
        refund("o-1", "r-1", 1_200);
        refund("o-2", "r-2", 1_200);
        pay("o-2", "c-2", 3_000, T0.plusSeconds(60));

        LiftTally.Arm arm = tallies.get(REMINDER).treated();
        assertEquals(new LiftTally.Arm(2, 3_600, BigInteger.valueOf(2 * 1_800L * 1_800L)), arm);
    }

    @Test
    void aRefundOfMoreThanWasPaidLeavesNoNegativeRevenue() {
        assign("CART#k1#reminder", "c-1", REMINDER, false, T0);
        pay("o-1", "c-1", 3_000, T0.plusSeconds(60));
        refund("o-1", "r-1", 2_000);
        refund("o-1", "r-2", 2_000);

        assertEquals(new LiftTally.Arm(1, 0, BigInteger.ZERO), tallies.get(REMINDER).treated(),
                "a refunded order still was a conversion; its revenue is gone");
    }

    @Test
    void anOrderOfAnotherMemberOrBeforeTheAssignmentCountsForNothing() {
        assign("CART#k1#reminder", "c-1", REMINDER, false, T0);
        pay("o-1", "c-1", 3_000, T0.minusSeconds(1));
        pay("o-2", "c-2", 3_000, T0.plusSeconds(1));

        assertEquals(LiftTally.Arm.ZERO, tallies.get(REMINDER).treated());
    }

    @Test
    void anOrderBeyondItsRefundLimitIsRefusedWithAReason() {
        OrderCredit full = new OrderCredit("o-1", "c-1", 100, T0, 0,
                java.util.stream.IntStream.range(0, OrderCredit.MAX_REFUNDS).mapToObj(i -> "r-" + i).toList(),
                List.of());
        var refused = assertThrows(InvalidInputException.class,
                () -> attribution.refunded(full, "r-new", 1, List.of()));
        assertTrue(refused.detail().contains("at most 50 refunds"), refused.detail());
    }

    @Test
    void theStepIsReadFromTheBusinessKey() {
        assertEquals("reminder", LiftSteps.of("CART#k1#reminder"));
        assertEquals("2", LiftSteps.of("WINBACK#c-1#20261101#2"));
        assertEquals("wedding", LiftSteps.of("ANNIVERSARY#wedding#c-1#2026"));
        assertEquals("spring-teas", LiftSteps.of("BROADCAST#spring-teas#c-1"));
        assertEquals("-", LiftSteps.of("BIRTHDAY#c-1#2026"));
        assertThrows(IllegalArgumentException.class, () -> LiftSteps.of("CART#k1"));
    }

    @Test
    void thePeriodIsTheIsoWeekOfTheAssignmentInTheStoresZone() {
        var shanghai = java.time.ZoneId.of("Asia/Shanghai");
        assertEquals("2026-W53", LiftCell.periodOf(Instant.parse("2026-12-31T12:00:00Z"), shanghai));
        assertEquals("2027-W01", LiftCell.periodOf(Instant.parse("2027-01-03T17:00:00Z"), shanghai),
                "Monday 4 January 2027, 01:00 in Shanghai");
        assertEquals(REMINDER, LiftCell.ofKey(REMINDER.key()));
    }

    private void assign(String key, String customer, LiftCell cell, boolean heldOut, Instant at) {
        assignments.put(key, LiftAssignment.settled(key, customer, cell, heldOut, at));
        tallies.merge(cell, LiftTally.assigned(heldOut ? Settled.HELD_OUT : Settled.SENT, 0), LiftTally::plus);
    }

    private LiftAttribution.Outcome pay(String orderId, String customer, long amount, Instant at) {
        List<LiftAssignment> open = new ArrayList<>(assignments.values().stream()
                .filter(a -> a.customerId().equals(customer)).toList());
        return apply(attribution.paid(order(orderId, customer), amount, at, open));
    }

    private LiftAttribution.Outcome refund(String orderId, String refundId, long amount) {
        OrderCredit prior = orders.getOrDefault(orderId, OrderCredit.none(orderId, "c-" + orderId.substring(2)));
        List<LiftAssignment> credited = prior.creditedKeys().stream().map(assignments::get).toList();
        return apply(attribution.refunded(prior, refundId, amount, credited));
    }

    private OrderCredit order(String orderId, String customer) {
        return orders.getOrDefault(orderId, OrderCredit.none(orderId, customer));
    }

    private LiftAttribution.Outcome apply(LiftAttribution.Outcome outcome) {
        orders.put(outcome.order().orderId(), outcome.order());
        outcome.assignments().forEach(a -> assignments.put(a.businessKey(), a));
        outcome.changes().forEach((cell, change) -> tallies.merge(cell, change, LiftTally::plus));
        return outcome;
    }
}
