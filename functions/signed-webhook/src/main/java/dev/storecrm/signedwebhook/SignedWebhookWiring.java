package dev.storecrm.signedwebhook;

import dev.storecrm.platform.Secrets;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.dynamodb.DynamoDbSeenEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import dev.storecrm.platform.metrics.Metrics;
import dev.storecrm.platform.metrics.MetricsFactory;

/** The composition root of SignedWebhookFunction: settings, the signing key, clients, the service. */
record SignedWebhookWiring(SignedWebhookService service, Metrics metrics) {

    static final String CONSUMER = "signed-webhook";

    SignedWebhookWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private SignedWebhookWiring(SharedAdapters shared) {
        this(new SignedWebhookService(
                        Secrets.read(shared.aws().secretsManager(), shared.env().required("SIGNED_WEBHOOK_SECRET")),
                        Duration.ofSeconds(shared.env().longValue("SIGNATURE_TOLERANCE_SECONDS", 300)),
                        new DynamoDbSeenEvents(shared.dynamoDb(), shared.env().required("REPLAY_TABLE"),
                                Duration.ofHours(shared.env().longValue("REPLAY_RETENTION_HOURS", 24)), shared.clock()),
                        shared.storeBus("storecrm.signed-webhook")::publish,
                        shared.adapterRejects(CONSUMER),
                        shared.clock()),
                MetricsFactory.getMetricsInstance());
    }
}
