package dev.storecrm.domain.money;

import static dev.storecrm.domain.TestEvents.paid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.event.StoreEvent;
import dev.storecrm.domain.member.MemberLedger;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.member.OrdersInMemory;
import dev.storecrm.domain.member.TierLadder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Amounts are bounded, and totals are exact: an overflow is refused, never a negative spend. */
class MoneyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

    @Test
    void aTotalThatWouldOverflowIsRefusedWithAReason() {
        assertEquals(5 * Money.MAX_MINOR, Money.total(LongStream.of(Money.MAX_MINOR, Money.MAX_MINOR, Money.MAX_MINOR,
                Money.MAX_MINOR, Money.MAX_MINOR)));
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> Money.total(LongStream.of(Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, Long.MAX_VALUE / 4,
                        Long.MAX_VALUE / 4, Long.MAX_VALUE / 4)));
        assertEquals(RejectReason.AMOUNT_OUT_OF_RANGE, refused.reason());
        assertEquals(RejectReason.AMOUNT_OUT_OF_RANGE, assertThrows(InvalidInputException.class,
                () -> Money.of(Long.MAX_VALUE, "CNY").plus(Money.of(1, "CNY"))).reason());
    }

    @Test
    void fiveLargestPaymentsMakeAPositiveLifetimeSpendAndLargerOnesAreRefusedNotWrapped() {
        MemberPolicy policy = new MemberPolicy(Currency.getInstance("CNY"), MemberPolicy.Enrolment.FIRST_PAID_ORDER, 0,
                BigDecimal.ONE, TierLadder.parse("MEMBER", ""));
        List<StoreEvent> largestPayments = new ArrayList<>();
        List<StoreEvent> beyondPayments = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String at = "2026-11-0" + i + "T00:00:00Z";
            largestPayments.add(paid("p-" + i, at, "c-1", "o-" + i, Money.MAX_MINOR));
            beyondPayments.add(paid("p-" + i, at, "c-1", "o-" + i, Long.MAX_VALUE / 4));
        }
        MemberLedger ledger = new MemberLedger(policy);
        MemberRecord largest = ledger.replay(MemberRecord.newCustomer("c-1"), largestPayments, new OrdersInMemory());
        assertEquals(5 * Money.MAX_MINOR, MemberSummary.of(largest, policy, NOW).lifetimeSpendMinor());
        RejectReason refused = assertThrows(InvalidInputException.class, () -> ledger.replay(
                MemberRecord.newCustomer("c-1"), beyondPayments, new OrdersInMemory())).reason();
        assertTrue(refused == RejectReason.TOTAL_OVERFLOW || refused == RejectReason.AMOUNT_OUT_OF_RANGE,
                "refused, not wrapped (it was -6.9e18 before totals were exact): " + refused);
    }
}
