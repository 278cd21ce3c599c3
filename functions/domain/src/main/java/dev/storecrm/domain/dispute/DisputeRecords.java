package dev.storecrm.domain.dispute;

import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.Revisioned;
import java.util.Optional;
import java.util.OptionalLong;

/** Where dispute records are kept, each saved together with the history entry of the change that made it. */
public interface DisputeRecords {

    Optional<Revisioned<Dispute>> find(String disputeId, boolean consistentRead);

    /**
     * Saves the dispute (if the stored revision is still {@code expectedRevision}, or it does not
     * exist yet) and appends the history entry of the change, atomically. With an idempotency key
     * (an agent's retried request), the action is recorded at most once.
     *
     * @param nearest the dispute's nearest deadline, which orders the agents' queue
     * @return false when the change was already recorded (applied before, or the same idempotency
     *         key): nothing was written
     * @throws ConcurrentUpdateException when the dispute changed since it was read
     */
    boolean save(Dispute dispute, Optional<Deadline> nearest, OptionalLong expectedRevision, HistoryEntry entry,
                 Optional<String> idempotencyKey);
}
