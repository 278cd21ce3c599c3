package dev.storecrm.lift;

import dev.storecrm.platform.LiftSettings;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.dynamodb.DynamoDbCouponBook;
import dev.storecrm.platform.metrics.MetricsFactory;
import java.time.Clock;
import java.util.Currency;
import java.util.Map;

/** The composition root of LiftFunction: settings, clients, adapters, the service. */
record LiftWiring(LiftService service, SqsBatchProcessor batch) {

    static final String CONSUMER = "lift";

    LiftWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private LiftWiring(SharedAdapters shared) {
        this(new LiftService(LiftSettings.recorder(shared, shared.env()),
                        DynamoDbCouponBook.forLookup(shared.dynamoDb(), shared.env().required("COUPONS_TABLE")),
                        Currency.getInstance(shared.env().required("STORE_CURRENCY")), shared.clock()),
                shared.batch(CONSUMER, MetricsFactory.getMetricsInstance()));
    }
}
