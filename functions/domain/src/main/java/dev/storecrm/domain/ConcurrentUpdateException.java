package dev.storecrm.domain;

/**
 * Another writer changed the record between our read and our conditional write. Services re-read
 * and retry; if contention persists the message goes back to its queue and is retried later.
 */
public final class ConcurrentUpdateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConcurrentUpdateException(String what) {
        super(what, null, false, false);
    }
}
