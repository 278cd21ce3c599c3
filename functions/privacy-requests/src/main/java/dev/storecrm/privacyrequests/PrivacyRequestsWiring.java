package dev.storecrm.privacyrequests;

import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.dynamodb.DynamoDbPrivacyRequests;
import java.time.Clock;
import java.util.Map;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/** The composition root of PrivacyRequestsFunction: settings, clients, adapters, the service. */
record PrivacyRequestsWiring(PrivacyRequestsService service, SqsBatchProcessor batch) {

    static final String CONSUMER = "privacy-requests";

    PrivacyRequestsWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private PrivacyRequestsWiring(SharedAdapters shared) {
        this(new PrivacyRequestsService(
                        new DynamoDbPrivacyRequests(shared.dynamoDb(), shared.env().required("PRIVACY_REQUESTS_TABLE")),
                        shared.clock()),
                shared.batch(CONSUMER, MetricsFactory.getMetricsInstance()));
    }
}
