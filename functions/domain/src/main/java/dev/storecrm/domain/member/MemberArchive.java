package dev.storecrm.domain.member;

import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.Revisioned;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Where member records are kept: one record per customer id, saved with optimistic concurrency. */
public interface MemberArchive {

    /**
     * Reads a member record. An eventually consistent read is cheaper; a conditional save catches
     * a stale one, and the retry reads consistently.
     */
    Optional<Revisioned<MemberRecord>> find(String customerId, boolean consistentRead);

    /**
     * A member record as saved, with the order writes that save carried ({@link #save}): its writer
     * may have stopped before they reached the OrdersTable, so the next writer makes sure they did.
     */
    record Stored(Revisioned<MemberRecord> member, List<ArchivedOrder> unsettled) {
        public Stored {
            unsettled = List.copyOf(unsettled);
        }
    }

    /** Reads a member record for an update: with the order writes its last save carried. */
    default Optional<Stored> findForUpdate(String customerId, boolean consistentRead) {
        return find(customerId, consistentRead).map(member -> new Stored(member, List.of()));
    }

    /**
     * Saves the record with its summary (the derived fields other functions query) and the order
     * writes that go with it (written to the OrdersTable next), if the stored revision is still
     * {@code expectedRevision} (empty: the record must not exist yet).
     *
     * @throws ConcurrentUpdateException if another writer got there first
     */
    void save(MemberRecord record, MemberSummary summary, OptionalLong expectedRevision,
              Collection<ArchivedOrder> unsettled);
}
