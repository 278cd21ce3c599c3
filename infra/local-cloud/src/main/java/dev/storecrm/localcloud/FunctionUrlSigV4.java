package dev.storecrm.localcloud;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signature Version 4 for Lambda function URLs with {@code AuthType: AWS_IAM} (service name
 * {@code lambda}), with the SDK's own signer: {@link #sign} signs a request the way an agent's tool
 * would; {@link #verify} checks one the way Lambda does before it invokes the function (the
 * algorithm, the credential's key, region and service, a signing time within five minutes, and the
 * signature over the method, path, query, signed headers and body).
 */
public final class FunctionUrlSigV4 {

    static final String SERVICE = "lambda";
    static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request,"
                    + " ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})");

    /** Why a request was refused, or empty when its signature is valid. */
    public record Verdict(Optional<String> refusal, Optional<String> accessKey) {
        public boolean valid() {
            return refusal.isEmpty();
        }
    }

    private FunctionUrlSigV4() {}

    /** The request's headers with the SigV4 ones added ({@code Authorization}, {@code X-Amz-Date}, {@code Host}). */
    public static Map<String, String> sign(String method, URI url, Map<String, String> headers, String body,
                                           String accessKey, String secretKey, String region, Instant at) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(url);
        headers.forEach(request::putHeader);
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(accessKey, secretKey))
                .request(request.build())
                .payload(ContentStreamProvider.fromUtf8String(body == null ? "" : body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
        Map<String, String> result = new LinkedHashMap<>();
        signed.request().headers().forEach((name, values) -> result.put(name, String.join(",", values)));
        return result;
    }

    public static Verdict verify(String method, URI url, Map<String, String> headers, String body, String accessKey,
                                 String secretKey, String region, Instant now) {
        Map<String, String> lower = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        }
        String authorization = lower.get("authorization");
        if (authorization == null) {
            return refuse("missing Authorization header (the function URL's AuthType is AWS_IAM)");
        }
        Matcher m = AUTHORIZATION.matcher(authorization);
        if (!m.matches()) {
            return refuse("Authorization is not an AWS4-HMAC-SHA256 signature");
        }
        if (!m.group(1).equals(accessKey)) {
            return refuse("unknown access key");
        }
        if (!m.group(3).equals(region) || !m.group(4).equals(SERVICE)) {
            return refuse("signed for " + m.group(3) + "/" + m.group(4) + ", not " + region + "/" + SERVICE);
        }
        Instant signedAt;
        try {
            signedAt = Instant.from(AMZ_DATE.parse(lower.getOrDefault("x-amz-date", "")));
        } catch (DateTimeParseException e) {
            return refuse("missing or malformed X-Amz-Date");
        }
        if (!AMZ_DATE.format(signedAt).startsWith(m.group(2))) {
            return refuse("the credential scope's date is not the signing date");
        }
        if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
            return refuse("signature expired or not yet valid (signed " + signedAt + ", now " + now + ")");
        }
        List<String> signedHeaders = List.of(m.group(5).split(";"));
        if (!signedHeaders.contains("host")) {
            return refuse("the host header must be signed");
        }
        Map<String, String> toSign = new LinkedHashMap<>();
        for (String name : signedHeaders) {
            if (!lower.containsKey(name)) {
                return refuse("signed header " + name + " is missing");
            }
            if (!name.equals("authorization")) {
                toSign.put(name, lower.get(name));
            }
        }
        Map<String, String> expected = sign(method, url, toSign, body, accessKey, secretKey, region, signedAt);
        String expectedAuthorization = expected.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("authorization"))
                .map(Map.Entry::getValue).findFirst().orElse("");
        Matcher e = AUTHORIZATION.matcher(expectedAuthorization);
        if (!e.matches() || !e.group(5).equals(m.group(5))
                || !MessageDigest.isEqual(e.group(6).getBytes(StandardCharsets.US_ASCII),
                        m.group(6).getBytes(StandardCharsets.US_ASCII))) {
            return refuse("the signature does not match the request");
        }
        return new Verdict(Optional.empty(), Optional.of(accessKey));
    }

    private static Verdict refuse(String why) {
        return new Verdict(Optional.of(why), Optional.empty());
    }
}
