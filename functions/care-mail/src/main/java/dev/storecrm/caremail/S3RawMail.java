package dev.storecrm.caremail;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The inbound bucket, read with {@code GetObject} on the prefix the receipt rule writes to (the function's
 * policy grants nothing else). A message over {@link #MAX_BYTES} (SES stores up to 40 MB) is refused as too large
 * rather than read into memory; the care team finds it in the bucket.
 */
final class S3RawMail implements RawMail {

    static final long MAX_BYTES = 25L * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;

    S3RawMail(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public byte[] read(String bucketName, String key) {
        if (!bucketName.equals(bucket)) {
            throw new InvalidInputException(RejectReason.NOT_FOR_THIS_CONSUMER,
                    "the receipt names another bucket than the stack's inbound mail bucket");
        }
        try (var object = s3.getObject(g -> g.bucket(bucket).key(key))) {
            Long length = object.response().contentLength();
            if (length != null && length > MAX_BYTES) {
                throw new InvalidInputException(RejectReason.ITEM_TOO_LARGE, "the raw mail is over 25 MB");
            }
            return object.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the raw mail", e);
        }
    }
}
