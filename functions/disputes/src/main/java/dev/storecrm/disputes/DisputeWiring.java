package dev.storecrm.disputes;

import dev.storecrm.platform.AwsClients;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.dispute.DisputeComponents;
import dev.storecrm.platform.dynamodb.DynamoDbRejectStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/** The composition root of DisputeFunction: settings, clients, the dispute workflow, the batch processor. */
record DisputeWiring(DisputeService service, SqsBatchProcessor batch, Metrics metrics) {

    static final String CONSUMER = "disputes";

    DisputeWiring(Map<String, String> environment, Clock clock) {
        this(new Settings(environment), clock, new AwsClients(new Settings(environment)));
    }

    private DisputeWiring(Settings env, Clock clock, AwsClients aws) {
        this(env, clock, aws, aws.dynamoDb(), MetricsFactory.getMetricsInstance());
    }

    private DisputeWiring(Settings env, Clock clock, AwsClients aws, DynamoDbClient dynamoDb, Metrics metrics) {
        this(new DisputeService(DisputeComponents.from(env, dynamoDb, aws.sqs(), clock).recorder(),
                        Currency.getInstance(env.required("STORE_CURRENCY")), clock),
                new SqsBatchProcessor(CONSUMER,
                        new DynamoDbRejectStore(dynamoDb, env.required("REJECTS_TABLE"),
                                Duration.ofDays(env.longValue("REJECT_RETENTION_DAYS", 90))),
                        metrics, clock),
                metrics);
    }
}
