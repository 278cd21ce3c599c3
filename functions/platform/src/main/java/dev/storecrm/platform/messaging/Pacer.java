package dev.storecrm.platform.messaging;

/**
 * Keeps this instance's sends under a rate (messages per second): each send waits for its slot.
 * The stack's SES rate is shared by the sender's instances: the template caps their number, and
 * each instance paces to its share.
 */
public final class Pacer {

    private final long intervalNanos;
    private long nextSlot = System.nanoTime();

    public Pacer(double perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("a send rate must be positive");
        }
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
    }

    /** Waits until this instance may send one more message. */
    public synchronized void awaitSlot() {
        long now = System.nanoTime();
        if (nextSlot < now) {
            nextSlot = now;
        }
        long wait = nextSlot - now;
        nextSlot += intervalNanos;
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pacing sends", e);
            }
        }
    }
}
