package dev.storecrm.platform.sms;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.messaging.MailSender.RejectedException;
import dev.storecrm.domain.messaging.MailSender.ThrottledException;
import dev.storecrm.domain.messaging.SmsSender;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;

/**
 * {@link SmsSender} on AWS End User Messaging SMS: {@code SendTextMessage} of the {@code pinpoint-sms-voice-v2}
 * API (AWS JSON 1.0, {@code X-Amz-Target: PinpointSMSVoiceV2.SendTextMessage}, signing name {@code sms-voice}),
 * made with the SDK's HTTP client and SigV4 signer. The SDK's own {@code pinpointsmsvoicev2} module is not
 * served at the SDK version the rest of the functions use (2.59.1), and one jar does not mix SDK versions
 * (docs/messaging.md).
 *
 * <p>Endpoint: the SDK's own settings for the service ({@code AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2} or
 * {@code aws.endpointUrlPinpointSmsVoiceV2}, then the global {@code AWS_ENDPOINT_URL} or {@code aws.endpointUrl}),
 * else {@code https://sms-voice.<region>.amazonaws.com}. Errors: {@code ThrottlingException} and server errors
 * are retried (three attempts in all, exponential back-off with jitter, as the SDK's standard strategy), then
 * thrown as {@link ThrottledException}; a {@code ConflictException} whose reason is
 * {@code DESTINATION_PHONE_NUMBER_OPTED_OUT} is an {@link SmsSender.OptedOutException}; {@code ValidationException},
 * other {@code ConflictException}s and {@code ResourceNotFoundException} are never retried and are a
 * {@link RejectedException}; anything
 * else (access denied, quota) propagates, so the batch retries the message and, failing that, dead-letters it.
 */
public final class EndUserMessagingSmsSender implements SmsSender {

    static final String TARGET = "PinpointSMSVoiceV2.SendTextMessage";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> REJECTED = Set.of("ValidationException", "ConflictException",
            "ResourceNotFoundException");
    private static final String OPTED_OUT = "DESTINATION_PHONE_NUMBER_OPTED_OUT";
    private static final int ATTEMPTS = 3;
    private static final long BASE_DELAY_MILLIS = 100;

    private final SdkHttpClient http;
    private final URI endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final String originationIdentity;
    private final Optional<String> configurationSet;

    public EndUserMessagingSmsSender(SdkHttpClient http, Region region, AwsCredentialsProvider credentials,
                                     String originationIdentity, Optional<String> configurationSet) {
        this.http = http;
        this.region = region;
        this.endpoint = endpoint(region);
        this.credentials = credentials;
        this.originationIdentity = originationIdentity;
        this.configurationSet = configurationSet.filter(name -> !name.isBlank());
    }

    /** The service endpoint, from the SDK's own settings or the region's default. */
    static URI endpoint(Region region) {
        return Optional.ofNullable(System.getProperty("aws.endpointUrlPinpointSmsVoiceV2"))
                .or(() -> Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2")))
                .or(() -> Optional.ofNullable(System.getProperty("aws.endpointUrl")))
                .or(() -> Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL")))
                .filter(url -> !url.isBlank())
                .map(URI::create)
                .orElseGet(() -> URI.create("https://sms-voice." + region.id() + ".amazonaws.com"));
    }

    @Override
    public String send(OutgoingSms sms) {
        String body = body(sms);
        for (int attempt = 1; ; attempt++) {
            Answer answer = call(body);
            if (answer.status() == 200) {
                return answer.json().path("MessageId").asText();
            }
            String type = errorType(answer);
            String message = type + " (HTTP " + answer.status() + ")";
            if (type.equals("ConflictException") && reason(answer).equals(": " + OPTED_OUT)) {
                throw new SmsSender.OptedOutException(message + reason(answer));
            }
            if (REJECTED.contains(type)) {
                throw new RejectedException(message + reason(answer), null);
            }
            boolean retryable = type.equals("ThrottlingException") || answer.status() >= 500;
            if (!retryable) {
                throw new IllegalStateException("End User Messaging SMS refused SendTextMessage: " + message);
            }
            if (attempt == ATTEMPTS) {
                throw new ThrottledException(message, null);
            }
            backOff(attempt);
        }
    }

    private String body(OutgoingSms sms) {
        ObjectNode request = JSON.createObjectNode()
                .put("DestinationPhoneNumber", sms.to())
                .put("OriginationIdentity", originationIdentity)
                .put("MessageBody", sms.body())
                .put("MessageType", sms.type().name());
        configurationSet.ifPresent(name -> request.put("ConfigurationSetName", name));
        if (!sms.context().isEmpty()) {
            ObjectNode context = request.putObject("Context");
            sms.context().forEach(context::put);
        }
        return request.toString();
    }

    private record Answer(int status, JsonNode json, Optional<String> errorHeader) {}

    private Answer call(String body) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", TARGET)
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials.resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sms-voice")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null))
                    .build()).call();
            byte[] bytes;
            try (InputStream content = response.responseBody().map(InputStream.class::cast)
                    .orElseGet(InputStream::nullInputStream)) {
                bytes = content.readAllBytes();
            }
            JsonNode json = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
            return new Answer(response.httpResponse().statusCode(), json,
                    response.httpResponse().firstMatchingHeader("x-amzn-ErrorType"));
        } catch (IOException e) {
            throw new UncheckedIOException("End User Messaging SMS did not answer", e);
        }
    }

    /** The error's short name, from the {@code x-amzn-ErrorType} header or the body's {@code __type}. */
    private static String errorType(Answer answer) {
        String raw = answer.errorHeader().orElseGet(() -> answer.json().path("__type").asText("UnknownError"));
        String type = raw.contains(":") ? raw.substring(0, raw.indexOf(':')) : raw;
        return type.contains("#") ? type.substring(type.lastIndexOf('#') + 1) : type;
    }

    /** The service's reason field (e.g. {@code DESTINATION_PHONE_NUMBER_OPTED_OUT}); never the number. */
    private static String reason(Answer answer) {
        String reason = answer.json().path("Reason").asText("");
        return reason.matches("[A-Z_]{1,64}") ? ": " + reason : "";
    }

    private static void backOff(int attempt) {
        long ceiling = BASE_DELAY_MILLIS << (attempt - 1);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
