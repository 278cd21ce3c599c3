package dev.storecrm.platform;

import dev.storecrm.domain.messaging.SmsSender;
import dev.storecrm.platform.sms.EndUserMessagingSmsSender;
import dev.storecrm.platform.priming.Priming;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpService;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the SDK clients once per function instance: the url-connection HTTP client (smallest
 * cold start), the region Lambda sets in {@code AWS_REGION}, and credentials from the environment
 * (Lambda) or, second, from JVM system properties (the local cloud). Endpoints come only from the
 * SDK's own configuration ({@code AWS_ENDPOINT_URL_*} or {@code aws.endpointUrl*}), so the same
 * code talks to AWS and to emulators. Where the SDK's own setting
 * {@code software.amazon.awssdk.http.service.impl} (system property) or
 * {@code SYNC_HTTP_SERVICE_IMPL} (environment) names another HTTP implementation, the SDK builds
 * that one instead; the local cloud uses this for its loopback transport. Each client is registered
 * for SnapStart priming ({@link Priming}) with a request it marshals and signs but never sends.
 */
public final class AwsClients {

    /** The table, queue, key and secret a priming request names; never sent ({@link Priming}). */
    private static final String PRIMING = "storecrm-priming";
    private static final String PRIMING_QUEUE = "https://sqs.us-east-1.amazonaws.com/000000000000/" + PRIMING;

    private final Region region;
    private final AwsCredentialsProvider credentials;

    public AwsClients(Settings settings) {
        this.region = Region.of(settings.required("AWS_REGION"));
        this.credentials = AwsCredentialsProviderChain.of(
                EnvironmentVariableCredentialsProvider.create(), SystemPropertyCredentialsProvider.create());
    }

    public DynamoDbClient dynamoDb() {
        DynamoDbClient client = http(DynamoDbClient.builder())
                .region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(Priming::marshalOnly)
                .build();
        Priming.client("DynamoDB", () -> client.getItem(r -> r.tableName(PRIMING)
                .key(Map.of("pk", AttributeValue.fromS(PRIMING))).overrideConfiguration(Priming::request)));
        return client;
    }

    public SqsClient sqs() {
        SqsClient client = http(SqsClient.builder())
                .region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(Priming::marshalOnly)
                .build();
        Priming.client("SQS", () -> client.sendMessage(r -> r.queueUrl(PRIMING_QUEUE).messageBody(PRIMING)
                .overrideConfiguration(Priming::request)));
        return client;
    }

    /**
     * SES with the SDK's standard retry strategy: three attempts with exponential back-off and
     * jitter; a send still throttled after that is put off by the sender, not failed.
     */
    public SesV2Client sesV2() {
        SesV2Client client = http(SesV2Client.builder())
                .region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(c -> Priming.marshalOnly(c)
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy()))
                .build();
        Priming.client("SES", () -> client.sendEmail(r -> r.fromEmailAddress("priming@example.com")
                .destination(d -> d.toAddresses("priming@example.com"))
                .content(c -> c.simple(m -> m.subject(s -> s.data(PRIMING)).body(b -> b.text(s -> s.data(PRIMING)))))
                .overrideConfiguration(Priming::request)));
        return client;
    }

    public EventBridgeClient eventBridge() {
        EventBridgeClient client = http(EventBridgeClient.builder())
                .region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(Priming::marshalOnly)
                .build();
        Priming.client("EventBridge", () -> client.putEvents(r -> r.entries(e -> e.source(PRIMING)
                .detailType(PRIMING).detail("{}")).overrideConfiguration(Priming::request)));
        return client;
    }

    public SecretsManagerClient secretsManager() {
        SecretsManagerClient client = http(SecretsManagerClient.builder())
                .region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(Priming::marshalOnly)
                .build();
        Priming.client("Secrets Manager", () -> client.getSecretValue(r -> r.secretId(PRIMING)
                .overrideConfiguration(Priming::request)));
        return client;
    }

    /**
     * The End User Messaging SMS adapter ({@link EndUserMessagingSmsSender}) with this function's HTTP client,
     * region and credentials.
     */
    public SmsSender endUserMessagingSms(String originationIdentity, Optional<String> configurationSet) {
        return new EndUserMessagingSmsSender(httpClient(), region, credentials, originationIdentity,
                configurationSet);
    }

    /** Another service's client builder, set up as the ones above: HTTP client, region, credentials. */
    public <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder) {
        return http(builder).region(region).credentialsProvider(credentials);
    }

    /** A bare HTTP client as {@link #http} picks it: url-connection, unless the SDK's setting names another. */
    static SdkHttpClient httpClient() {
        Optional<String> named = SdkSystemSetting.SYNC_HTTP_SERVICE_IMPL.getStringValue();
        if (named.isEmpty()) {
            return UrlConnectionHttpClient.create();
        }
        try {
            return ((SdkHttpService) Class.forName(named.get()).getDeclaredConstructor().newInstance())
                    .createHttpClientBuilder().build();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot build the HTTP implementation " + named.get(), e);
        }
    }

    /** The url-connection client, unless the SDK's own setting names another HTTP implementation. */
    static <B extends SdkSyncClientBuilder<B, ?>> B http(B builder) {
        return SdkSystemSetting.SYNC_HTTP_SERVICE_IMPL.getStringValue().isPresent()
                ? builder
                : builder.httpClient(UrlConnectionHttpClient.create());
    }
}
