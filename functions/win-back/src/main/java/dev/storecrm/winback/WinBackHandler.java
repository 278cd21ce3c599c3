package dev.storecrm.winback;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.coupon.CouponCodes;
import dev.storecrm.domain.winback.WinBackTimer;
import dev.storecrm.platform.AwsClients;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.OccasionSettings;
import dev.storecrm.platform.Secrets;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.WinBackSettings;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.dynamodb.DynamoDbCouponBook;
import dev.storecrm.platform.dynamodb.DynamoDbMemberArchive;
import dev.storecrm.platform.dynamodb.DynamoDbRejectStore;
import dev.storecrm.platform.dynamodb.DynamoDbTimers;
import dev.storecrm.platform.dynamodb.DynamoDbWinBackJournal;
import dev.storecrm.platform.sqs.SqsMessageOutbox;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/**
 * WinBackFunction: consumes the win-back timers the sweep delivers to WinBackQueue (one per member
 * with a paid order, armed by the member archive). Reports partial batch failures.
 */
public final class WinBackHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsBatchProcessor batch;
    private final WinBackService service;

    public WinBackHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public WinBackHandler(Map<String, String> environment, Clock clock) {
        Settings settings = new Settings(environment);
        AwsClients aws = new AwsClients(settings);
        DynamoDbClient dynamoDb = aws.dynamoDb();
        Metrics metrics = MetricsFactory.getMetricsInstance();
        this.service = new WinBackService(
                new DynamoDbMemberArchive(dynamoDb, settings.required("MEMBERS_TABLE"), clock),
                MemberPolicySettings.from(settings), WinBackSettings.from(settings),
                new DynamoDbWinBackJournal(dynamoDb, settings.required("WINBACK_TABLE")),
                new DynamoDbCouponBook(dynamoDb, settings.required("COUPONS_TABLE"),
                        new CouponCodes(Secrets.read(aws.secretsManager(), settings.required("COUPON_CODE_KEY_SECRET")))),
                new SqsMessageOutbox(aws.sqs(), settings.required("OUTBOX_QUEUE_URL"),
                        settings.required("OUTBOX_PRIORITY_QUEUE_URL")),
                new DynamoDbTimers(dynamoDb, settings.required("TIMERS_TABLE"), (int) settings.longValue("TIMER_SHARDS", 2),
                        clock),
                OccasionSettings.storeZone(settings), clock);
        this.batch = new SqsBatchProcessor("win-back",
                new DynamoDbRejectStore(dynamoDb, settings.required("REJECTS_TABLE"),
                        Duration.ofDays(settings.longValue("REJECT_RETENTION_DAYS", 90))),
                metrics, clock);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.handle(event, context, body -> service.fired(timer(body)).name());
    }

    private static WinBackTimer timer(String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (Exception e) {
            throw new InvalidInputException(RejectReason.MALFORMED_JSON, "win-back timer is not valid JSON");
        }
        if (node == null || !WinBackTimer.isOne(node)) {
            throw new InvalidInputException(RejectReason.NOT_FOR_THIS_CONSUMER, "not a win-back timer");
        }
        return WinBackTimer.read(node);
    }
}
