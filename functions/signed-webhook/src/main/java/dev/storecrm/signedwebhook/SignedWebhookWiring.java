package dev.storecrm.signedwebhook;

import dev.storecrm.platform.AwsClients;
import dev.storecrm.platform.Secrets;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.adapter.AdapterRejects;
import dev.storecrm.platform.dynamodb.DynamoDbSeenEvents;
import dev.storecrm.platform.events.EventBridgeStoreBus;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/** The composition root of SignedWebhookFunction: settings, the signing key, clients, the service. */
record SignedWebhookWiring(SignedWebhookService service, Metrics metrics) {

    static final String CONSUMER = "signed-webhook";

    SignedWebhookWiring(Map<String, String> environment, Clock clock) {
        this(new Settings(environment), clock, new AwsClients(new Settings(environment)));
    }

    private SignedWebhookWiring(Settings env, Clock clock, AwsClients aws) {
        this(new SignedWebhookService(
                        Secrets.read(aws.secretsManager(), env.required("SIGNED_WEBHOOK_SECRET")),
                        Duration.ofSeconds(env.longValue("SIGNATURE_TOLERANCE_SECONDS", 300)),
                        new DynamoDbSeenEvents(aws.dynamoDb(), env.required("REPLAY_TABLE"),
                                Duration.ofHours(env.longValue("REPLAY_RETENTION_HOURS", 24)), clock),
                        new EventBridgeStoreBus(aws.eventBridge(), env.required("STORE_EVENT_BUS"),
                                "storecrm.signed-webhook")::publish,
                        new AdapterRejects(CONSUMER,
                                SharedAdapters.rejects(env, aws.dynamoDb()),
                                clock),
                        clock),
                MetricsFactory.getMetricsInstance());
    }
}
