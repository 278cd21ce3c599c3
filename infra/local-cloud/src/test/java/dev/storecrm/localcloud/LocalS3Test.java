package dev.storecrm.localcloud;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The local S3 as the list exports meet it: a multipart upload completed as the SDK writes the
 * request (each part's ETag before its number), S3's minimum part size, an aws-chunked body, and
 * pre-signed links refused when tampered with or expired; a function's own reads, and what S3 tells a
 * caller about a missing key.
 */
class LocalS3Test {

    private static final Instant NOW = Instant.parse("2026-12-05T01:00:00Z");
    private final LocalS3 s3 = new LocalS3("us-east-1");
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        s3.close();
    }

    @Test
    void aMultipartUploadIsJoinedInPartOrderAndServedThroughAPreSignedLink() throws Exception {
        send("PUT", "/exports-bucket", new byte[0]);
        String id = uploadId(send("POST", "/exports-bucket/exports/a.csv?uploads", new byte[0]).body());
        byte[] first = new byte[LocalS3.MIN_PART_BYTES];
        Arrays.fill(first, (byte) 'a');
        send("PUT", "/exports-bucket/exports/a.csv?partNumber=1&uploadId=" + id, first);
        send("PUT", "/exports-bucket/exports/a.csv?partNumber=2&uploadId=" + id,
                "tail".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> done = send("POST", "/exports-bucket/exports/a.csv?uploadId=" + id,
                ("<CompleteMultipartUpload><Part><ETag>\"1\"</ETag><PartNumber>1</PartNumber></Part>"
                        + "<Part><ETag>\"2\"</ETag><PartNumber>2</PartNumber></Part></CompleteMultipartUpload>")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(200, done.statusCode(), done.body());

        s3.useClock(Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));
        HttpResponse<byte[]> file = get(presigned("/exports-bucket/exports/a.csv", NOW, Duration.ofMinutes(15)));
        assertEquals(200, file.statusCode());
        assertEquals(LocalS3.MIN_PART_BYTES + 4, file.body().length);
        assertEquals("tail", new String(file.body(), LocalS3.MIN_PART_BYTES, 4, StandardCharsets.UTF_8));
    }

    @Test
    void aPartSmallerThanFiveMibBeforeTheLastIsRefused() throws Exception {
        send("PUT", "/b", new byte[0]);
        String id = uploadId(send("POST", "/b/k?uploads", new byte[0]).body());
        send("PUT", "/b/k?partNumber=1&uploadId=" + id, new byte[10]);
        send("PUT", "/b/k?partNumber=2&uploadId=" + id, new byte[10]);
        HttpResponse<String> done = send("POST", "/b/k?uploadId=" + id, ("<CompleteMultipartUpload><Part><PartNumber>1"
                + "</PartNumber></Part><Part><PartNumber>2</PartNumber></Part></CompleteMultipartUpload>")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(400, done.statusCode());
        assertTrue(done.body().contains("EntityTooSmall"), done.body());
    }

    @Test
    void linksAreRefusedWhenExpiredTamperedWithOrUnsigned() throws Exception {
        send("PUT", "/b", new byte[0]);
        send("PUT", "/b/k", "x".getBytes(StandardCharsets.UTF_8));
        URI link = presigned("/b/k", NOW, Duration.ofMinutes(15));
        s3.useClock(Clock.fixed(NOW.plus(Duration.ofMinutes(15)), ZoneOffset.UTC));
        assertEquals(200, get(link).statusCode(), "valid to the last second");
        s3.useClock(Clock.fixed(NOW.plus(Duration.ofMinutes(15)).plusSeconds(1), ZoneOffset.UTC));
        assertTrue(new String(get(link).body(), StandardCharsets.UTF_8).contains("Request has expired"));
        s3.useClock(Clock.fixed(NOW, ZoneOffset.UTC));
        HttpResponse<byte[]> other = get(URI.create(link.toString().replace("/b/k?", "/b/other?")));
        assertEquals(403, other.statusCode(), "a link signs one object");
        assertTrue(new String(other.body(), StandardCharsets.UTF_8).contains("SignatureDoesNotMatch"));
        assertEquals(403, get(s3.endpoint().resolve("/b/k")).statusCode(), "no anonymous reads");
    }

    @Test
    void aMissingKeyIs404OnlyToACallerWhoMayListTheBucketAsOnAws() throws Exception {
        send("PUT", "/b", new byte[0]);
        send("PUT", "/b/exports/kept.json", "{}".getBytes(StandardCharsets.UTF_8));
        IamPolicy reader = policy("[s3:GetObject]");
        IamPolicy lister = policy("[s3:GetObject, s3:ListBucket]");
        try (S3Client client = S3Client.builder().endpointOverride(s3.endpoint()).forcePathStyle(true)
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalCloud.ACCESS_KEY, LocalCloud.SECRET_KEY))).build()) {
            assertEquals("{}", IamEnforcer.actingAs(reader, () -> client.getObjectAsBytes(r -> r.bucket("b")
                    .key("exports/kept.json")).asUtf8String()), "a read signed in its headers");
            S3Exception hidden = assertThrows(S3Exception.class, () -> IamEnforcer.actingAs(reader,
                    () -> client.getObjectAsBytes(r -> r.bucket("b").key("exports/gone.json"))));
            assertEquals(403, hidden.statusCode());
            assertEquals("AccessDenied", hidden.awsErrorDetails().errorCode(), "without s3:ListBucket");
            assertThrows(NoSuchKeyException.class, () -> IamEnforcer.actingAs(lister,
                    () -> client.getObjectAsBytes(r -> r.bucket("b").key("exports/gone.json"))));
        }
    }

    private IamPolicy policy(String actions) throws Exception {
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.Y::handleRequest
                      Policies:
                        - Statement:
                            - Effect: Allow
                              Action: %s
                              Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*']
                """.formatted(actions));
        return IamPolicy.of(Template.load(file, "us-east-1", Map.of()), "Fn");
    }

    @Test
    void aDeletedObjectIsGoneAndDeletingItAgainSucceedsAsOnAws() throws Exception {
        send("PUT", "/inbound-bucket", new byte[0]);
        send("PUT", "/inbound-bucket/inbound/m-1", "raw mail".getBytes(StandardCharsets.UTF_8));
        send("PUT", "/inbound-bucket/inbound/m-2", "other mail".getBytes(StandardCharsets.UTF_8));
        assertEquals(204, send("DELETE", "/inbound-bucket/inbound/m-1", new byte[0]).statusCode());
        assertEquals(204, send("DELETE", "/inbound-bucket/inbound/m-1", new byte[0]).statusCode(), "a key gone");
        assertEquals(Set.of("inbound/m-2"), s3.keys("inbound-bucket"), "only the key named goes");
    }

    @Test
    void anAwsChunkedBodyIsDecodedToItsPayload() {
        byte[] chunked = ("5;chunk-signature=ab\r\nhello\r\n6;chunk-signature=cd\r\n world\r\n"
                + "0;chunk-signature=ef\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        assertArrayEquals("hello world".getBytes(StandardCharsets.UTF_8), LocalS3.unchunk(chunked));
    }

    private URI presigned(String path, Instant at, Duration validFor) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(s3.endpoint().resolve(path))
                .build();
        return AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(LocalCloud.ACCESS_KEY, LocalCloud.SECRET_KEY))
                .request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, validFor)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))).request().getUri();
    }

    private HttpResponse<String> send(String method, String path, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(s3.endpoint().resolve(path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> get(URI link) throws Exception {
        return http.send(HttpRequest.newBuilder(link).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String uploadId(String xml) {
        Matcher m = Pattern.compile("<UploadId>([^<]+)</UploadId>").matcher(xml);
        assertTrue(m.find(), xml);
        return m.group(1);
    }
}
