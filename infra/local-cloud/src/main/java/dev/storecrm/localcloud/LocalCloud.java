package dev.storecrm.localcloud;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The local cloud: emulated AWS services on loopback, provisioned from {@code template.yaml}.
 *
 * <p>By default the emulators run in this JVM (DynamoDB Local, ElasticMQ), with the SES v2 emulator
 * (Node) behind a local gateway that also serves Secrets Manager ({@link SmsEmulator} for SMS); with
 * {@code -Dstorecrm.cloud=localstack} they run in a LocalStack container. Either way the SDK is
 * pointed at them through its own configuration (the {@code aws.endpointUrl*}, {@code aws.region}
 * and credential system properties), so handlers run unchanged, with no local branches.
 *
 * <p>What the template defines is what exists: tables with their keys, indexes, streams and TTL;
 * queues with their redrive policies; the event bus rules ({@link #eventBus()}); the functions
 * and their SQS triggers ({@link #functions(Clock)}).
 */
public final class LocalCloud implements AutoCloseable {

    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";

    /**
     * What the in-JVM local cloud offers and LocalStack does not. A test that needs one calls
     * {@link #assume(Feature)} and is skipped, with the reason, where the cloud lacks it.
     */
    public enum Feature {
        SES_THROTTLING("SES throttling is injected by the local cloud's SES gateway; "
                + "LocalStack cannot be made to throttle"),
        SES_EVENTS("SES's own events (sent, delivered, bounced, complaint) come from the local cloud's SES gateway; "
                + "LocalStack does not publish them to EventBridge"),
        SES_SEND_TIMES("when SES accepted each send is measured by the local cloud's SES gateway, not by LocalStack");

        private final String lackedBecause;

        Feature(String lackedBecause) {
            this.lackedBecause = lackedBecause;
        }
    }

    private final CloudBackend backend;
    private final Template template;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final SesV2Client ses;
    private final SecretsManagerClient secrets;
    private final Provisioner provisioner;
    private final SmsEmulator sms;
    private Map<String, String> queueUrls = Map.of();
    /** The bus with the template's rules compiled once, renewed when the queues are created. */
    private volatile LocalEventBus eventBus;

    private LocalCloud(CloudBackend backend) {
        this.backend = backend;
        this.sms = SdkSettings.pointAt(backend);
        // Every SDK client built from here on, the handlers' and the four below, talks to the
        // emulators over the loopback transport (see there); the SDK builds and closes it.
        String loopback = LoopbackHttpClient.Service.class.getName();
        System.setProperty(SdkSystemSetting.SYNC_HTTP_SERVICE_IMPL.property(), loopback);
        LocalMetrics.install();
        this.template = Template.ofProject(backend.region());
        this.dynamoDb = harnessClient(DynamoDbClient.builder(), backend.dynamoDbEndpoint());
        this.sqs = harnessClient(SqsClient.builder(), backend.sqsEndpoint());
        this.ses = harnessClient(SesV2Client.builder(), backend.sesEndpoint());
        this.secrets = harnessClient(SecretsManagerClient.builder(), backend.secretsManagerEndpoint());
        this.provisioner = new Provisioner(template);
        template.useQueueUrls(this::queueUrlByName);
        this.eventBus = new LocalEventBus(template, sqs, queueUrls);
        backend.publishSesEvents(event -> eventBus().publish(event, "default"), Clock.systemUTC());
        backend.receivePutEvents((event, bus) -> eventBus().publish(event, bus));
    }

    /** Starts the backend named by {@code -Dstorecrm.cloud} ({@code emulators}, the default, or {@code localstack}). */
    public static LocalCloud start() {
        String kind = System.getProperty("storecrm.cloud", "emulators");
        CloudBackend backend = switch (kind) {
            case "emulators" -> new EmulatorBackend();
            case "localstack" -> new LocalStackBackend();
            default -> throw new IllegalArgumentException(
                    "storecrm.cloud must be emulators or localstack, not " + kind);
        };
        return new LocalCloud(backend);
    }

    /** Starts LocalStack, whatever {@code storecrm.cloud} says (for tests that run only where Docker is). */
    public static LocalCloud startLocalStack() {
        return new LocalCloud(new LocalStackBackend());
    }

    public static boolean dockerAvailable() {
        return LocalStackBackend.dockerAvailable();
    }

    /** Creates every table, queue and bucket of the template (once; {@link #reset()} empties tables). */
    public LocalCloud provision() {
        if (queueUrls.isEmpty()) {
            provisioner.createTables(dynamoDb);
            queueUrls = provisioner.createQueues(sqs);
            eventBus = new LocalEventBus(template, sqs, queueUrls);
            provisioner.createSecrets(secrets);
            provisioner.createSesResources(ses);
            provisioner.createBuckets(backend.s3Endpoint());
            sms.deliverRepliesTo(message -> SdkSettings.deliverToSqsSubscribers(this, message));
        }
        return this;
    }

    /** Empties everything: tables are dropped and created again, queues purged, meters zeroed. */
    public void reset() {
        for (String table : dynamoDb.listTables().tableNames()) {
            dynamoDb.deleteTable(d -> d.tableName(table));
        }
        provisioner.createTables(dynamoDb);
        queueUrls.values().forEach(url -> sqs.purgeQueue(p -> p.queueUrl(url)));
        backend.resetMail();
        sms.reset();
        CapacityRecorder.reset();
        LocalMetrics.reset();
    }

    /** Creates one table of the template again (after a test deleted it to simulate an outage). */
    public void createTable(String logicalId) {
        provisioner.createTable(dynamoDb, logicalId);
    }

    public Template template() {
        return template;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public String describe() {
        return backend.describe();
    }

    /** The URL of a queue of the template, by logical id. */
    public String queueUrl(String logicalId) {
        String url = queueUrls.get(logicalId);
        if (url == null) {
            throw new IllegalArgumentException("no queue " + logicalId + " (is the cloud provisioned?)");
        }
        return url;
    }

    /** The physical name of a table of the template, by logical id. */
    public String tableName(String logicalId) {
        return template.physicalName(logicalId);
    }

    /** Messages waiting in a queue (visible plus in flight). */
    public int queueDepth(String logicalId) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(g -> g.queueUrl(queueUrl(logicalId))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** The dead-letter queues that hold messages, with how many: empty when nothing was lost. */
    public Map<String, Integer> deadLetters() {
        Map<String, Integer> lost = new java.util.TreeMap<>();
        for (String queue : queueUrls.keySet()) {
            if (queue.endsWith("DeadLetterQueue") && queueDepth(queue) > 0) {
                lost.put(queue, queueDepth(queue));
            }
        }
        return lost;
    }

    /** The logical ids of the template's queues. */
    public List<String> queues() {
        return List.copyOf(queueUrls.keySet());
    }

    /** The template's event buses and rules, delivering to this cloud's queues. */
    public LocalEventBus eventBus() {
        return eventBus;
    }

    /** The template's functions, constructed with this clock, running against this cloud. */
    public LocalFunctions functions(Clock clock) {
        return functions(clock, Map.of());
    }

    /** As {@link #functions(Clock)}, with some environment variables replaced (e.g. a policy under test). */
    public LocalFunctions functions(Clock clock, Map<String, String> environmentOverrides) {
        return functions(clock, environmentOverrides, template);
    }

    /** As {@link #functions(Clock, Map)}, with each function's IAM policy from another template (tests of IAM). */
    public LocalFunctions functions(Clock clock, Map<String, String> environmentOverrides, Template policies) {
        backend.publishSesEvents(event -> eventBus().publish(event, "default"), clock);
        sms.useClock(clock);
        return new LocalFunctions(this, clock, environmentOverrides, policies);
    }

    /** The clock the local S3 checks links' expiry against; the SDK signs with the machine's, so start there. */
    public void checkLinksAgainst(Clock clock) {
        backend.checkLinksAgainst(clock);
    }

    /** The mail SES accepted since the last reset, oldest first. */
    public List<SentMail> sentMail() {
        return backend.sentMail();
    }

    /** The mail SES accepted for {@code address} (among its recipients) since the last reset, oldest first. */
    public List<SentMail> sentMailTo(String address) {
        return sentMail().stream().filter(m -> m.to().contains(address)).toList();
    }

    /** The mail accepted since a real moment (epoch seconds), and perhaps a little more: keep the ids seen. */
    public List<SentMail> sentMailSince(long epochSecond) {
        return backend.sentMailSince(epochSecond);
    }

    public SmsEmulator sms() { // End User Messaging SMS, in this JVM whatever the backend
        return sms;
    }

    /** Whether this cloud offers a feature that only the in-JVM local cloud has. */
    public boolean offers(Feature feature) {
        return backend.offers(feature);
    }

    public void assume(Feature feature) { // a JUnit assumption: skipped, saying why, where the feature is lacking
        Assumptions.assumeTrue(offers(feature), () -> "skipped on " + describe() + ": " + feature.lackedBecause);
    }

    /** The next {@code count} SendEmail calls fail with SES's throttling error (TooManyRequestsException). */
    public void throttleNextSends(int count) {
        backend.throttleNextSends(count);
    }

    public List<Long> acceptedSendTimes() { // when each accepted send reached SES (System.nanoTime())
        return backend.acceptedSendTimes();
    }

    public SecretsManagerClient secretsManager() {
        return secrets;
    }

    /** The {@code AWS_ENDPOINT_URL_*} variables that point a child process at this cloud. */
    public Map<String, String> endpointEnvironment() {
        return backend.endpointEnvironment(ACCESS_KEY, SECRET_KEY);
    }

    @Override
    public void close() {
        dynamoDb.close();
        sqs.close();
        ses.close();
        secrets.close();
        backend.close();
    }

    private String queueUrlByName(String name) {
        return sqs.getQueueUrl(g -> g.queueName(name)).queueUrl();
    }

    /** A client of the harness's own (provisioning, assertions, reports), on the backend's endpoint. */
    private <B extends AwsClientBuilder<B, C>, C> C harnessClient(B builder, URI endpoint) {
        return builder.endpointOverride(endpoint).region(Region.of(backend.region()))
                .credentialsProvider(credentials()).build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    URI sqsEndpoint() {
        return backend.sqsEndpoint();
    }
}
