package dev.storecrm.disputequeue;

import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.dispute.DisputeComponents;
import java.time.Clock;
import java.util.Map;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/** The composition root of DisputeQueueFunction: settings, clients, the dispute workflow, the queue service. */
record DisputeQueueWiring(DisputeQueueService service, Metrics metrics) {

    DisputeQueueWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private DisputeQueueWiring(SharedAdapters shared) {
        this(shared.env(), shared.clock(), DisputeComponents.from(shared));
    }

    private DisputeQueueWiring(Settings env, Clock clock, DisputeComponents disputes) {
        this(new DisputeQueueService(disputes.recorder(), disputes.disputes(), disputes.history(), disputes.disputes(),
                        new DisputeViews(disputes.planner(), env.optional("DISPUTE_AGENT_LOCALE", "zh-CN")), clock),
                MetricsFactory.getMetricsInstance());
    }
}
