package dev.storecrm.platform.messaging;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

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

    /** Waits until this instance may send one more message, and counts it as sent now. */
    public synchronized void awaitSlot() {
        waitForRoom();
        recent.addLast(System.nanoTime());
    }

    /**
     * Sends through {@code send} when this instance may, and counts the send from when it returned: by then the
     * provider has received it, so a slow request that arrives late cannot bunch up with the next ones on the
     * provider's side (a send that waited for room starts at least a window after the returns it counts).
     */
    public synchronized <T> T paced(Supplier<T> send) {
        waitForRoom();
        try {
            return send.get();
        } finally {
            recent.addLast(System.nanoTime());
        }
    }

    private void waitForRoom() {
        if (recent.size() == perSecond) {
            long wait = recent.peekFirst() + WINDOW_NANOS - System.nanoTime();
            if (wait > 0) {
                sleep(wait);
            }
            recent.pollFirst();
        }
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
