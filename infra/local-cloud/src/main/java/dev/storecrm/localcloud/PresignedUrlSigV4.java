package dev.storecrm.localcloud;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Checks an S3 pre-signed URL (SigV4 in the query string) as S3 does before it serves the object:
 * the algorithm, the credential's key, region and service, the signature over the method, path,
 * query and host (recomputed with the SDK's own signer), and the expiry: {@code X-Amz-Date} plus
 * {@code X-Amz-Expires} (at most 7 days) against the given time.
 */
final class PresignedUrlSigV4 {

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Duration MAX_EXPIRES = Duration.ofDays(7);

    /** Why a link was refused (with S3's error code), or empty when it is valid now. */
    record Verdict(Optional<String> refusal, String code) {}

    private PresignedUrlSigV4() {}

    static Verdict verify(String method, URI url, String accessKey, String secretKey, String region, Instant now) {
        Map<String, String> query = new LinkedHashMap<>();
        StringJoiner unsigned = new StringJoiner("&");
        for (String pair : Optional.ofNullable(url.getRawQuery()).orElse("").split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            query.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            if (!name.startsWith("X-Amz-") && !name.isEmpty()) {
                unsigned.add(pair);
            }
        }
        if (!"AWS4-HMAC-SHA256".equals(query.get("X-Amz-Algorithm")) || !query.containsKey("X-Amz-Signature")) {
            return refuse("AccessDenied", "a GET must be a pre-signed URL (X-Amz-Algorithm AWS4-HMAC-SHA256)");
        }
        String[] scope = query.getOrDefault("X-Amz-Credential", "").split("/");
        if (scope.length != 5 || !scope[0].equals(accessKey)) {
            return refuse("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
        }
        if (!scope[2].equals(region) || !scope[3].equals("s3")) {
            return refuse("AuthorizationQueryParametersError", "signed for " + scope[2] + "/" + scope[3]);
        }
        Instant signedAt;
        long expires;
        try {
            signedAt = Instant.from(AMZ_DATE.parse(query.getOrDefault("X-Amz-Date", "")));
            expires = Long.parseLong(query.getOrDefault("X-Amz-Expires", ""));
        } catch (DateTimeParseException | NumberFormatException e) {
            return refuse("AuthorizationQueryParametersError", "X-Amz-Date or X-Amz-Expires is malformed");
        }
        if (expires < 1 || Duration.ofSeconds(expires).compareTo(MAX_EXPIRES) > 0) {
            return refuse("AuthorizationQueryParametersError", "X-Amz-Expires must be from 1 to 604800 seconds");
        }
        if (now.isAfter(signedAt.plusSeconds(expires))) {
            return refuse("AccessDenied", "Request has expired");
        }
        if (now.isBefore(signedAt.minus(FunctionUrlSigV4.MAX_SKEW))) {
            return refuse("AccessDenied", "Request is not yet valid");
        }
        String bare = url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath()
                + (unsigned.length() == 0 ? "" : "?" + unsigned);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(URI.create(bare))
                .build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(accessKey, secretKey))
                .request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofSeconds(expires))
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC))).request();
        String expected = signed.firstMatchingRawQueryParameter("X-Amz-Signature").orElse("");
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                query.get("X-Amz-Signature").getBytes(StandardCharsets.US_ASCII))) {
            return refuse("SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided.");
        }
        return new Verdict(Optional.empty(), "");
    }

    private static Verdict refuse(String code, String why) {
        return new Verdict(Optional.of(why), code);
    }
}
