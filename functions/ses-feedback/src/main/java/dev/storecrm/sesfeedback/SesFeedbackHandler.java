package dev.storecrm.sesfeedback;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storecrm.platform.AwsClients;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.dynamodb.DynamoDbRejectStore;
import dev.storecrm.platform.dynamodb.DynamoDbSendLedger;
import dev.storecrm.platform.dynamodb.DynamoDbSuppressionList;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/** SesFeedbackFunction: consumes SES events (via EventBridge and SesFeedbackQueue). Reports partial batch failures. */
public final class SesFeedbackHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final SqsBatchProcessor batch;
    private final SesFeedbackService service;

    public SesFeedbackHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public SesFeedbackHandler(Map<String, String> environment, Clock clock) {
        Settings settings = new Settings(environment);
        DynamoDbClient dynamoDb = new AwsClients(settings).dynamoDb();
        Metrics metrics = MetricsFactory.getMetricsInstance();
        this.service = new SesFeedbackService(
                new DynamoDbSuppressionList(dynamoDb, settings.required("SUPPRESSIONS_TABLE")),
                new DynamoDbSendLedger(dynamoDb, settings.required("SEND_LEDGER_TABLE"),
                        Duration.ofDays(settings.longValue("LEDGER_RETENTION_DAYS", 400))),
                (int) settings.longValue("SOFT_BOUNCE_LIMIT", 3),
                Duration.ofDays(settings.longValue("SOFT_BOUNCE_WINDOW_DAYS", 30)));
        this.batch = new SqsBatchProcessor("ses-feedback",
                new DynamoDbRejectStore(dynamoDb, settings.required("REJECTS_TABLE"),
                        Duration.ofDays(settings.longValue("REJECT_RETENTION_DAYS", 90))),
                metrics, clock);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.handle(event, context, body -> service.handle(body).name());
    }
}
