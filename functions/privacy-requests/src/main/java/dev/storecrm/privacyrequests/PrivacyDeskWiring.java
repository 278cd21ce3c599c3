package dev.storecrm.privacyrequests;

import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.metrics.Metrics;
import dev.storecrm.platform.metrics.MetricsFactory;
import java.time.Clock;
import java.util.Map;

/** The composition root of PrivacyDeskFunction: settings, the DynamoDB client, the read adapters, the service. */
record PrivacyDeskWiring(PrivacyDeskService service, Metrics metrics) {

    PrivacyDeskWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private PrivacyDeskWiring(SharedAdapters shared) {
        this(new PrivacyDeskService(PrivacyRequestsWiring.requests(shared), PrivacyRequestsWiring.personalData(shared),
                shared.clock()), MetricsFactory.getMetricsInstance());
    }
}
