package dev.storecrm.domain.messaging;

import java.time.Instant;
import java.util.List;

/**
 * The timer sweep's side of {@link Timers}: the timers due now, shard by shard (reads proportional to
 * what is due, never to what is armed), and the removal of one that was delivered unless it was
 * re-armed meanwhile.
 */
public interface DueTimers {

    /** A timer as armed; {@code version} changes with every arming, so a re-armed timer is told from a fired one. */
    record Armed(Timers.Timer timer, String version) {}

    int shards();

    /** Up to {@code limit} timers of one shard that are due at {@code now}, the earliest first. */
    List<Armed> due(int shard, Instant now, int limit);

    /** Deletes a delivered timer unless it was re-armed meanwhile; false if it was. */
    boolean deleteFired(Armed fired);
}
