package dev.storecrm.caremail;

import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import java.time.Clock;
import java.util.Map;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/** The composition root of CareDeskFunction: settings, clients, the care workflow, the desk's routes. */
record CareDeskWiring(CareDeskService service, Metrics metrics) {

    CareDeskWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private CareDeskWiring(SharedAdapters shared) {
        this(shared, CareComponents.from(shared));
    }

    private CareDeskWiring(SharedAdapters shared, CareComponents care) {
        this(new CareDeskService(care.intake(), care.conversations(), shared.clock()),
                MetricsFactory.getMetricsInstance());
    }
}
