package dev.storecrm.stripeadapter;

import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import java.time.Clock;
import java.util.Map;
import dev.storecrm.platform.metrics.MetricsFactory;

/** The composition root of StripeAdapterFunction: settings, clients, adapters, the service. */
record StripeAdapterWiring(StripeAdapterService service, SqsBatchProcessor batch) {

    static final String CONSUMER = "stripe-adapter";

    StripeAdapterWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private StripeAdapterWiring(SharedAdapters shared) {
        this(new StripeAdapterService(shared.amounts(), shared.orderOwners(),
                        shared.storeBus("storecrm.stripe")::publish, shared.adapterRejects(CONSUMER),
                        shared.acceptTestPayments()),
                shared.batch(CONSUMER, MetricsFactory.getMetricsInstance()));
    }
}
