package dev.storecrm.domain.member;

import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.Revisioned;
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
     * Saves the record with its summary (the derived fields other functions query), if the stored
     * revision is still {@code expectedRevision} (empty: the record must not exist yet).
     *
     * @throws ConcurrentUpdateException if another writer got there first
     */
    void save(MemberRecord record, MemberSummary summary, OptionalLong expectedRevision);
}
