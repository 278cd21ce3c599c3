package dev.storecrm.domain.loyalty;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Applies a {@link Grant}: once per request key; a debit only of points the member can spend. */
final class GrantRules {

    private GrantRules() {}

    static Decision<Grant.Outcome> grant(PointsAccount current, boolean recorded, Grant grant, Instant now,
                                         LoyaltyPolicy policy) {
        PointsAccount account = current.releaseLapsed(now);
        long available = account.available(now, policy.storeZone());
        if (recorded) {
            return Decision.none(new Grant.Outcome(false, false, available));
        }
        String source = "request:" + grant.requestKey();
        Posting posting;
        if (grant.points() > 0) {
            Lots lots = Lots.of(policy.expiry().expiresOn(account.today(now, policy.storeZone())), grant.points());
            account = account.credit(lots);
            posting = Posting.credit(grant.kind(), lots, source, Optional.empty());
        } else {
            if (available < -grant.points()) {
                return Decision.none(new Grant.Outcome(false, true, available));
            }
            PointsAccount.Taking taking = account.debit(-grant.points(), now, policy.storeZone(), Optional.empty());
            account = taking.account();
            posting = Posting.debit(grant.kind(), taking.taken(), source);
        }
        if (grant.actor().isPresent() || grant.reason().isPresent()) {
            posting = posting.by(grant.actor().orElse(""), grant.reason().orElse(""));
        }
        return Decision.of(new Grant.Outcome(true, false, account.available(now, policy.storeZone())),
                new Change(account, Optional.empty(), Optional.of(grant.requestKey()), List.of(posting),
                        List.of(), false));
    }
}
