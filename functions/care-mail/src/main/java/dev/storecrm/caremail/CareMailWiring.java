package dev.storecrm.caremail;

import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/** The composition root of CareMailFunction: settings, clients, the care workflow, the batch processor. */
record CareMailWiring(CareMailService service, SqsBatchProcessor batch) {

    static final String CONSUMER = "care-mail";

    CareMailWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private CareMailWiring(SharedAdapters shared) {
        this(new CareMailService(CareComponents.from(shared).intake(),
                        new S3RawMail(shared.aws().configure(S3Client.builder()).build(),
                                shared.env().required("INBOUND_MAIL_BUCKET"))),
                shared.batch(CONSUMER, MetricsFactory.getMetricsInstance()));
    }
}
