package dev.storecrm.platform.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storecrm.domain.loyalty.EntryKind;
import dev.storecrm.domain.loyalty.LedgerEntry;
import dev.storecrm.domain.loyalty.Lots;
import dev.storecrm.domain.loyalty.OrderPointsState;
import dev.storecrm.domain.loyalty.PointsAccount;
import dev.storecrm.domain.loyalty.Posting;
import dev.storecrm.domain.loyalty.Redemption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The PointsLedgerTable's items read back as they were written, and the keys that order the entries. */
class PointsItemMapperTest {

    private static final Instant NOW = Instant.parse("2027-03-10T04:00:00Z");
    private static final LocalDate LOT = LocalDate.of(2028, 4, 1);

    @Test
    void anAccountWithLotsAHoldAndItsTimerReadsBackAsWritten() {
        PointsAccount account = PointsAccount.open("c-1").withZone(Optional.of(ZoneId.of("Europe/Berlin")))
                .credit(Lots.of(LOT, 700)).credit(Lots.of(LOT.plusMonths(1), 300))
                .hold("o-9", 400, NOW, NOW.plusSeconds(1_800), ZoneId.of("UTC"))
                .remindedThrough(LOT).armedFor(Optional.of(NOW.plusSeconds(60)));
        Map<String, AttributeValue> item = PointsItemMapper.account(account, 7, NOW);
        assertEquals("account", item.get("record").s());
        assertEquals(account, PointsItemMapper.account(item).value());
        assertEquals(7, PointsItemMapper.account(item).revision());
    }

    @Test
    void anOrderWithItsRedemptionReadsBackAsWritten() {
        OrderPointsState order = new OrderPointsState("o-9", 4, 300, 300, 60_000, 15_000, false, Optional.of(
                new Redemption(Redemption.Status.CONFIRMED, 400, Lots.of(LOT, 400), 100, NOW, NOW.plusSeconds(1_800),
                        Optional.of(NOW.plusSeconds(60)))));
        Map<String, AttributeValue> item = PointsItemMapper.order("c-1", order, 9, NOW);
        assertEquals("order#o-9", item.get("record").s());
        assertEquals(order, PointsItemMapper.order(item).value());
        assertEquals(9, PointsItemMapper.order(item).revision());
    }

    @Test
    void anEntryReadsBackAsWrittenAndEntriesSortByTheRevisionThatWroteThem() {
        Posting reversal = new Posting(EntryKind.REVERSED, -100, Lots.of(LOT, 100), "order:o-9", Optional.of(NOW), 250,
                Optional.empty(), Optional.empty());
        LedgerEntry entry = new LedgerEntry("c-1", 12, 1, reversal, 900, NOW);
        Map<String, AttributeValue> item = PointsItemMapper.entry(entry, NOW.plusSeconds(86_400));
        assertEquals(entry, PointsItemMapper.entry(item));
        assertEquals("entry#000000000012#1", item.get("record").s());
        assertEquals(NOW.plusSeconds(86_400).getEpochSecond(), Long.parseLong(item.get("expiresAt").n()), "its TTL");
        assertEquals(-1, PointsItemMapper.entryRecord(9, 0).compareTo(PointsItemMapper.entryRecord(10, 0)),
                "revision 9 sorts before revision 10");
    }
}
