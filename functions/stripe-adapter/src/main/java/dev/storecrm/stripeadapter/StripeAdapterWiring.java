package dev.storecrm.stripeadapter;

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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/** The composition root of StripeAdapterFunction: settings, clients, adapters, the service. */
record StripeAdapterWiring(StripeAdapterService service, SqsBatchProcessor batch) {

    static final String CONSUMER = "stripe-adapter";

    StripeAdapterWiring(Map<String, String> environment, Clock clock) {
        this(new Settings(environment), clock, new AwsClients(new Settings(environment)));
    }

    private StripeAdapterWiring(Settings env, Clock clock, AwsClients aws) {
        this(env, clock, aws, aws.dynamoDb());
    }

    private StripeAdapterWiring(Settings env, Clock clock, AwsClients aws, DynamoDbClient dynamoDb) {
        this(env, clock, aws, dynamoDb, SharedAdapters.rejects(env, dynamoDb));
    }

    private StripeAdapterWiring(Settings env, Clock clock, AwsClients aws, DynamoDbClient dynamoDb,
                                DynamoDbRejectStore rejects) {
        this(new StripeAdapterService(
                        new Amounts(env.required("STORE_CURRENCY")),
                        new DynamoDbOrderOwners(dynamoDb, env.required("ORDER_OWNERS_TABLE"),
                                Duration.ofDays(env.longValue("ORDER_OWNER_RETENTION_DAYS", 400)), clock),
                        new EventBridgeStoreBus(aws.eventBridge(), env.required("STORE_EVENT_BUS"),
                                "storecrm.stripe")::publish,
                        new AdapterRejects(CONSUMER, rejects, clock),
                        Boolean.parseBoolean(env.optional("ACCEPT_TEST_PAYMENTS", "false"))),
                new SqsBatchProcessor(CONSUMER, rejects, MetricsFactory.getMetricsInstance(), clock));
    }
}
