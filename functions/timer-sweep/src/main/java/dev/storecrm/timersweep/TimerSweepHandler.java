package dev.storecrm.timersweep;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.storecrm.platform.AwsClients;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.dynamodb.DynamoDbTimers;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * TimerSweepFunction: invoked every minute by EventBridge Scheduler; delivers the timers that are
 * due. A failed sweep is made good by the next minute's: undelivered timers are still there.
 */
public final class TimerSweepHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final TimerSweepService service;
    private final Metrics metrics;

    public TimerSweepHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public TimerSweepHandler(Map<String, String> environment, Clock clock) {
        Settings settings = new Settings(environment);
        AwsClients aws = new AwsClients(settings);
        SqsClient sqs = aws.sqs();
        this.service = new TimerSweepService(
                new DynamoDbTimers(aws.dynamoDb(), settings.required("TIMERS_TABLE"),
                        (int) settings.longValue("TIMER_SHARDS", 2), clock),
                targets(settings.required("TIMER_TARGETS")),
                (queueUrl, body) -> sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(body)),
                clock);
        this.metrics = MetricsFactory.getMetricsInstance();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> scheduledEvent, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            try {
                TimerSweepService.Report report = service.sweep();
                metrics.addMetric("TimersDelivered", report.delivered(), MetricUnit.COUNT);
                metrics.addMetric("TimerLagSeconds", report.maxLagSeconds(), MetricUnit.SECONDS);
                return Map.of("delivered", report.delivered(), "rearmed", report.rearmed(),
                        "maxLagSeconds", report.maxLagSeconds(), "more", report.more());
            } finally {
                metrics.flush();
            }
        });
    }

    /** {@code outbox=https://...,cart=https://...}: timer target names to queue URLs. */
    static Map<String, String> targets(String spec) {
        Map<String, String> targets = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalStateException("TIMER_TARGETS entries look like name=queueUrl, not " + entry);
            }
            targets.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return targets;
    }
}
