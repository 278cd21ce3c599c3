package dev.storecrm.disputequeue;

import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.OccasionSettings;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.dispute.DisputeComponents;
import dev.storecrm.platform.dynamodb.DynamoDbMemberArchive;
import dev.storecrm.platform.metrics.Metrics;
import dev.storecrm.platform.metrics.MetricsFactory;
import java.time.Clock;
import java.util.Map;

/** The composition root of DisputeQueueFunction: settings, clients, the dispute workflow, the queue service. */
record DisputeQueueWiring(DisputeQueueService service, Metrics metrics) {

    DisputeQueueWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private DisputeQueueWiring(SharedAdapters shared) {
        this(shared, shared.env(), shared.clock(), DisputeComponents.from(shared));
    }

    private DisputeQueueWiring(SharedAdapters shared, Settings env, Clock clock, DisputeComponents disputes) {
        this(new DisputeQueueService(disputes.recorder(), disputes.disputes(), disputes.history(), disputes.disputes(),
                        new DisputeViews(disputes.planner(), env.optional("DISPUTE_AGENT_LOCALE", "zh-CN")),
                        new MemberCard(new DynamoDbMemberArchive(shared.dynamoDb(), env.required("MEMBERS_TABLE"),
                                clock), MemberPolicySettings.from(env)),
                        new EvidenceBundle(shared.sendLedger(), OccasionSettings.storeZone(env)), clock),
                MetricsFactory.getMetricsInstance());
    }
}
