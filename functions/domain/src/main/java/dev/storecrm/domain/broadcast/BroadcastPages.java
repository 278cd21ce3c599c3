package dev.storecrm.domain.broadcast;

import java.time.Instant;

/**
 * The queue a broadcast's pages travel on, one message per page (the BroadcastQueue); a page due later waits as a
 * timer ({@code broadcast#<campaign>#<page>}, target {@code broadcast}) that the timer sweep delivers when due.
 */
public interface BroadcastPages {

    /** Puts the page on the queue at {@code at}: now if it is due, else as a timer. */
    void send(BroadcastPage page, Instant at);
}
