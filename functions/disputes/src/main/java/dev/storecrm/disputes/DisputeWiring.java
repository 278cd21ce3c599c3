package dev.storecrm.disputes;

import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.dispute.DisputeComponents;
import dev.storecrm.platform.dynamodb.DynamoDbPrivacyRequests;
import dev.storecrm.platform.metrics.MetricsFactory;
import java.time.Clock;
import java.util.Currency;
import java.util.Map;

/** The composition root of DisputeFunction: settings, clients, the dispute workflow, the batch processor. */
record DisputeWiring(DisputeService service, SqsBatchProcessor batch) {

    static final String CONSUMER = "disputes";

    DisputeWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private DisputeWiring(SharedAdapters shared) {
        this(new DisputeService(DisputeComponents.from(shared).recorder(),
                        Currency.getInstance(shared.env().required("STORE_CURRENCY")),
                        new DynamoDbPrivacyRequests(shared.dynamoDb(), shared.env().required("PRIVACY_REQUESTS_TABLE")),
                        shared.clock()),
                shared.batch(CONSUMER, MetricsFactory.getMetricsInstance()));
    }
}
