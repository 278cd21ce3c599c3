package dev.storecrm.woocommerceadapter;

import dev.storecrm.platform.Secrets;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.Settings;
import java.time.Clock;
import java.util.Map;
import dev.storecrm.platform.metrics.Metrics;
import dev.storecrm.platform.metrics.MetricsFactory;

/** The composition root of WooCommerceAdapterFunction: settings, the webhook secret, clients, the service. */
record WooCommerceAdapterWiring(WooCommerceAdapterService service, Metrics metrics) {

    static final String CONSUMER = "woocommerce-adapter";

    WooCommerceAdapterWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private WooCommerceAdapterWiring(SharedAdapters shared) {
        this(new WooCommerceAdapterService(
                        Secrets.read(shared.aws().secretsManager(), shared.env().required("WOOCOMMERCE_SECRET")),
                        shared.amounts(), shared.storeBus("storecrm.woocommerce")::publish,
                        shared.adapterRejects(CONSUMER)),
                MetricsFactory.getMetricsInstance());
    }
}
