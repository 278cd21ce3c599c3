package dev.storecrm.lift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.campaign.LiftAttribution;
import dev.storecrm.domain.campaign.LiftCell;
import dev.storecrm.domain.campaign.LiftRecorder;
import dev.storecrm.domain.campaign.LiftTally;
import dev.storecrm.domain.campaign.Settled;
import dev.storecrm.domain.coupon.Coupon;
import dev.storecrm.domain.coupon.CouponBook;
import dev.storecrm.domain.coupon.CouponValue;
import dev.storecrm.domain.money.Money;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.memory.InMemoryCoupons;
import dev.storecrm.fixtures.memory.InMemoryLiftBook;
import dev.storecrm.lift.LiftService.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** LiftService with the in-memory book: what each event of the LiftQueue does to a member's assignment's line. */
class LiftServiceTest {

    private static final Instant SENT = Instant.parse("2026-12-01T02:00:00Z");

    private final SimulatedClock clock = new SimulatedClock(SENT.plus(Duration.ofDays(3)));
    private final InMemoryLiftBook book = new InMemoryLiftBook();
    private final InMemoryCoupons coupons = new InMemoryCoupons();
    private final LiftRecorder recorder = new LiftRecorder(book, new LiftAttribution(Duration.ofDays(7)),
            ZoneId.of("Asia/Shanghai"), Duration.ofDays(60));
    private final LiftService service = new LiftService(recorder, coupons, Currency.getInstance("CNY"), clock);

    @Test
    void aPaymentCountsOnceARefundLowersItAndOtherEventsAreNotThisFunctions() {
        recorder.assigned("WINBACK#c-1#1#1", "c-1", "win-back", "-", Settled.SENT, 0, SENT);
        String paid = Events.orderPaid("c-1", "o-1").amount(10_000).at(SENT.plus(Duration.ofDays(1))).json();
        assertEquals(Outcome.COUNTED, service.handle(paid));
        assertEquals(Outcome.UNCHANGED, service.handle(paid), "delivered again");
        assertEquals(Outcome.COUNTED, service.handle(Events.orderRefunded("c-1", "o-1", "r-1").amount(3_000)
                .at(SENT.plus(Duration.ofDays(2))).json()));
        service.handle(Events.orderPaid("c-9", "o-9").amount(500).at(SENT.plus(Duration.ofDays(1))).json());
        assertEquals(Outcome.IGNORED, service.handle(Events.memberRegistered("c-2").json()));
        LiftTally line = book.period("2026-W49").get(new LiftCell("win-back", "1", "-", "2026-W49"));
        assertEquals(1, line.treated().converters());
        assertEquals(7_000, line.treated().revenueMinor(), "10000 paid, 3000 refunded; c-9 has no assignment");
        assertEquals(1, book.period("2026-W49").size());
    }

    @Test
    void aJourneysCouponCostsItsDiscountInItsMessagesLineOncePerOrderAndCode() {
        recorder.assigned("WINBACK#c-1#1#1", "c-1", "win-back", "-", Settled.SENT, 0, SENT);
        String winBack = issue("WINBACK#c-1#1#1", "win-back", "c-1", "10%").code();
        String referral = issue("REFERRAL#c-1#c-7", "referral", "c-1", "CNY:1000").code();
        String placed = Events.orderPlaced("c-1", "o-1").total(12_000).couponCodes(winBack, referral, "STORE10")
                .at(SENT.plus(Duration.ofDays(1))).json();
        assertEquals(Outcome.COUNTED, service.handle(placed));
        assertEquals(Outcome.UNCHANGED, service.handle(placed), "delivered again");
        coupons.redeem(winBack, "o-1", "c-1", Money.of(12_000, "CNY"), SENT.plus(Duration.ofDays(1)));
        assertEquals(Outcome.UNCHANGED, service.handle(placed), "again after the member archive redeemed it");
        assertEquals(Outcome.UNCHANGED, service.handle(Events.orderPlaced("c-1", "o-2").total(50_000)
                .couponCodes(winBack).at(SENT.plus(Duration.ofDays(2))).json()), "another order cannot use it");
        assertEquals(Outcome.IGNORED, service.handle(Events.orderPlaced("c-1", "o-3").json()), "no coupon");
        LiftTally line = book.period("2026-W49").get(new LiftCell("win-back", "1", "-", "2026-W49"));
        assertEquals(1_200, line.couponCostMinor(), "10 % of 12000, once; the referral reward and the store's "
                + "own code are no journey's");
        assertEquals(1, book.period("2026-W49").size());
    }

    @Test
    void aCouponRedeemedAfterItsAssignmentIsForgottenOrOfAGuestsCartCostsNothing() {
        recorder.assigned("BROADCAST#spring#c-1", "c-1", "broadcast:spring", "A", Settled.SENT, 0, SENT);
        String late = issue("BROADCAST#spring#c-1", "broadcast", "c-1", "CNY:1000").code();
        String guests = issue("CART#k-1#cart-coupon", "cart", "g-1", "CNY:1000").code();
        clock.set(SENT.plus(Duration.ofDays(68)));
        assertEquals(Outcome.UNCHANGED, service.handle(Events.orderPlaced("c-1", "o-1").couponCodes(late)
                .at(SENT.plus(Duration.ofDays(67))).json()), "the 7-day window and the 60 days' grace have passed");
        assertEquals(Outcome.UNCHANGED, service.handle(Events.orderPlaced("g-1", "o-2").couponCodes(guests)
                .at(SENT.plus(Duration.ofDays(1))).json()), "a guest's mail is no assignment");
        assertEquals(0, book.period("2026-W49").values().iterator().next().couponCostMinor());
    }

    private Coupon issue(String businessKey, String campaign, String customerId, String value) {
        return coupons.issue(new CouponBook.Issue(businessKey, campaign, customerId, CouponValue.parse(value), SENT,
                SENT.plus(Duration.ofDays(100))));
    }

    @Test
    void moneyInAnotherCurrencyIsRefusedWithItsReason() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> service.handle(
                Events.orderPaid("c-1", "o-1").amount(10_000).currency("USD").at(SENT).json()));
        assertEquals(RejectReason.WRONG_CURRENCY, refused.reason());
        assertEquals("WRONG_CURRENCY: OrderPaid amount is in USD, the store's currency is CNY", refused.getMessage());
        assertEquals(RejectReason.WRONG_CURRENCY, assertThrows(InvalidInputException.class, () -> service.handle(
                Events.orderPlaced("c-1", "o-2").line("SKU-1", "Tea", 1, 500).currency("USD").couponCodes("X1")
                        .at(SENT).json())).reason(), "an order placed with a coupon code");
    }
}
