package dev.storecrm.domain.referral;

import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.Revisioned;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Where referrals are kept: one record per referee, saved with optimistic concurrency, listed for staff. */
public interface ReferralBook {

    Optional<Revisioned<Referral>> find(String refereeId, boolean consistentRead);

    /**
     * Saves the referral if its stored revision is still {@code expectedRevision} (empty: it must not exist yet).
     *
     * @throws ConcurrentUpdateException if another writer got there first
     */
    void save(Referral referral, OptionalLong expectedRevision);

    /** A page of referrals, oldest first, and the cursor of the next page if there is one. */
    record Page(List<Referral> referrals, Optional<String> next) {
        public Page {
            referrals = List.copyOf(referrals);
        }
    }

    /** The referrals first seen in {@code month} (UTC), after {@code cursor}, at most {@code limit}. */
    Page recordedIn(YearMonth month, Optional<String> cursor, int limit);

    /** The referrals naming {@code referrerId}, after {@code cursor}, at most {@code limit}. */
    Page referredBy(String referrerId, Optional<String> cursor, int limit);
}
