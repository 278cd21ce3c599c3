package dev.storecrm.domain.loyalty;

import static dev.storecrm.domain.loyalty.LoyaltyFixtures.POLICY;
import static dev.storecrm.domain.loyalty.LoyaltyFixtures.SHANGHAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PointsAccountTest {

    private static final LocalDate FEB = LocalDate.of(2028, 2, 1);
    private static final LocalDate MAR = LocalDate.of(2028, 3, 1);
    private static final Instant NOW = Instant.parse("2027-06-01T02:00:00Z");

    private final PointsAccount account = PointsAccount.open("c-1").withZone(Optional.of(SHANGHAI))
            .credit(Lots.of(MAR, 300)).credit(Lots.of(FEB, 200));

    @Test
    void spendingTakesThePointsThatExpireFirst() {
        PointsAccount.Taking taking = account.debit(250, NOW, SHANGHAI, Optional.empty());
        assertEquals(Map.of(FEB, 200L, MAR, 50L), taking.taken().byDate());
        assertEquals(250, taking.account().balance());
        assertEquals(Map.of(MAR, 250L), taking.account().lots().byDate());
    }

    @Test
    void aReversalTakesItsOrdersOwnLotFirstAndNeverMoreThanCanBeSpent() {
        PointsAccount.Taking taking = account.debit(600, NOW, SHANGHAI, Optional.of(MAR));
        assertEquals(Map.of(MAR, 300L, FEB, 200L), taking.taken().byDate(), "its own lot, then the rest; 100 short");
        assertEquals(0, taking.account().balance());
    }

    @Test
    void aHoldTakesPointsOutOfReachUntilConfirmedOrReleased() {
        Instant until = NOW.plusSeconds(1_800);
        PointsAccount held = account.hold("o-9", 250, NOW, until, SHANGHAI);
        assertEquals(500, held.balance(), "held points are still the member's");
        assertEquals(250, held.available(NOW, SHANGHAI));
        assertEquals(250, held.reserved());
        assertEquals(250, held.withoutHold("o-9", true).balance(), "confirmed: spent");
        assertEquals(account.lots(), held.withoutHold("o-9", false).lots(),
                "released: back in the lots they came from");
        assertEquals(account.lots(), held.releaseLapsed(until).lots(), "a hold nobody confirmed lapses");
        assertEquals(held, held.releaseLapsed(until.minusSeconds(1)));
    }

    @Test
    void lotsExpireAtTheStartOfTheirDateInTheMembersTimeZone() {
        Instant lastMinute = Instant.parse("2028-01-31T15:59:00Z");
        assertEquals(500, account.available(lastMinute, SHANGHAI), "23:59 on 31 January in Shanghai");
        PointsAccount.Taking expiry = account.expire(lastMinute.plusSeconds(60), SHANGHAI);
        assertEquals(Map.of(FEB, 200L), expiry.taken().byDate());
        assertEquals(300, expiry.account().balance());
        assertEquals(Instant.parse("2028-01-31T16:00:00Z"), account.expiryInstant(FEB, SHANGHAI));
    }

    @Test
    void theNextDueMomentIsTheReminderThenTheExpiry() {
        assertEquals(Optional.of(Instant.parse("2028-01-02T02:00:00Z")), account.nextDue(POLICY),
                "30 days before 1 February, at 10:00 in Shanghai");
        assertEquals(Optional.of(Instant.parse("2028-01-31T02:00:00Z")), account.remindedThrough(FEB).nextDue(POLICY),
                "then 1 March's reminder");
        assertEquals(Optional.of(Instant.parse("2028-01-31T16:00:00Z")), account.remindedThrough(MAR).nextDue(POLICY),
                "then the expiry itself");
        assertEquals(Optional.empty(), PointsAccount.open("c-2").nextDue(POLICY), "nothing to expire, no timer");
        assertEquals(Optional.empty(), PointsAccount.open("c-2").credit(Lots.of(ExpiryRule.NEVER_DATE, 5))
                .nextDue(POLICY));
    }

    @Test
    void theReminderIsDueForTheLotsInItsWindowOnce() {
        Instant firing = Instant.parse("2028-01-31T02:00:00Z");
        assertEquals(Optional.of(new PointsAccount.Reminder(500, FEB, MAR)), account.reminderDue(firing, POLICY),
                "1 February's and 1 March's lots are both within 30 days");
        assertEquals(Optional.empty(), account.remindedThrough(MAR).reminderDue(firing, POLICY));
        assertEquals(Optional.empty(), account.reminderDue(Instant.parse("2028-01-01T02:00:00Z"), POLICY), "too early");
    }

    @Test
    void theBalanceIsAlwaysTheLotsPlusTheHolds() {
        assertThrows(IllegalStateException.class, () -> new PointsAccount("c-1", 10, Lots.of(FEB, 5), Map.of(),
                Optional.empty(), Optional.empty(), Optional.empty()));
        assertThrows(IllegalStateException.class, () -> account.hold("o-1", 501, NOW, NOW, SHANGHAI));
    }
}
