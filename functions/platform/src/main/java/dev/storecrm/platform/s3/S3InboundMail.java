package dev.storecrm.platform.s3;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.caremail.RawMail;
import dev.storecrm.domain.privacy.RawMailArchive;
import dev.storecrm.platform.SharedAdapters;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The InboundMailBucket, where the receipt rule writes raw customer mail under {@link #PREFIX}: the care desk reads
 * a message ({@code GetObject}), an erasure deletes a member's ({@code DeleteObject}). One adapter for both; each
 * function's policy grants only the one action it calls, so the care desk cannot delete and an erasure cannot read.
 * A message over {@link #MAX_BYTES} (SES stores up to 40 MB) is refused as too large rather than read into memory;
 * the care team finds it in the bucket. S3 answers a delete of a key already gone with success, so a step run again
 * deletes nothing more.
 */
public final class S3InboundMail implements RawMail, RawMailArchive {

    public static final String PREFIX = "inbound/";
    public static final long MAX_BYTES = 25L * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;

    public S3InboundMail(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** The stack's bucket ({@code INBOUND_MAIL_BUCKET}) through a client configured as every other. */
    public static S3InboundMail from(SharedAdapters shared) {
        return new S3InboundMail(shared.aws().configure(S3Client.builder()).build(),
                shared.env().required("INBOUND_MAIL_BUCKET"));
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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the raw mail", e);
        }
    }

    @Override
    public void delete(String key) {
        if (!key.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a raw mail's key is under " + PREFIX);
        }
        s3.deleteObject(d -> d.bucket(bucket).key(key));
    }
}
