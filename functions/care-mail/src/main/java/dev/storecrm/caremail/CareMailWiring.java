package dev.storecrm.caremail;

import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.metrics.MetricsFactory;
import dev.storecrm.platform.s3.S3InboundMail;
import java.time.Clock;
import java.util.Map;

/** The composition root of CareMailFunction: settings, clients, the care workflow, the batch processor. */
record CareMailWiring(CareMailService service, SqsBatchProcessor batch) {

    static final String CONSUMER = "care-mail";

    CareMailWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private CareMailWiring(SharedAdapters shared) {
        this(new CareMailService(CareComponents.from(shared).intake(),
                        S3InboundMail.from(shared)),
                shared.batch(CONSUMER, MetricsFactory.getMetricsInstance()));
    }
}
