package dev.storecrm.memberarchive;

import dev.storecrm.platform.AwsClients;
import dev.storecrm.domain.occasion.GreetingCalendar;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.OccasionSettings;
import dev.storecrm.platform.WinBackSettings;
import dev.storecrm.platform.Settings;
import dev.storecrm.domain.loyalty.PointsFeed;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.sqs.SqsPointsFeed;
import dev.storecrm.platform.dynamodb.DynamoDbCouponBook;
import dev.storecrm.platform.dynamodb.DynamoDbMemberArchive;
import dev.storecrm.platform.dynamodb.DynamoDbOccasionDiary;
import dev.storecrm.platform.dynamodb.DynamoDbTimers;
import dev.storecrm.platform.dynamodb.DynamoDbOrderHistory;
import dev.storecrm.platform.dynamodb.DynamoDbRejectStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/** The composition root of MemberArchiveFunction: settings, then clients, then adapters, then the service. */
record MemberArchiveWiring(MemberArchiveService service, SqsBatchProcessor batch, Metrics metrics) {

    static final String CONSUMER = "member-archive";

    MemberArchiveWiring(Map<String, String> environment, Clock clock) {
        this(new Settings(environment), clock);
    }

    private MemberArchiveWiring(Settings settings, Clock clock) {
        this(settings, clock, new AwsClients(settings), MetricsFactory.getMetricsInstance());
    }

    private MemberArchiveWiring(Settings settings, Clock clock, AwsClients aws, Metrics metrics) {
        this(settings, clock, aws.dynamoDb(), new SqsPointsFeed(aws.sqs(), settings.required("LOYALTY_QUEUE_URL")), metrics);
    }

    private MemberArchiveWiring(Settings settings, Clock clock, DynamoDbClient dynamoDb, PointsFeed points,
                                Metrics metrics) {
        this(new MemberArchiveService(
                        new DynamoDbMemberArchive(dynamoDb, settings.required("MEMBERS_TABLE"), clock),
                        new DynamoDbOrderHistory(dynamoDb, settings.required("ORDERS_TABLE")),
                        DynamoDbCouponBook.forRedemption(dynamoDb, settings.required("COUPONS_TABLE")),
                        new ArchiveFollowUps(
                                new DynamoDbOccasionDiary(dynamoDb, settings.required("OCCASIONS_TABLE"),
                                        new GreetingCalendar(OccasionSettings.from(settings)),
                                        (int) settings.longValue("GREETING_SHARDS", 4)),
                                new DynamoDbTimers(dynamoDb, settings.required("TIMERS_TABLE"),
                                        (int) settings.longValue("TIMER_SHARDS", 2), clock),
                                MemberPolicySettings.from(settings), OccasionSettings.from(settings),
                                WinBackSettings.from(settings), OccasionSettings.storeZone(settings)),
                        points, MemberPolicySettings.from(settings), clock),
                new SqsBatchProcessor(CONSUMER,
                        new DynamoDbRejectStore(dynamoDb, settings.required("REJECTS_TABLE"),
                                Duration.ofDays(settings.longValue("REJECT_RETENTION_DAYS", 90))),
                        metrics, clock),
                metrics);
    }
}
