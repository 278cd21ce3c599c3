package dev.storecrm.domain.caremail;

/** The raw messages SES stored (the InboundMailBucket), as the care desk reads them: the bytes of one, by key. */
public interface RawMail {

    /** The bytes of the message at {@code key} in {@code bucket}, the bucket a receipt names. */
    byte[] read(String bucket, String key);
}
