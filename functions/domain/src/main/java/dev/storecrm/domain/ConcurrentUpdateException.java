package dev.storecrm.domain;

/**
 * Another writer changed the record between our read and our conditional write. Services re-read
 * and retry ({@link dev.storecrm.domain.concurrency.OptimisticRetry}); if contention persists the
 * message goes back to its queue and is retried later.
 */
public final class ConcurrentUpdateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean gaveUp;

    public ConcurrentUpdateException(String what) {
        super(what, null, false, false);
        this.gaveUp = false;
    }

    /** A retry loop giving up after several conflicts, the last of which is the cause. */
    public ConcurrentUpdateException(String what, ConcurrentUpdateException last) {
        super(what, last, false, false);
        this.gaveUp = true;
    }

    /** True when a retry loop already spent its attempts on this conflict: an outer loop does not start over. */
    public boolean gaveUp() {
        return gaveUp;
    }
}
