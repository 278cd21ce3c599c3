package dev.storecrm.carelists;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The exports' bucket: a file of up to one part ({@code partBytes}, at least S3's 5 MiB) goes up
 * with one {@code PutObject}; a longer one as a multipart upload, one part each time
 * {@code partBytes} have been written, so the function holds one part in memory, never the file.
 * Links are pre-signed {@code GetObject} URLs, signed by the function's role (its policy grants
 * {@code s3:GetObject} on the exports' prefix for that reason).
 */
final class S3ExportStore implements ExportStore {

    static final int MIN_PART_BYTES = 5 * 1024 * 1024;
    private static final String CSV = "text/csv; charset=utf-8";

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final int partBytes;

    S3ExportStore(S3Client s3, String bucket, int partBytes) {
        if (partBytes < MIN_PART_BYTES) {
            throw new IllegalArgumentException("an export part must be at least 5 MiB (S3's minimum part size)");
        }
        this.s3 = s3;
        this.presigner = S3Presigner.builder().s3Client(s3).build();
        this.bucket = bucket;
        this.partBytes = partBytes;
    }

    @Override
    public Upload upload(String key, String fileName) {
        String disposition = "attachment; filename=\"" + fileName + "\"";
        return new Upload() {
            private final ByteArrayOutputStream part = new ByteArrayOutputStream();
            private final List<CompletedPart> parts = new ArrayList<>();
            private String uploadId;

            @Override
            public void write(byte[] bytes) {
                part.writeBytes(bytes);
                if (part.size() >= partBytes) {
                    if (uploadId == null) {
                        uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key(key).contentType(CSV)
                                .contentDisposition(disposition)).uploadId();
                    }
                    flush();
                }
            }

            @Override
            public void complete() {
                if (uploadId == null) {
                    s3.putObject(r -> r.bucket(bucket).key(key).contentType(CSV).contentDisposition(disposition),
                            RequestBody.fromBytes(part.toByteArray()));
                    return;
                }
                if (part.size() > 0) {
                    flush();
                }
                s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
                        .multipartUpload(m -> m.parts(parts)));
            }

            @Override
            public void abort() {
                if (uploadId != null) {
                    s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
                }
            }

            private void flush() {
                int number = parts.size() + 1;
                String etag = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                        RequestBody.fromBytes(part.toByteArray())).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                part.reset();
            }
        };
    }

    @Override
    public void put(String key, String json) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/json"),
                RequestBody.fromString(json, StandardCharsets.UTF_8));
    }

    @Override
    public Optional<String> read(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String());
        } catch (NoSuchKeyException absent) {
            return Optional.empty();
        }
    }

    @Override
    public URI link(String key, Duration validFor) {
        return URI.create(presigner.presignGetObject(p -> p.signatureDuration(validFor)
                .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toString());
    }
}
