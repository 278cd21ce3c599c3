package dev.storecrm.platform.sqs;

import dev.storecrm.domain.messaging.MessageOutbox;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.MessageRequestJson;
import dev.storecrm.domain.messaging.Priority;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The outbox on SQS: high-priority requests on OutboxPriorityQueue, the rest on OutboxQueue, both
 * consumed by SenderFunction. Batches of up to ten per call.
 */
public final class SqsMessageOutbox implements MessageOutbox {

    private final SqsClient sqs;
    private final String queueUrl;
    private final String priorityQueueUrl;

    public SqsMessageOutbox(SqsClient sqs, String queueUrl, String priorityQueueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.priorityQueueUrl = priorityQueueUrl;
    }

    @Override
    public void enqueue(MessageRequest request) {
        sqs.sendMessage(m -> m.queueUrl(queueFor(request)).messageBody(MessageRequestJson.write(request)));
    }

    @Override
    public void enqueueAll(List<MessageRequest> requests) {
        for (String queue : List.of(queueUrl, priorityQueueUrl)) {
            SqsBatches.send(sqs, queue, requests.stream().filter(r -> queueFor(r).equals(queue))
                    .map(MessageRequestJson::write).toList(), "message requests");
        }
    }

    /** The queue URL a request goes to. */
    public String queueFor(MessageRequest request) {
        return request.priority() == Priority.high ? priorityQueueUrl : queueUrl;
    }
}
