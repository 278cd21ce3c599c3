package dev.storecrm.greetings;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.storecrm.domain.coupon.CouponCodes;
import dev.storecrm.domain.occasion.GreetingCalendar;
import dev.storecrm.platform.AwsClients;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.OccasionSettings;
import dev.storecrm.platform.Secrets;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.dynamodb.DynamoDbCouponBook;
import dev.storecrm.platform.dynamodb.DynamoDbMemberArchive;
import dev.storecrm.platform.dynamodb.DynamoDbOccasionDiary;
import dev.storecrm.platform.sqs.SqsMessageOutbox;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * GreetingsFunction: invoked at the top of every hour by EventBridge Scheduler; greets the members
 * whose occasion is today in their time zone and whose greeting time has come. A failed run is made
 * good by the next one (it starts from the last hour completed).
 */
public final class GreetingsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final GreetingService service;
    private final Metrics metrics;

    public GreetingsHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public GreetingsHandler(Map<String, String> environment, Clock clock) {
        Settings settings = new Settings(environment);
        AwsClients aws = new AwsClients(settings);
        DynamoDbClient dynamoDb = aws.dynamoDb();
        var policy = OccasionSettings.from(settings);
        this.service = new GreetingService(
                new DynamoDbOccasionDiary(dynamoDb, settings.required("OCCASIONS_TABLE"), new GreetingCalendar(policy),
                        (int) settings.longValue("GREETING_SHARDS", 4)),
                new DynamoDbMemberArchive(dynamoDb, settings.required("MEMBERS_TABLE"), clock),
                MemberPolicySettings.from(settings), policy, OccasionSettings.storeZone(settings),
                new DynamoDbCouponBook(dynamoDb, settings.required("COUPONS_TABLE"),
                        new CouponCodes(Secrets.read(aws.secretsManager(), settings.required("COUPON_CODE_KEY_SECRET")))),
                new SqsMessageOutbox(aws.sqs(), settings.required("OUTBOX_QUEUE_URL"),
                        settings.required("OUTBOX_PRIORITY_QUEUE_URL")),
                clock);
        this.metrics = MetricsFactory.getMetricsInstance();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> scheduledEvent, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            try {
                GreetingService.Report report = service.run();
                metrics.addMetric("GreetingsRequested", report.greeted(), MetricUnit.COUNT);
                metrics.addMetric("GreetingGifts", report.withGift(), MetricUnit.COUNT);
                return Map.of("hours", report.hours(), "greeted", report.greeted(), "withGift", report.withGift(),
                        "skipped", report.skipped(), "refiled", report.refiled());
            } finally {
                metrics.flush();
            }
        });
    }
}
