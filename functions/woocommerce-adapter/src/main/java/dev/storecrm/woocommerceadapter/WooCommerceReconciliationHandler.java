package dev.storecrm.woocommerceadapter;

import com.amazonaws.services.lambda.runtime.Context;
import dev.storecrm.platform.metrics.MetricUnit;
import dev.storecrm.platform.schedule.ScheduledRun;
import dev.storecrm.platform.stream.ScheduledFunction;
import java.time.Clock;
import java.util.Map;

/**
 * WooCommerceReconciliationFunction: invoked by EventBridge Scheduler (its schedule is enabled once
 * the stack names the store's address); reads the orders modified since the last sweep through the
 * store's REST API and publishes what a failed webhook delivery would have. A failed run is made
 * good by the next one (the mark moves only when a sweep is done).
 */
public final class WooCommerceReconciliationHandler
        implements ScheduledFunction {

    private final WooCommerceReconciliationService service;
    private final ScheduledRun run;

    /** The Lambda runtime's constructor: configuration from the environment, the system clock. */
    public WooCommerceReconciliationHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public WooCommerceReconciliationHandler(Map<String, String> environment, Clock clock) {
        this(new WooCommerceReconciliationWiring(environment, clock));
    }

    WooCommerceReconciliationHandler(WooCommerceReconciliationWiring wiring) {
        this.service = wiring.service();
        this.run = wiring.run();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> scheduledEvent, Context context) {
        return run.handle(context, metrics -> {
            WooCommerceReconciliationService.Report report = service.run();
            metrics.addMetric("OrdersReconciled", report.orders(), MetricUnit.COUNT);
            metrics.addMetric("ReconciliationPages", report.pages(), MetricUnit.COUNT);
            return report.asMap();
        });
    }
}
