package dev.storecrm.domain.messaging;

import java.time.Instant;

/**
 * Deferred work: a timer delivers its body to a target queue when it falls due (within about a
 * minute). Scheduling a timer id again re-arms it; a due timer is delivered at least once, so
 * whatever it triggers must be idempotent (message requests are, by their business keys).
 */
public interface Timers {

    /** A timer: deliver {@code body} to the queue the name {@code target} stands for, at {@code dueAt}. */
    record Timer(String id, String target, String body, Instant dueAt) {}

    void schedule(Timer timer);

    /**
     * Arms the timer unless it is armed for an earlier moment already: a timer only ever brought forward by
     * this, however writers interleave.
     */
    void scheduleNoLaterThan(Timer timer);

    void cancel(String timerId);
}
