package dev.storecrm.platform.messaging;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps this instance's sends under its share of the SES send rate, strictly: at most
 * {@code perSecond} sends in any window of a little over a second (the margin absorbs network
 * jitter, so that SES, counting on its side, never sees more). The stack's rate is shared by the
 * sender's instances: the template caps their number, and each gets an equal share, rounded down.
 */
public final class Pacer {

    /** One second plus a margin for the time a request takes to reach SES. */
    static final long WINDOW_NANOS = 1_050_000_000L;

    private final int perSecond;
    private final Deque<Long> recent = new ArrayDeque<>();

    public Pacer(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("a send rate must be at least 1 per second");
        }
        this.perSecond = perSecond;
    }

    /** This instance's share of an account-wide rate. */
    public static Pacer share(double accountRate, long instances) {
        return new Pacer((int) Math.max(1, Math.floor(accountRate / instances)));
    }

    /** Waits until this instance may send one more message. */
    public synchronized void awaitSlot() {
        long now = System.nanoTime();
        if (recent.size() == perSecond) {
            long wait = recent.peekFirst() + WINDOW_NANOS - now;
            if (wait > 0) {
                sleep(wait);
                now = System.nanoTime();
            }
            recent.pollFirst();
        }
        recent.addLast(now);
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pacing sends", e);
        }
    }
}
