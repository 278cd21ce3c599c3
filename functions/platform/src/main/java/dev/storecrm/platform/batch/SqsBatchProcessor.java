package dev.storecrm.platform.batch;

import static dev.storecrm.platform.logging.LogField.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.storecrm.domain.InvalidInputException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.storecrm.platform.logging.LambdaLogging;
import dev.storecrm.platform.metrics.Metrics;
import dev.storecrm.platform.metrics.MetricUnit;

/**
 * Processes an SQS batch one message at a time and reports partial batch failures
 * ({@code ReportBatchItemFailures}):
 * <ul>
 *   <li>a message the handler completes is done, whatever its outcome;</li>
 *   <li>an {@link InvalidInputException}, and every other failure that can never succeed
 *       ({@link PermanentFailures}: a DynamoDB {@code ValidationException} such as an item over 400 KB,
 *       an overflow), is permanent: the message is kept in the {@link RejectStore} with its reason and
 *       counted, and is done (retrying cannot help);</li>
 *   <li>any other failure (throttling, 5xx, a timeout, a conflict that persisted, access denied, a
 *       fault in our code) is reported as a batch item failure: SQS makes the message visible again
 *       after the visibility timeout, and only after {@code maxReceiveCount} receipts does it move to
 *       the dead-letter queue.</li>
 * </ul>
 * One bad message never blocks the others in its batch.
 *
 * <p>Metrics: {@code MessagesRejected} and {@code MessagesFailed} always; {@code Messages<Outcome>} only for the
 * outcomes the function names with {@link #counting} (the sender's, on the dashboard, and the reputation guard's
 * pause, which an alarm watches). Every metric name is one CloudWatch series a month (0.30 USD); every outcome is
 * in the {@code message processed} log line anyway, for Logs Insights.
 *
 * <p>Powertools' own batch module is not used because its artifacts are missing from the Maven
 * mirror this project builds from; this class keeps to the same contract.
 */
public final class SqsBatchProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(SqsBatchProcessor.class);

    /** Handles one message body and names the outcome (for logs and metrics), e.g. {@code APPLIED}. */
    @FunctionalInterface
    public interface MessageHandler {
        String handle(String body);
    }

    private final String consumer;
    private final RejectStore rejects;
    private final Metrics metrics;
    private final Clock clock;
    private final Predicate<String> counted;

    public SqsBatchProcessor(String consumer, RejectStore rejects, Metrics metrics, Clock clock) {
        this(consumer, rejects, metrics, clock, outcome -> false);
    }

    private SqsBatchProcessor(String consumer, RejectStore rejects, Metrics metrics, Clock clock,
                              Predicate<String> counted) {
        this.consumer = consumer;
        this.rejects = rejects;
        this.metrics = metrics;
        this.clock = clock;
        this.counted = counted;
    }

    /** This processor, also counting each outcome that {@code outcomes} accepts as {@code Messages<Outcome>}. */
    public SqsBatchProcessor counting(Predicate<String> outcomes) {
        return new SqsBatchProcessor(consumer, rejects, metrics, clock, outcomes);
    }

    /**
     * One Lambda invocation of an SQS-triggered function: the batch processed inside Powertools'
     * structured logging (the request id on every line), and the metrics flushed however it ends.
     */
    public SQSBatchResponse handle(SQSEvent event, Context context, MessageHandler handler) {
        return LambdaLogging.withLogging(context, () -> {
            try {
                return process(event, handler);
            } finally {
                metrics.flush();
            }
        });
    }

    public SQSBatchResponse process(SQSEvent event, MessageHandler handler) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSMessage message : event.getRecords()) {
            if (!processOne(message, handler)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    /** True when the message is done (applied, unchanged or rejected and kept); false to retry it. */
    private boolean processOne(SQSMessage message, MessageHandler handler) {
        String outcome;
        try {
            outcome = handler.handle(message.getBody());
        } catch (RuntimeException failure) {
            Optional<InvalidInputException> refusal = PermanentFailures.refusal(failure);
            if (refusal.isPresent()) {
                return reject(message, refusal.get());
            }
            LOG.error("message failed, will be retried", entry("consumer", consumer),
                    entry("messageId", message.getMessageId()), entry("failure", failure.getClass().getSimpleName()),
                    entry("cause", String.valueOf(failure.getMessage())));
            metrics.addMetric("MessagesFailed", 1, MetricUnit.COUNT);
            return false;
        }
        LOG.info("message processed", entry("consumer", consumer), entry("messageId", message.getMessageId()),
                entry("outcome", outcome));
        if (counted.test(outcome)) {
            metrics.addMetric("Messages" + camel(outcome), 1, MetricUnit.COUNT);
        }
        return true;
    }

    private boolean reject(SQSMessage message, InvalidInputException invalid) {
        RejectedMessage rejected = RejectedMessage.of(consumer, message.getMessageId(), message.getBody(),
                invalid.reason(), invalid.detail(), clock.instant());
        try {
            rejects.keep(rejected);
        } catch (RuntimeException failure) {
            LOG.error("could not keep a rejected message, will be retried", entry("consumer", consumer),
                    entry("messageId", message.getMessageId()), entry("failure", failure.getClass().getSimpleName()));
            return false;
        }
        LOG.warn("message rejected", entry("consumer", consumer), entry("messageId", message.getMessageId()),
                entry("eventId", rejected.eventId().orElse("")), entry("reason", invalid.reason().name()),
                entry("detail", invalid.detail()));
        metrics.addMetric("MessagesRejected", 1, MetricUnit.COUNT);
        return true;
    }

    private static String camel(String outcome) {
        String lower = outcome.toLowerCase(java.util.Locale.ROOT);
        StringBuilder name = new StringBuilder();
        for (String word : lower.split("_")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return name.toString();
    }
}
