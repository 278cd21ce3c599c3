package dev.storecrm.woocommerceadapter;

import dev.storecrm.platform.AwsClients;
import dev.storecrm.platform.Secrets;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.adapter.AdapterRejects;
import dev.storecrm.platform.adapter.Amounts;
import dev.storecrm.platform.events.EventBridgeStoreBus;
import java.time.Clock;
import java.util.Map;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/** The composition root of WooCommerceAdapterFunction: settings, the webhook secret, clients, the service. */
record WooCommerceAdapterWiring(WooCommerceAdapterService service, Metrics metrics) {

    static final String CONSUMER = "woocommerce-adapter";

    WooCommerceAdapterWiring(Map<String, String> environment, Clock clock) {
        this(new Settings(environment), clock, new AwsClients(new Settings(environment)));
    }

    private WooCommerceAdapterWiring(Settings env, Clock clock, AwsClients aws) {
        this(new WooCommerceAdapterService(
                        Secrets.read(aws.secretsManager(), env.required("WOOCOMMERCE_SECRET")),
                        new Amounts(env.required("STORE_CURRENCY")),
                        new EventBridgeStoreBus(aws.eventBridge(), env.required("STORE_EVENT_BUS"),
                                "storecrm.woocommerce")::publish,
                        new AdapterRejects(CONSUMER,
                                SharedAdapters.rejects(env, aws.dynamoDb()),
                                clock)),
                MetricsFactory.getMetricsInstance());
    }
}
