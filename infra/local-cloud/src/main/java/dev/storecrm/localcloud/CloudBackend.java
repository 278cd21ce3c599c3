package dev.storecrm.localcloud;

import dev.storecrm.domain.json.tree.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Where the emulated AWS services run: in this JVM on loopback, or in a LocalStack container. */
interface CloudBackend extends AutoCloseable {

    URI dynamoDbEndpoint();

    URI sqsEndpoint();

    URI sesEndpoint();

    URI secretsManagerEndpoint();

    URI eventBridgeEndpoint();

    /** S3, path-style (the list exports' bucket). */
    URI s3Endpoint();

    /** The clock S3 checks pre-signed links' expiry against (the machine's unless set; LocalStack's own). */
    default void checkLinksAgainst(Clock clock) {
    }

    /** Where the events that SDK clients put on a bus ({@code PutEvents}) go: each envelope with its bus's name. */
    void receivePutEvents(BiConsumer<JsonNode, String> bus);

    /** The mail SES accepted, oldest first. */
    List<SentMail> sentMail();

    /** The mail accepted since a (real) moment, in epoch seconds; may include a little before it. */
    default List<SentMail> sentMailSince(long epochSecond) {
        return sentMail();
    }

    /** Whether this backend offers a feature of the in-JVM local cloud (all of them, unless it says otherwise). */
    default boolean offers(LocalCloud.Feature feature) {
        return true;
    }

    /** The next {@code count} sends fail with SES's throttling error. */
    void throttleNextSends(int count);

    /** Where SES's own events (send, delivery, bounce, complaint) go, stamped by this clock. */
    void publishSesEvents(Consumer<JsonNode> events,
                          Clock clock);

    /** When each accepted send arrived at SES, in {@code System.nanoTime()}: the pace actually achieved. */
    List<Long> acceptedSendTimes();

    /** Forgets mail and faults. */
    void resetMail();

    String region();

    /** The {@code AWS_ENDPOINT_URL_*} variables (and region and keys) that point a child process here. */
    default Map<String, String> endpointEnvironment(String accessKey, String secretKey) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", region());
        env.put("AWS_ACCESS_KEY_ID", accessKey);
        env.put("AWS_SECRET_ACCESS_KEY", secretKey);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint().toString());
        env.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint().toString());
        env.put("AWS_ENDPOINT_URL_SESV2", sesEndpoint().toString());
        env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secretsManagerEndpoint().toString());
        env.put("AWS_ENDPOINT_URL_EVENTBRIDGE", eventBridgeEndpoint().toString());
        env.put("AWS_ENDPOINT_URL_S3", s3Endpoint().toString());
        return env;
    }

    String describe();

    @Override
    void close();
}
