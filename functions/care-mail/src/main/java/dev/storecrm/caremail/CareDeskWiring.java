package dev.storecrm.caremail;

import dev.storecrm.domain.caremail.CareReplies;
import dev.storecrm.domain.caremail.SavedReplies;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.metrics.Metrics;
import dev.storecrm.platform.metrics.MetricsFactory;
import java.time.Clock;
import java.util.Map;

/**
 * The composition root of CareDeskFunction: settings, clients, the care workflow, the replies, the saved replies
 * (the store's in {@code CARE_SAVED_REPLIES}, checked here, at start), the desk's routes.
 */
record CareDeskWiring(CareDeskService service, Metrics metrics) {

    CareDeskWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private CareDeskWiring(SharedAdapters shared) {
        this(shared, CareComponents.from(shared));
    }

    private CareDeskWiring(SharedAdapters shared, CareComponents care) {
        this(new CareDeskService(care.intake(), care.conversations(), new CareReplies(care.conversations(),
                        care.messages(), shared.outbox(), shared.clock()),
                SavedReplies.load(care.rules(), shared.env().optional("CARE_SAVED_REPLIES", "")), shared.clock()),
                MetricsFactory.getMetricsInstance());
    }
}
