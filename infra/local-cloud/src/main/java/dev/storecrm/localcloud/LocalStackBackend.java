package dev.storecrm.localcloud;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack in a container (Testcontainers), for developers with Docker: the same tests and the
 * same provisioning from template.yaml, against LocalStack's DynamoDB and SQS. The image is the
 * last community tag that needs no auth token; override with {@code -Dstorecrm.localstack.image}.
 */
final class LocalStackBackend implements CloudBackend {

    static final String DEFAULT_IMAGE = "localstack/localstack:4.4";

    private final LocalStackContainer container;

    LocalStackBackend() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("storecrm.cloud=localstack needs a running Docker engine; "
                    + "none answers here. Run without -Dstorecrm.cloud to use the in-JVM emulators.");
        }
        String image = System.getProperty("storecrm.localstack.image", DEFAULT_IMAGE);
        DockerImageName localStack = DockerImageName.parse(image).asCompatibleSubstituteFor("localstack/localstack");
        container = new LocalStackContainer(localStack)
                .withServices("dynamodb", "sqs", "ses", "secretsmanager");
        container.start();
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public URI dynamoDbEndpoint() {
        return container.getEndpoint();
    }

    @Override
    public URI sqsEndpoint() {
        return container.getEndpoint();
    }

    @Override
    public URI sesEndpoint() {
        return container.getEndpoint();
    }

    @Override
    public URI secretsManagerEndpoint() {
        return container.getEndpoint();
    }

    @Override
    public URI eventBridgeEndpoint() {
        return container.getEndpoint();
    }

    @Override
    public URI s3Endpoint() {
        return container.getEndpoint();
    }

    @Override
    public void receivePutEvents(java.util.function.BiConsumer<JsonNode, String> bus) {
        // PutEvents go to LocalStack's own EventBridge, which has none of the template's rules:
        // what a function publishes is not routed there (tests of that path run on the emulators).
    }

    /** LocalStack keeps sent mail at {@code GET /_aws/ses}. */
    @Override
    public List<SentMail> sentMail() {
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    container.getEndpoint().resolve("/_aws/ses")).build(), HttpResponse.BodyHandlers.ofString());
            var messages = new ObjectMapper().readTree(response.body()).path("messages");
            List<SentMail> mail = new ArrayList<>();
            for (var m : messages) {
                List<String> to = new ArrayList<>();
                m.path("Destination").path("ToAddresses").forEach(t -> to.add(t.asText()));
                mail.add(new SentMail(m.path("Id").asText(), m.path("Source").asText(), to, m.path("Subject").asText(),
                        m.path("Body").path("html_part").asText(null), m.path("Body").path("text_part").asText(null),
                        Map.of(), List.of()));
            }
            return mail;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read LocalStack's sent mail", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** None of them: see {@link LocalCloud.Feature}. */
    @Override
    public boolean offers(LocalCloud.Feature feature) {
        return false;
    }

    @Override
    public void throttleNextSends(int count) {
        throw new UnsupportedOperationException("SES throttling is injected by the in-JVM gateway, not LocalStack");
    }

    @Override
    public void publishSesEvents(Consumer<JsonNode> events,
                                 Clock clock) {
        // LocalStack does not publish SES events to EventBridge; feedback is tested with the in-JVM emulators.
    }

    @Override
    public List<Long> acceptedSendTimes() {
        throw new UnsupportedOperationException("send timing is measured by the in-JVM gateway, not LocalStack");
    }

    @Override
    public void resetMail() {
        // LocalStack's sent-mail list is append-only; tests read what they sent by recipient.
    }

    @Override
    public String region() {
        return container.getRegion();
    }

    @Override
    public String describe() {
        return "LocalStack " + container.getDockerImageName() + " on " + container.getEndpoint();
    }

    @Override
    public void close() {
        container.stop();
    }
}
