package dev.storecrm.smsoptout;

import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.dynamodb.DynamoDbSuppressionList;
import dev.storecrm.platform.metrics.MetricsFactory;
import java.time.Clock;
import java.util.Map;

/** The composition root of SmsOptOutFunction: settings, clients, adapters, the service. */
record SmsOptOutWiring(SmsOptOutService service, SqsBatchProcessor batch) {

    static final String CONSUMER = "sms-opt-out";

    SmsOptOutWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private SmsOptOutWiring(SharedAdapters shared) {
        this(new SmsOptOutService(
                        new DynamoDbSuppressionList(shared.dynamoDb(), shared.env().required("SUPPRESSIONS_TABLE")),
                        SmsOptOutService.keywords(shared.env().optional("SMS_OPT_OUT_KEYWORDS",
                                SmsOptOutService.DEFAULT_KEYWORDS)),
                        shared.clock()),
                shared.batch(CONSUMER, MetricsFactory.getMetricsInstance()));
    }
}
