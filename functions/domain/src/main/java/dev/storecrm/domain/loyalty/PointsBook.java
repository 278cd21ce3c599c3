package dev.storecrm.domain.loyalty;

import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.Revisioned;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where the ledger keeps a member's points: the account (revisioned), one record per order (with
 * the account revision that last wrote it), request markers, and the entries.
 */
public interface PointsBook {

    /**
     * One write of a decision: the account at revision {@code expectedRevision + 1} (1 for a new one),
     * the order's record, a request's marker, the entries. All or nothing.
     *
     * @param expectedOrderRevision the account revision the order's record was read at (empty: none existed)
     */
    record Movement(PointsAccount account, OptionalLong expectedRevision, Optional<OrderPointsState> order,
                    OptionalLong expectedOrderRevision, Optional<String> request, List<LedgerEntry> entries,
                    Instant at) {
        public Movement {
            entries = List.copyOf(entries);
        }

        public long revision() {
            return expectedRevision.orElse(0) + 1;
        }
    }

    Optional<Revisioned<PointsAccount>> account(String customerId, boolean consistentRead);

    Optional<Revisioned<OrderPointsState>> order(String customerId, String orderId, boolean consistentRead);

    boolean requestRecorded(String customerId, String requestKey);

    /** @throws ConcurrentUpdateException when the account, the order's record or the request changed since read */
    void commit(Movement movement);

    /** A member's entries, the latest first: at most {@code limit}, before the sequence {@code before} if given. */
    List<LedgerEntry> entries(String customerId, int limit, OptionalLong before);
}
