package dev.storecrm.importer;

import dev.storecrm.platform.adapter.OrderOwners;
import dev.storecrm.platform.dynamodb.DynamoDbOrderOwners;
import dev.storecrm.platform.events.EventBridgeStoreBus;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * {@code ./dev import --bus <name>}: the import into a deployed stack, as the caller: the SDK's
 * default credentials (environment, shared profile, IAM Identity Center, instance or container role)
 * and Region ({@code --region}, or the default chain). The caller needs {@code events:PutEvents} on
 * the bus, and for the options that use them {@code dynamodb:PutItem} on the OrderOwnersTable and
 * {@code secretsmanager:GetSecretValue} on the REST key's secret. Events carry the source
 * {@code storecrm.import}.
 */
final class DeployedImport {

    /** Orders are remembered as long as the adapters remember them ({@code ORDER_OWNER_RETENTION_DAYS}). */
    private static final Duration OWNER_RETENTION = Duration.ofDays(400);

    private DeployedImport() {}

    static Optional<Importer.Result> run(ImportOptions options, PrintStream out, Map<String, String> environment) {
        Region region = options.region().map(Region::of).orElseGet(() -> DefaultAwsRegionProviderChain.builder().build()
                .getRegion());
        DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        Clock clock = Clock.systemUTC();
        out.println("StoreCRM history import into " + options.bus().orElseThrow() + " (" + region + ")");
        try (EventBridgeClient eventBridge = http(EventBridgeClient.builder()).region(region)
                .credentialsProvider(credentials).build();
             DynamoDbClient dynamoDb = http(DynamoDbClient.builder()).region(region).credentialsProvider(credentials)
                     .build();
             SecretsManagerClient secrets = http(SecretsManagerClient.builder()).region(region)
                     .credentialsProvider(credentials).build()) {
            OrderOwners table = options.orderOwnersTable()
                    .<OrderOwners>map(name -> new DynamoDbOrderOwners(dynamoDb, name, OWNER_RETENTION, clock))
                    .orElse(OrderOwners.NONE);
            return new ImportRun(options,
                    new EventBridgeStoreBus(eventBridge, options.bus().orElseThrow(), "storecrm.import")::publish,
                    new RememberedOrderOwners(table), options.currency().orElseGet(HistoryImport::templateCurrency),
                    environment, id -> secrets.getSecretValue(g -> g.secretId(id)).secretString(),
                    Duration.ofSeconds(1), clock).execute(out);
        }
    }

    private static <B extends SdkSyncClientBuilder<B, ?>> B http(B builder) {
        return builder.httpClient(UrlConnectionHttpClient.create());
    }
}
