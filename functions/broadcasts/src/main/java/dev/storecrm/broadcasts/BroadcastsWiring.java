package dev.storecrm.broadcasts;

import dev.storecrm.domain.broadcast.BroadcastDelivery;
import dev.storecrm.platform.HoldoutSettings;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.dynamodb.DynamoDbBroadcastBook;
import dev.storecrm.platform.dynamodb.DynamoDbBroadcastDelivery;
import dev.storecrm.platform.metrics.Metrics;
import dev.storecrm.platform.metrics.MetricsFactory;
import dev.storecrm.platform.sqs.SqsBroadcastPages;
import java.time.Clock;
import java.util.Map;

/**
 * The composition root of BroadcastsFunction: settings, clients, the BroadcastsTable, the BroadcastQueue, the
 * delivery counts (ReputationTable).
 */
record BroadcastsWiring(BroadcastsService service, Metrics metrics) {

    BroadcastsWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private BroadcastsWiring(SharedAdapters shared) {
        this(service(shared, new DynamoDbBroadcastDelivery(shared.dynamoDb(), shared.env().required(
                "REPUTATION_TABLE"))), MetricsFactory.getMetricsInstance());
    }

    /**
     * The service over the BroadcastsTable and the BroadcastQueue, reading the delivery counts from
     * {@code delivery}; FestivalCampaignsFunction's too, which never reads them.
     */
    static BroadcastsService service(SharedAdapters shared, BroadcastDelivery delivery) {
        return new BroadcastsService(new DynamoDbBroadcastBook(shared.dynamoDb(), shared.env().required(
                "BROADCASTS_TABLE")), new SqsBroadcastPages(shared.aws().sqs(),
                shared.env().required("BROADCAST_QUEUE_URL"), shared.timers(), shared.clock()), delivery,
                HoldoutSettings.from(shared.env()), shared.clock());
    }
}
