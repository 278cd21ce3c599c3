package dev.storecrm.domain.broadcast;

import java.time.Duration;

/** The queue a broadcast's pages travel on, one message per page (the BroadcastQueue). */
public interface BroadcastPages {

    /** Puts the page on the queue, to be handled after {@code delay} (at most 15 minutes). */
    void send(BroadcastPage page, Duration delay);
}
