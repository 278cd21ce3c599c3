package dev.storecrm.orderfeedback;

import dev.storecrm.platform.GoLiveSettings;
import dev.storecrm.domain.messaging.LinkTokens;
import dev.storecrm.platform.HoldoutSettings;
import dev.storecrm.platform.Secrets;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.dynamodb.DynamoDbOrderHistory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import dev.storecrm.platform.metrics.MetricsFactory;

/** The composition root of OrderFeedbackFunction: settings, clients, adapters, the service. */
record OrderFeedbackWiring(OrderFeedbackService service, SqsBatchProcessor batch) {

    static final String CONSUMER = "order-feedback";
    static final long DEFAULT_DAYS = 7;
    /** How long a follow-up's feedback link is valid by default: the template's FeedbackLinkDays. */
    static final long DEFAULT_LINK_DAYS = 60;

    OrderFeedbackWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private OrderFeedbackWiring(SharedAdapters shared) {
        this(service(shared, shared.env()), shared.batch(CONSUMER, MetricsFactory.getMetricsInstance()));
    }

    private static OrderFeedbackService service(SharedAdapters shared, Settings env) {
        return new OrderFeedbackService(
                Duration.ofDays(env.longValue("ORDER_FEEDBACK_DAYS", DEFAULT_DAYS)),
                shared.timers(),
                new DynamoDbOrderHistory(shared.dynamoDb(), env.required("ORDERS_TABLE")),
                new DynamoDbOrderDisputes(shared.dynamoDb(), env.required("DISPUTES_TABLE")),
                shared.outbox(),
                GoLiveSettings.from(env), HoldoutSettings.from(env),
                new FeedbackLinks(env.required("FEEDBACK_LANDING_URL"), new LinkTokens(
                        Secrets.read(shared.aws().secretsManager(), env.required("LINK_KEY_SECRET")),
                        Duration.ofDays(env.longValue("FEEDBACK_LINK_DAYS", DEFAULT_LINK_DAYS)), shared.clock())),
                shared.clock());
    }
}
