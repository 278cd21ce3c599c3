package dev.storecrm.domain;

/**
 * Another writer changed the record between our read and our conditional write. Services re-read
 * and retry ({@link dev.storecrm.domain.concurrency.OptimisticRetry}); if contention persists the
 * message goes back to its queue and is retried later.
 */
public final class ConcurrentUpdateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConcurrentUpdateException(String what) {
        super(what, null, false, false);
    }

    /** Giving up after several conflicts, the last of which is the cause. */
    public ConcurrentUpdateException(String what, ConcurrentUpdateException last) {
        super(what, last, false, false);
    }
}
