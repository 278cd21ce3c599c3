package dev.storecrm.domain.broadcast;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where broadcasts are kept (the BroadcastsTable): each definition with its status, how far its fan-out got and
 * what it counted. Every change of status and every page's count is a conditional write, so a page handled twice
 * counts once and a cancelled broadcast stays cancelled.
 */
public interface BroadcastBook {

    /**
     * What one page of members came to.
     *
     * @param members  the members the page read
     * @param heldOut  of them, those in the holdout group (recorded held out, no message, no coupon)
     * @param notFound of them, those not in the member archive (no message)
     * @param queued   per variant, the messages handed to the outbox
     */
    record PageCounts(long members, long heldOut, long notFound, Map<String, Long> queued) {
        public PageCounts {
            queued = Map.copyOf(queued);
        }
    }

    /** A kept broadcast: its definition, status, progress and counts so far. */
    record Stored(Broadcast broadcast, BroadcastStatus status, int pagesDone, Optional<String> after,
                  PageCounts counts, Instant createdAt, String createdBy, Optional<Instant> finishedAt,
                  Optional<String> cancelledBy) {}

    /** A page of the store's broadcasts, newest first, and the cursor of the page after it (none on the last). */
    record Listing(List<Stored> broadcasts, Optional<String> next) {
        public Listing {
            broadcasts = List.copyOf(broadcasts);
        }
    }

    /** The most a page of {@link #list} holds: a broadcast's definition may be 200 KB. */
    int MAX_LIST = 25;

    /** Keeps a new broadcast as a draft; false if one with its id exists. */
    boolean create(Broadcast broadcast, String by, Instant at);

    Optional<Stored> find(String campaignId, boolean consistentRead);

    /**
     * The broadcasts newest first, at most {@code limit} (1 to {@link #MAX_LIST}) after the cursor a previous page
     * gave: one query of a page, whatever the number of broadcasts kept.
     */
    Listing list(Optional<String> after, int limit);

    /** A draft starts (SCHEDULED); false if it is not a draft. */
    boolean schedule(String campaignId, Instant at);

    /** Stops a broadcast that has not finished (CANCELLED, by whom and when); false if it was sent or cancelled. */
    boolean cancel(String campaignId, String by, Instant at);

    /**
     * Counts page {@code page}, if it is the next one and the broadcast still fans out: SENDING, or SENT when it was
     * the last; false (nothing written) if the page was counted before or the broadcast was cancelled.
     */
    boolean recordPage(String campaignId, int page, PageCounts counts, Optional<String> after, boolean last,
                       Instant at);
}
