package dev.storecrm.shopifyadapter;

import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import dev.storecrm.platform.metrics.MetricsFactory;

/** The composition root of ShopifyAdapterFunction: settings, clients, adapters, the service. */
record ShopifyAdapterWiring(ShopifyAdapterService service, SqsBatchProcessor batch) {

    static final String CONSUMER = "shopify-adapter";

    ShopifyAdapterWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private ShopifyAdapterWiring(SharedAdapters shared) {
        this(new ShopifyAdapterService(shared.amounts(), shared.orderOwners(),
                        shared.storeBus("storecrm.shopify")::publish, shared.adapterRejects(CONSUMER),
                        Optional.of(shared.env().optional("SHOPIFY_SHOP_DOMAIN", "")), shared.acceptTestPayments()),
                shared.batch(CONSUMER, MetricsFactory.getMetricsInstance()));
    }
}
