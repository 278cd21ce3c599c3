package dev.storecrm.domain.concurrency;

import dev.storecrm.domain.ConcurrentUpdateException;

/**
 * The one optimistic-concurrency loop: an attempt reads a record, decides and writes it back
 * conditionally; when the store reports a conflict ({@link ConcurrentUpdateException}: another writer
 * changed the record since it was read), the attempt runs again, up to a fixed number of times.
 * After that it gives up with a {@link ConcurrentUpdateException} naming the record and the attempts,
 * so the message goes back to its queue and is retried later instead of being lost. Any other error
 * ends the loop at once, and so does a conflict an inner loop already gave up on (attempts do not
 * multiply when one retried write calls another).
 */
public final class OptimisticRetry {

    /** How often the services try a read, decide, conditional write before giving the message back. */
    public static final int DEFAULT_ATTEMPTS = 5;

    private static final OptimisticRetry STANDARD = new OptimisticRetry(DEFAULT_ATTEMPTS);

    private final int attempts;

    public OptimisticRetry(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt, not " + attempts);
        }
        this.attempts = attempts;
    }

    /** {@value #DEFAULT_ATTEMPTS} attempts. */
    public static OptimisticRetry standard() {
        return STANDARD;
    }

    /** One read, decide, conditional write; numbered from 1, so that a retry can read consistently. */
    @FunctionalInterface
    public interface Attempt<T> {
        /**
         * @throws ConcurrentUpdateException when the record changed since this attempt read it
         */
        T run(int number);
    }

    /**
     * Runs the attempt until it returns, at most {@link #attempts()} times.
     *
     * @param subject what is being changed, for the error (ids only, never personal data), e.g. {@code cart c-1}
     * @throws ConcurrentUpdateException when every attempt met a conflict (the last one is its cause)
     */
    public <T> T run(String subject, Attempt<T> attempt) {
        ConcurrentUpdateException last = null;
        for (int number = 1; number <= attempts; number++) {
            try {
                return attempt.run(number);
            } catch (ConcurrentUpdateException conflict) {
                if (conflict.gaveUp()) {
                    throw conflict;
                }
                last = conflict;
            }
        }
        throw new ConcurrentUpdateException(subject + " kept changing: gave up after " + attempts
                + (attempts == 1 ? " attempt" : " attempts"), last);
    }

    public int attempts() {
        return attempts;
    }
}
