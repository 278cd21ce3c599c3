package dev.storecrm.domain.rfm;

import dev.storecrm.domain.ConcurrentUpdateException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where RFM is kept (the RfmTable): members' states, the histogram, the memberships and the counts. */
public interface RfmBook {

    Optional<RfmState> find(String customerId, boolean consistentRead);

    /**
     * The histogram summed over its shards, with the weeks from {@code fromWeek} on (a bounded read:
     * see docs/rfm.md).
     */
    RfmHistogram histogram(long fromWeek);

    /**
     * Saves the change in one transaction (state, memberships, histogram, live counts), on the condition
     * that the state is still the version read; then files the member's shard counts as those of {@code day}.
     *
     * @throws ConcurrentUpdateException when the state changed since it was read
     */
    void save(RfmChange change, LocalDate day);

    /** Members per segment and per audience at the end of {@code day} (as last changed on or before it). */
    Map<RfmChange.Group, Long> counts(LocalDate day);

    /** A page of a segment's or an audience's members, by customer id after {@code after} (null: from the start). */
    List<String> members(RfmChange.Group group, String after, int limit);
}
