package dev.storecrm.domain.loyalty;

import static dev.storecrm.domain.loyalty.LoyaltyFixtures.POLICY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.referral.LedgerReferralRewards;
import dev.storecrm.domain.time.SimulatedClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Referral rewards paid into the real ledger (in memory): once per key, taken back as far as they are unspent. */
class LedgerReferralRewardsTest {

    private final PointsInMemory book = new PointsInMemory();
    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2027-03-10T04:00:00Z"));
    private final PointsLedger ledger = new PointsLedger(book, book, requests -> { }, POLICY, clock);
    private final LedgerReferralRewards rewards = new LedgerReferralRewards(ledger, clock);

    @Test
    void aRewardIsGivenOnceAndTakenBackOnlyAsFarAsTheMemberCanStillSpendIt() {
        assertTrue(rewards.give("c-1", 500, "referral:c-2", "referral reward for c-2"));
        assertFalse(rewards.give("c-1", 500, "referral:c-2", "referral reward for c-2"), "the same key again");
        ledger.grant("c-1", new Grant(EntryKind.ADJUSTMENT, -300, "spent", Optional.of("ops"), Optional.of("test")));

        assertEquals(200, rewards.takeBack("c-1", 500, "referral:c-2:reversal", "first order refunded"));
        assertEquals(0, rewards.takeBack("c-1", 500, "referral:c-2:reversal", "first order refunded"));
        assertEquals(List.of("referral 500 request:referral:c-2", "adjustment -300 request:spent",
                "adjustment -200 request:referral:c-2:reversal"), book.entriesOf("c-1").stream()
                .map(e -> e.kind().wire() + " " + e.points() + " " + e.posting().source()).toList());
        assertEquals(0, book.balance("c-1"), "never below zero: the 300 spent stay spent");
        assertEquals(Optional.of("referral-programme"), book.entriesOf("c-1").getLast().posting().actor());
    }
}
