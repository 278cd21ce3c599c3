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
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.events.Events;
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
    private final LiftService service = new LiftService(new LiftRecorder(book,
            new LiftAttribution(Duration.ofDays(7)), ZoneId.of("Asia/Shanghai"), Duration.ofDays(60)),
            Currency.getInstance("CNY"), clock);

    @Test
    void aPaymentCountsOnceARefundLowersItAndOtherEventsAreNotThisFunctions() {
        new LiftRecorder(book, new LiftAttribution(Duration.ofDays(7)), ZoneId.of("Asia/Shanghai"),
                Duration.ofDays(60)).assigned("WINBACK#c-1#1#1", "c-1", "win-back", "-", Settled.SENT, 0, SENT);
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
    void moneyInAnotherCurrencyIsRefusedWithItsReason() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> service.handle(
                Events.orderPaid("c-1", "o-1").amount(10_000).currency("USD").at(SENT).json()));
        assertEquals(RejectReason.WRONG_CURRENCY, refused.reason());
        assertEquals("WRONG_CURRENCY: OrderPaid amount is in USD, the store's currency is CNY", refused.getMessage());
    }
}
