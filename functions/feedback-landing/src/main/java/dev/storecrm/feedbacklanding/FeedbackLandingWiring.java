package dev.storecrm.feedbacklanding;

import dev.storecrm.domain.messaging.LinkTokens;
import dev.storecrm.platform.AwsClients;
import dev.storecrm.platform.Secrets;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.dynamodb.DynamoDbFeedbackAnswers;
import dev.storecrm.platform.http.PublicFunctionUrl;
import dev.storecrm.platform.metrics.Metrics;
import dev.storecrm.platform.metrics.MetricsFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** The composition root of FeedbackLandingFunction: settings, clients, adapters, the routes. */
record FeedbackLandingWiring(FeedbackLandingRoutes routes, PublicFunctionUrl url) {

    FeedbackLandingWiring(Map<String, String> environment, Clock clock) {
        this(new Settings(environment), clock, MetricsFactory.getMetricsInstance());
    }

    private FeedbackLandingWiring(Settings env, Clock clock, Metrics metrics) {
        this(new FeedbackLandingRoutes(service(env, new AwsClients(env), clock), env.required("STORE_NAME"), metrics),
                new PublicFunctionUrl(metrics));
    }

    private static FeedbackLandingService service(Settings env, AwsClients aws, Clock clock) {
        // The landing only checks links: each token carries its own expiry (OrderFeedbackFunction's FeedbackLinkDays).
        return new FeedbackLandingService(
                new LinkTokens(Secrets.read(aws.secretsManager(), env.required("LINK_KEY_SECRET")), Duration.ZERO,
                        clock),
                new DynamoDbFeedbackAnswers(aws.dynamoDb(), env.required("FEEDBACK_ANSWERS_TABLE")), clock);
    }
}
