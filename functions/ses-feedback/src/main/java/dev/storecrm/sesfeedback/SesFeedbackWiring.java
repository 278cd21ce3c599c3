package dev.storecrm.sesfeedback;

import dev.storecrm.platform.ReputationSettings;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.dynamodb.DynamoDbEngagementCounts;
import dev.storecrm.platform.dynamodb.DynamoDbSuppressionList;
import dev.storecrm.platform.metrics.MetricsFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** The composition root of SesFeedbackFunction: settings, clients, adapters, the service. */
record SesFeedbackWiring(SesFeedbackService service, SqsBatchProcessor batch) {

    static final String CONSUMER = "ses-feedback";

    SesFeedbackWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private SesFeedbackWiring(SharedAdapters shared) {
        this(new SesFeedbackService(
                        new DynamoDbSuppressionList(shared.dynamoDb(), shared.env().required("SUPPRESSIONS_TABLE")),
                        shared.sendLedger(),
                        (int) shared.env().longValue("SOFT_BOUNCE_LIMIT", 3),
                        Duration.ofDays(shared.env().longValue("SOFT_BOUNCE_WINDOW_DAYS", 30)),
                        ReputationSettings.guard(shared), ReputationSettings.accountAlarms(shared.env()),
                        new DynamoDbEngagementCounts(shared.dynamoDb(), shared.env().required("REPUTATION_TABLE"))),
                shared.batch(CONSUMER, MetricsFactory.getMetricsInstance())
                        .counting(SesFeedbackService.Outcome.MARKETING_PAUSED.name()::equals));
    }
}
