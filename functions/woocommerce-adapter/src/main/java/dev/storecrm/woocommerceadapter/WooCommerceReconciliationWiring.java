package dev.storecrm.woocommerceadapter;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.storecrm.platform.Secrets;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.adapter.AdapterPublisher;
import dev.storecrm.platform.adapter.OrderOwners;
import dev.storecrm.platform.dynamodb.DynamoDbReconciliationMarks;
import dev.storecrm.platform.schedule.ScheduledRun;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import dev.storecrm.platform.metrics.MetricsFactory;

/**
 * The composition root of WooCommerceReconciliationFunction: settings, the store's REST key (from
 * Secrets Manager), clients, the service. Publishes as the webhook does ({@code storecrm.woocommerce}).
 */
record WooCommerceReconciliationWiring(WooCommerceReconciliationService service, ScheduledRun run) {

    static final String CONSUMER = "woocommerce-reconciliation";

    WooCommerceReconciliationWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private WooCommerceReconciliationWiring(SharedAdapters shared) {
        this(shared, shared.env());
    }

    private WooCommerceReconciliationWiring(SharedAdapters shared, Settings env) {
        this(new WooCommerceReconciliationService(
                        WooCommerceRestClient.of(env.required("WOOCOMMERCE_STORE_URL"),
                                WooCommerceRestClient.Key.parse(new String(
                                Secrets.read(shared.aws().secretsManager(), env.required("WOOCOMMERCE_REST_KEY")),
                                UTF_8))),
                        new DynamoDbReconciliationMarks(shared.dynamoDb(), env.required("RECONCILIATION_TABLE"),
                                shared.clock()),
                        new WooCommerceOrders(shared.amounts()),
                        new AdapterPublisher(shared.storeBus("storecrm.woocommerce")::publish, OrderOwners.NONE,
                                shared.clock()),
                        shared.adapterRejects(CONSUMER),
                        new WooCommerceReconciliationService.Policy(
                                Duration.ofMinutes(env.longValue("RECONCILE_OVERLAP_MINUTES", 10)),
                                Duration.ofHours(env.longValue("RECONCILE_FIRST_LOOKBACK_HOURS", 24)),
                                (int) env.longValue("RECONCILE_PER_PAGE", WooCommerceRestClient.MAX_PER_PAGE),
                                (int) env.longValue("RECONCILE_MAX_PAGES_PER_RUN", 50))),
                new ScheduledRun(MetricsFactory.getMetricsInstance()));
    }
}
