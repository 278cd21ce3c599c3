package dev.storecrm.memberarchive;

import dev.storecrm.domain.loyalty.PointsFeed;
import dev.storecrm.domain.occasion.GreetingCalendar;
import dev.storecrm.platform.GoLiveSettings;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.OccasionSettings;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.WinBackSettings;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.dynamodb.DynamoDbCouponBook;
import dev.storecrm.platform.dynamodb.DynamoDbMemberArchive;
import dev.storecrm.platform.dynamodb.DynamoDbOccasionDiary;
import dev.storecrm.platform.dynamodb.DynamoDbOrderHistory;
import dev.storecrm.platform.dynamodb.DynamoDbPrivacyRequests;
import dev.storecrm.platform.metrics.MetricsFactory;
import dev.storecrm.platform.sqs.SqsPointsFeed;
import dev.storecrm.platform.sqs.SqsRfmRecheck;
import java.time.Clock;
import java.util.Map;

/** The composition root of MemberArchiveFunction: settings, then clients, then adapters, then the service. */
record MemberArchiveWiring(MemberArchiveService service, SqsBatchProcessor batch) {

    static final String CONSUMER = "member-archive";

    MemberArchiveWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private MemberArchiveWiring(SharedAdapters shared) {
        this(service(shared, shared.env()), shared.batch(CONSUMER, MetricsFactory.getMetricsInstance()));
    }

    private static MemberArchiveService service(SharedAdapters shared, Settings env) {
        return new MemberArchiveService(
                new DynamoDbMemberArchive(shared.dynamoDb(), env.required("MEMBERS_TABLE"), shared.clock()),
                new DynamoDbOrderHistory(shared.dynamoDb(), env.required("ORDERS_TABLE")),
                DynamoDbCouponBook.forRedemption(shared.dynamoDb(), env.required("COUPONS_TABLE"),
                        shared.couponOutcomes()),
                new ArchiveFollowUps(
                        new DynamoDbOccasionDiary(shared.dynamoDb(), env.required("OCCASIONS_TABLE"),
                                new GreetingCalendar(OccasionSettings.from(env)),
                                (int) env.longValue("GREETING_SHARDS", 4)),
                        shared.timers(),
                        MemberPolicySettings.from(env), OccasionSettings.from(env),
                        WinBackSettings.from(env), OccasionSettings.storeZone(env), GoLiveSettings.from(env),
                        new SqsRfmRecheck(shared.aws().sqs(), env.required("RFM_QUEUE_URL"))),
                points(shared, env), MemberPolicySettings.from(env),
                new DynamoDbPrivacyRequests(shared.dynamoDb(), env.required("PRIVACY_REQUESTS_TABLE")), shared.clock());
    }

    private static PointsFeed points(SharedAdapters shared, Settings env) {
        return new SqsPointsFeed(shared.aws().sqs(), env.required("LOYALTY_QUEUE_URL"));
    }
}
