package dev.storecrm.localcloud;

import java.net.URI;
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
            throw new IllegalStateException("storecrm.cloud=localstack needs a running Docker engine; none answers here. "
                    + "Run without -Dstorecrm.cloud to use the in-JVM emulators.");
        }
        String image = System.getProperty("storecrm.localstack.image", DEFAULT_IMAGE);
        container = new LocalStackContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("localstack/localstack"))
                .withServices("dynamodb", "sqs", "ses");
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
