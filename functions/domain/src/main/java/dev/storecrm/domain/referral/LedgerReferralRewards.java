package dev.storecrm.domain.referral;

import dev.storecrm.domain.loyalty.EntryKind;
import dev.storecrm.domain.loyalty.Grant;
import dev.storecrm.domain.loyalty.PointsLedger;
import java.time.Clock;
import java.util.Optional;

/**
 * Rewards as points in the ledger: a {@code referral} entry, once per request key; a reversal is a
 * negative {@code adjustment} by {@value #ACTOR}, once per request key, of what the member can still
 * spend of the reward (the ledger never goes below zero; the rest stays spent or expired).
 */
public final class LedgerReferralRewards implements ReferralRewards {

    static final String ACTOR = "referral-programme";
    /** A reversal that loses the race to a spending checkout reads again; it gives up after this many. */
    private static final int ATTEMPTS = 4;

    private final PointsLedger ledger;
    private final Clock clock;

    public LedgerReferralRewards(PointsLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public boolean give(String customerId, long points, String requestKey, String reason) {
        return ledger.grant(customerId, new Grant(EntryKind.REFERRAL, points, requestKey, Optional.of(ACTOR),
                Optional.of(reason))).applied();
    }

    @Override
    public long takeBack(String customerId, long points, String requestKey, String reason) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            long available = ledger.account(customerId)
                    .map(account -> account.available(clock.instant(), ledger.policy().storeZone())).orElse(0L);
            long take = Math.min(points, available);
            if (take == 0) {
                return 0;
            }
            Grant.Outcome outcome = ledger.grant(customerId, new Grant(EntryKind.ADJUSTMENT, -take, requestKey,
                    Optional.of(ACTOR), Optional.of(reason)));
            if (!outcome.refused()) {
                return outcome.applied() ? take : 0;
            }
        }
        return 0;
    }
}
