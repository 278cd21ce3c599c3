package dev.storecrm.domain.dispute;

import dev.storecrm.domain.event.Stamp;
import java.util.List;
import java.util.Optional;

/** The append-only history of each dispute. */
public interface DisputeHistory {

    /**
     * Appends an entry unless one with its {@code seq} exists (a redelivered change or chase step),
     * or, with an idempotency key, unless that key was used already.
     *
     * @return false when nothing was appended for those reasons
     */
    boolean append(HistoryEntry entry, Optional<String> idempotencyKey);

    Optional<HistoryEntry> find(String disputeId, Stamp seq);

    /** The entry an agent's request with this idempotency key made, if it was recorded. */
    Optional<HistoryEntry> byIdempotencyKey(String disputeId, String idempotencyKey);

    /** The whole history, oldest first. */
    List<HistoryEntry> of(String disputeId);
}
