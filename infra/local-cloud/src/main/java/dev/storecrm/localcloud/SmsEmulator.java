package dev.storecrm.localcloud;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * AWS End User Messaging SMS ({@code pinpoint-sms-voice-v2}) as far as the functions use it:
 * {@code SendTextMessage}, answered in this JVM through the loopback transport
 * ({@link LoopbackHttpClient#answerInProcess}), so on the calling function's thread, which lets it enforce that
 * function's IAM policy ({@link IamEnforcer#refusal}) as the rest of the local cloud does: the action
 * {@code sms-voice:SendTextMessage} on the origination identity's ARN and, when one is named, on the
 * configuration set's. It checks what the service checks (a signed request, an E.164 number, a message type, a
 * body), records what it accepts ({@link SentSms}), plays a recipient's reply ({@link #reply}), refuses a
 * number that opted out (409 {@code ConflictException}, reason {@code DESTINATION_PHONE_NUMBER_OPTED_OUT}), and
 * on demand throttles ({@code ThrottlingException}) or fails ({@code InternalServerException}) the next sends.
 */
public final class SmsEmulator {

    static final String TARGET = "PinpointSMSVoiceV2.SendTextMessage";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Set<String> TYPES = Set.of("TRANSACTIONAL", "PROMOTIONAL");

    private final URI endpoint;
    private final String region;
    private final List<SentSms> sent = new CopyOnWriteArrayList<>();
    private final Set<String> optedOut = ConcurrentHashMap.newKeySet();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger failing = new AtomicInteger();
    private final AtomicReference<Clock> clock = new AtomicReference<>(Clock.systemUTC());
    private volatile Consumer<String> replies = payload -> {
        throw new IllegalStateException("the local cloud is not provisioned: no topic takes SMS replies");
    };

    /** Answers SendTextMessage at a loopback address of its own, in process (no socket listens there). */
    SmsEmulator(String region) {
        this.region = region;
        this.endpoint = URI.create("http://127.0.0.1:" + EmulatorBackend.freePort());
        LoopbackHttpClient.answerInProcess(endpoint, this::answer);
    }

    URI endpoint() {
        return endpoint;
    }

    /** The texts accepted since the last reset, oldest first. */
    public List<SentSms> sent() {
        return List.copyOf(sent);
    }

    /** SendTextMessage calls received, refused ones included. */
    public int attempts() {
        return attempts.get();
    }

    /** The next {@code count} sends fail with the service's {@code ThrottlingException} (HTTP 400). */
    public void throttleNextSends(int count) {
        throttled.set(count);
    }

    /** The next {@code count} sends fail with the service's {@code InternalServerException} (HTTP 500). */
    public void failNextSends(int count) {
        failing.set(count);
    }

    /** The number is on the account's opt-out list: a send to it is refused, as the service refuses it. */
    public void optOut(String number) {
        optedOut.add(number);
    }

    /**
     * A reply from {@code from} to the store's number, as End User Messaging SMS publishes it to the two-way SNS
     * topic ({@code originationNumber}, {@code destinationNumber}, {@code messageBody}, {@code inboundMessageId},
     * {@code previousPublishedMessageId}), delivered to the topic's SQS subscribers.
     */
    public void reply(String from, String text) {
        Optional<SentSms> last = sent.stream().filter(sms -> sms.to().equals(from)).reduce((first, second) -> second);
        ObjectNode payload = JSON.createObjectNode().put("originationNumber", from)
                .put("destinationNumber", "+12065550100").put("messageKeyword", "KEYWORD_" + Template.ACCOUNT_ID)
                .put("messageBody", text).put("inboundMessageId", UUID.randomUUID().toString());
        last.ifPresent(sms -> payload.put("previousPublishedMessageId", sms.messageId()));
        replies.accept(payload.toString());
    }

    /** Where replies go: the queues subscribed to the two-way topic (set when the local cloud is provisioned). */
    void deliverRepliesTo(Consumer<String> subscribers) {
        this.replies = subscribers;
    }

    void useClock(Clock newClock) {
        clock.set(newClock);
    }

    void reset() {
        sent.clear();
        optedOut.clear();
        attempts.set(0);
        throttled.set(0);
        failing.set(0);
    }

    HttpExecuteResponse answer(SdkHttpRequest request, byte[] body) throws IOException {
        if (!TARGET.equals(request.firstMatchingHeader("X-Amz-Target").orElse(null))) {
            return error(400, "UnknownOperationException", "the local SMS emulator answers only " + TARGET, null);
        }
        String authorization = request.firstMatchingHeader("Authorization").orElse("");
        if (!authorization.startsWith("AWS4-HMAC-SHA256 ") || !authorization.contains("/" + region + "/sms-voice/")) {
            return error(403, "UnrecognizedClientException", "The security token included in the request is invalid",
                    null);
        }
        attempts.incrementAndGet();
        JsonNode send = JSON.readTree(body);
        String identity = send.path("OriginationIdentity").asText("");
        String configurationSet = send.path("ConfigurationSetName").asText(null);
        List<String> resources = new ArrayList<>(List.of(identityArn(identity)));
        if (configurationSet != null) {
            resources.add(arn("configuration-set/" + configurationSet));
        }
        for (String resource : resources) {
            Optional<String> refusal = IamEnforcer.refusal("sms-voice:SendTextMessage", resource);
            if (refusal.isPresent()) {
                return error(400, "AccessDeniedException", refusal.get(), null);
            }
        }
        if (throttled.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return error(400, "ThrottlingException", "Rate exceeded.", null);
        }
        if (failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return error(500, "InternalServerException", "Internal failure.", null);
        }
        String to = send.path("DestinationPhoneNumber").asText("");
        String type = send.path("MessageType").asText("");
        String text = send.path("MessageBody").asText("");
        if (!E164.matcher(to).matches() || !TYPES.contains(type) || text.isEmpty() || text.length() > 1600
                || identity.isEmpty()) {
            return error(400, "ValidationException", "1 validation error detected", "FIELD_VALIDATION_FAILED");
        }
        if (optedOut.contains(to)) {
            return error(409, "ConflictException", "The destination phone number is opted out",
                    "DESTINATION_PHONE_NUMBER_OPTED_OUT");
        }
        Map<String, String> context = new LinkedHashMap<>();
        send.path("Context").properties().forEach(e -> context.put(e.getKey(), e.getValue().asText()));
        String messageId = UUID.randomUUID().toString();
        sent.add(new SentSms(messageId, to, text, type, identity, configurationSet, Map.copyOf(context),
                clock.get().instant()));
        return response(200, JSON.createObjectNode().put("MessageId", messageId), Optional.empty());
    }

    /** The ARN IAM checks for an origination identity given as an ARN, a phone number id, a pool id or a sender id. */
    private String identityArn(String identity) {
        if (identity.startsWith("arn:")) {
            return identity;
        }
        if (identity.startsWith("phone-")) {
            return arn("phone-number/" + identity);
        }
        return identity.startsWith("pool-") ? arn("pool/" + identity) : arn("sender-id/" + identity);
    }

    private String arn(String resource) {
        return "arn:aws:sms-voice:" + region + ":" + Template.ACCOUNT_ID + ":" + resource;
    }

    private static HttpExecuteResponse error(int status, String type, String message, String reason) {
        ObjectNode body = JSON.createObjectNode().put("__type", type).put("Message", message);
        if (reason != null) {
            body.put("Reason", reason);
        }
        return response(status, body, Optional.of(type));
    }

    private static HttpExecuteResponse response(int status, ObjectNode body, Optional<String> errorType) {
        SdkHttpFullResponse.Builder response = SdkHttpFullResponse.builder().statusCode(status)
                .putHeader("Content-Type", "application/x-amz-json-1.0");
        errorType.ifPresent(type -> response.putHeader("x-amzn-ErrorType", type));
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        return HttpExecuteResponse.builder().response(response.build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes))).build();
    }
}
