package dev.storecrm.platform.batch;

/** Where refused messages are kept, with their reasons, instead of being dropped. */
public interface RejectStore {

    /** Keeps the message; keeping the same message twice keeps it once. */
    void keep(RejectedMessage message);
}
