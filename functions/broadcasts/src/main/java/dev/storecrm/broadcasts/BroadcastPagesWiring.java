package dev.storecrm.broadcasts;

import dev.storecrm.domain.coupon.CouponCodes;
import dev.storecrm.platform.OccasionSettings;
import dev.storecrm.platform.Secrets;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.dynamodb.DynamoDbBroadcastBook;
import dev.storecrm.platform.dynamodb.DynamoDbCouponBook;
import dev.storecrm.platform.dynamodb.DynamoDbMemberArchive;
import dev.storecrm.platform.dynamodb.DynamoDbRfmBook;
import dev.storecrm.platform.metrics.MetricsFactory;
import dev.storecrm.platform.sqs.SqsBroadcastPages;
import java.time.Clock;
import java.util.Map;

/**
 * The composition root of BroadcastPagesFunction: the BroadcastsTable, the RfmTable's memberships, the members,
 * the coupons, the outbox and the BroadcastQueue; {@code BROADCAST_PAGE_SIZE} (100) members per page.
 */
record BroadcastPagesWiring(BroadcastPagesService service, SqsBatchProcessor batch) {

    static final String CONSUMER = "broadcast-pages";

    BroadcastPagesWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private BroadcastPagesWiring(SharedAdapters shared) {
        this(service(shared, shared.env()), shared.batch(CONSUMER, MetricsFactory.getMetricsInstance()));
    }

    private static BroadcastPagesService service(SharedAdapters shared, Settings env) {
        return new BroadcastPagesService(new DynamoDbBroadcastBook(shared.dynamoDb(), env.required("BROADCASTS_TABLE")),
                new BroadcastPagesService.Audiences(new DynamoDbRfmBook(shared.dynamoDb(), env.required("RFM_TABLE"),
                        (int) env.longValue("RFM_SHARDS", 4)),
                        new DynamoDbMemberArchive(shared.dynamoDb(), env.required("MEMBERS_TABLE"), shared.clock())),
                new DynamoDbCouponBook(shared.dynamoDb(), env.required("COUPONS_TABLE"), new CouponCodes(
                        Secrets.read(shared.aws().secretsManager(), env.required("COUPON_CODE_KEY_SECRET"))),
                        shared.couponOutcomes()),
                shared.outbox(), new SqsBroadcastPages(shared.aws().sqs(), env.required("BROADCAST_QUEUE_URL"),
                        shared.timers(), shared.clock()),
                (int) env.longValue("BROADCAST_PAGE_SIZE", 100), OccasionSettings.storeZone(env), shared.clock());
    }
}
