package dev.storecrm.shopifyadapter;

import dev.storecrm.platform.AwsClients;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.adapter.AdapterRejects;
import dev.storecrm.platform.adapter.Amounts;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.dynamodb.DynamoDbOrderOwners;
import dev.storecrm.platform.dynamodb.DynamoDbRejectStore;
import dev.storecrm.platform.events.EventBridgeStoreBus;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/** The composition root of ShopifyAdapterFunction: settings, clients, adapters, the service. */
record ShopifyAdapterWiring(ShopifyAdapterService service, SqsBatchProcessor batch) {

    static final String CONSUMER = "shopify-adapter";

    ShopifyAdapterWiring(Map<String, String> environment, Clock clock) {
        this(new Settings(environment), clock, new AwsClients(new Settings(environment)));
    }

    private ShopifyAdapterWiring(Settings env, Clock clock, AwsClients aws) {
        this(env, clock, aws, aws.dynamoDb());
    }

    private ShopifyAdapterWiring(Settings env, Clock clock, AwsClients aws, DynamoDbClient dynamoDb) {
        this(env, clock, aws, dynamoDb, SharedAdapters.rejects(env, dynamoDb));
    }

    private ShopifyAdapterWiring(Settings env, Clock clock, AwsClients aws, DynamoDbClient dynamoDb,
                                 DynamoDbRejectStore rejects) {
        this(new ShopifyAdapterService(
                        new Amounts(env.required("STORE_CURRENCY")),
                        new DynamoDbOrderOwners(dynamoDb, env.required("ORDER_OWNERS_TABLE"),
                                Duration.ofDays(env.longValue("ORDER_OWNER_RETENTION_DAYS", 400)), clock),
                        new EventBridgeStoreBus(aws.eventBridge(), env.required("STORE_EVENT_BUS"),
                                "storecrm.shopify")::publish,
                        new AdapterRejects(CONSUMER, rejects, clock),
                        Optional.of(env.optional("SHOPIFY_SHOP_DOMAIN", "")),
                        Boolean.parseBoolean(env.optional("ACCEPT_TEST_PAYMENTS", "false"))),
                new SqsBatchProcessor(CONSUMER, rejects, MetricsFactory.getMetricsInstance(), clock));
    }
}
