package dev.storecrm.localcloud;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.storecrm.localcloud.LocalFunctions.DrainReport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The event source mappings of the local cloud: polls a function's SQS triggers like Lambda with
 * {@code ReportBatchItemFailures}. Completed messages are deleted; failed ones become visible again
 * at once (where Lambda would wait for the visibility timeout) until the queue's redrive policy
 * moves them to the dead-letter queue.
 */
final class QueuePoller {

    /**
     * How often {@link #drainAll} polls every queue, not only those something was sent to since
     * they were last found empty: messages someone else received come back after their visibility
     * timeout, in real time.
     */
    private static final long FULL_POLL_EVERY_NANOS = 1_000_000_000L;

    private final LocalCloud cloud;
    private final BiFunction<String, Object, Object> invoker;
    /** Each queue's {@link LocalActivity} version when a poll last found it empty. */
    private final Map<String, Long> emptyAtVersion = new HashMap<>();
    private long lastFullPoll = System.nanoTime() - FULL_POLL_EVERY_NANOS;

    /** {@code invoker} invokes a function (by logical id) with an event, as {@link LocalFunctions#invoke} does. */
    QueuePoller(LocalCloud cloud, BiFunction<String, Object, Object> invoker) {
        this.cloud = cloud;
        this.invoker = invoker;
    }

    DrainReport pollOnce(FunctionSpec spec) {
        Counters counters = new Counters();
        pollOnce(spec, counters, false);
        return counters.report();
    }

    DrainReport drain(FunctionSpec spec) {
        Counters counters = new Counters();
        while (pollOnce(spec, counters, false) > 0) {
            // keep polling
        }
        return counters.report();
    }

    /** Polls the functions deployed here until no queue of theirs holds anything visible. */
    DrainReport drainAll(Collection<FunctionSpec> specs) {
        Counters counters = new Counters();
        boolean everyQueue = System.nanoTime() - lastFullPoll >= FULL_POLL_EVERY_NANOS;
        if (everyQueue) {
            lastFullPoll = System.nanoTime();
        }
        boolean progress = true;
        while (progress) {
            progress = false;
            for (FunctionSpec spec : specs) {
                if (!deployedHere(spec)) {
                    continue;
                }
                while (pollOnce(spec, counters, !everyQueue) > 0) {
                    progress = true;
                }
            }
        }
        return counters.report();
    }

    /** One batch from each of the function's queues; {@code onlyChanged} skips those unchanged since found empty. */
    private int pollOnce(FunctionSpec spec, Counters counters, boolean onlyChanged) {
        int received = 0;
        for (FunctionSpec.SqsTrigger trigger : spec.sqsTriggers()) {
            SqsClient sqs = cloud.sqs();
            String queueUrl = cloud.queueUrl(trigger.queueLogicalId());
            long version = LocalActivity.queueVersion(queueUrl);
            if (onlyChanged && Long.valueOf(version).equals(emptyAtVersion.get(queueUrl))) {
                continue;
            }
            int batchSize = Math.min(10, trigger.batchSize());
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                    .maxNumberOfMessages(batchSize)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All")
                    .waitTimeSeconds(0)).messages();
            if (messages.isEmpty()) {
                emptyAtVersion.put(queueUrl, version);
                continue;
            }
            received += messages.size();
            Set<String> failed = new HashSet<>();
            try {
                Object response = invoker.apply(spec.logicalId(),
                        LambdaEvents.sqsEvent(messages, cloud.template().arn(trigger.queueLogicalId())));
                if (trigger.reportBatchItemFailures() && response instanceof SQSBatchResponse batch
                        && batch.getBatchItemFailures() != null) {
                    batch.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
                }
            } catch (RuntimeException invocationFailed) {
                messages.forEach(m -> failed.add(m.messageId()));
                counters.errors.add(spec.logicalId() + ": " + invocationFailed);
            }
            List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
            for (Message message : messages) {
                if (failed.contains(message.messageId())) {
                    sqs.changeMessageVisibility(c -> c.queueUrl(queueUrl).receiptHandle(message.receiptHandle())
                            .visibilityTimeout(0));
                } else {
                    done.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(done.size()))
                            .receiptHandle(message.receiptHandle()).build());
                }
            }
            if (!done.isEmpty()) {
                sqs.deleteMessageBatch(d -> d.queueUrl(queueUrl).entries(done));
            }
            counters.count(spec.logicalId(), messages.size(), failed.size());
            if (messages.size() < batchSize && failed.isEmpty()
                    && LocalActivity.queueVersion(queueUrl) == version + 1) {
                // A short batch took every visible message, and only this receive changed the queue
                // since: it is empty now, and the next poll can skip it like one that found nothing.
                emptyAtVersion.put(queueUrl, version + 1);
            }
        }
        return received;
    }

    private static boolean deployedHere(FunctionSpec spec) {
        try {
            Class.forName(spec.handler().split("::")[0], false, QueuePoller.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException notOnClasspath) {
            return false; // Its module is not a dependency here; drainAll leaves its queues alone (see there).
        }
    }

    private static final class Counters {
        final Map<String, Integer> invocations = new LinkedHashMap<>();
        final Map<String, Integer> messages = new LinkedHashMap<>();
        final Map<String, Integer> failures = new LinkedHashMap<>();
        final List<String> errors = new ArrayList<>();

        void count(String function, int received, int failed) {
            invocations.merge(function, 1, Integer::sum);
            messages.merge(function, received, Integer::sum);
            failures.merge(function, failed, Integer::sum);
        }

        DrainReport report() {
            return new DrainReport(Map.copyOf(invocations), Map.copyOf(messages), Map.copyOf(failures),
                    List.copyOf(errors));
        }
    }
}
