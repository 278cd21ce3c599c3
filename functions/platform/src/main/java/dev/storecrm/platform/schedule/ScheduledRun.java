package dev.storecrm.platform.schedule;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Map;
import java.util.function.Function;
import dev.storecrm.platform.logging.LambdaLogging;
import dev.storecrm.platform.metrics.Metrics;

/**
 * The edge of a scheduled function (EventBridge Scheduler): one run inside Powertools' structured
 * logging (the request id on every line), its metrics flushed however it ends, and its report
 * returned as the invocation's result. A run that throws fails the invocation, which the
 * function's Errors alarm sees; the schedule's retry policy decides what happens next. As
 * {@code SqsBatchProcessor} is for SQS-triggered functions.
 */
public final class ScheduledRun {

    private final Metrics metrics;

    public ScheduledRun(Metrics metrics) {
        this.metrics = metrics;
    }

    /** Runs once: {@code run} does the work, records its metrics and answers its report. */
    public Map<String, Object> handle(Context context, Function<Metrics, Map<String, Object>> run) {
        return LambdaLogging.withLogging(context, () -> {
            try {
                return run.apply(metrics);
            } finally {
                metrics.flush();
            }
        });
    }
}
