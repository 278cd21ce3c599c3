package dev.storecrm.platform;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the SDK clients once per function instance: the url-connection HTTP client (smallest
 * cold start), the region Lambda sets in {@code AWS_REGION}, and credentials from the environment
 * (Lambda) or, second, from JVM system properties (the local cloud). Endpoints come only from the
 * SDK's own configuration ({@code AWS_ENDPOINT_URL_*} or {@code aws.endpointUrl*}), so the same
 * code talks to AWS and to emulators.
 */
public final class AwsClients {

    private final Region region;
    private final AwsCredentialsProvider credentials;

    public AwsClients(Settings settings) {
        this.region = Region.of(settings.required("AWS_REGION"));
        this.credentials = AwsCredentialsProviderChain.of(
                EnvironmentVariableCredentialsProvider.create(), SystemPropertyCredentialsProvider.create());
    }

    public DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(region)
                .credentialsProvider(credentials)
                .build();
    }

    public SqsClient sqs() {
        return SqsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(region)
                .credentialsProvider(credentials)
                .build();
    }

    /**
     * SES with the SDK's standard retry strategy: three attempts with exponential back-off and
     * jitter; a send still throttled after that is put off by the sender, not failed.
     */
    public SesV2Client sesV2() {
        return SesV2Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.standardRetryStrategy()))
                .build();
    }

    public SecretsManagerClient secretsManager() {
        return SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(region)
                .credentialsProvider(credentials)
                .build();
    }
}
