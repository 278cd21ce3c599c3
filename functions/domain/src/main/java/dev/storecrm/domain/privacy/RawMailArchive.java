package dev.storecrm.domain.privacy;

/**
 * The raw customer mail SES stored (the InboundMailBucket), as far as an erasure needs it: an erased member's
 * messages are deleted by their object key. Deleting a key already gone changes nothing.
 */
public interface RawMailArchive {

    void delete(String key);
}
