package dev.storecrm.privacyrequests;

import dev.storecrm.domain.privacy.RawMailArchive;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The InboundMailBucket, as an erasure reaches it: {@code DeleteObject} on the keys of the member's messages, under
 * the prefix the receipt rule writes to (the function's policy grants nothing else). S3 answers a delete of a key
 * already gone with success, so a step run again deletes nothing more.
 */
final class S3RawMailArchive implements RawMailArchive {

    static final String PREFIX = "inbound/";

    private final S3Client s3;
    private final String bucket;

    S3RawMailArchive(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void delete(String key) {
        if (!key.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a raw mail's key is under " + PREFIX);
        }
        s3.deleteObject(d -> d.bucket(bucket).key(key));
    }
}
