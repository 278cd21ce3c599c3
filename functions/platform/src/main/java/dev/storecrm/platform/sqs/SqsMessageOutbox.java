package dev.storecrm.platform.sqs;

import dev.storecrm.domain.messaging.MessageOutbox;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.MessageRequestJson;
import dev.storecrm.domain.messaging.Priority;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

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
            List<MessageRequest> forQueue = requests.stream().filter(r -> queueFor(r).equals(queue)).toList();
            for (int i = 0; i < forQueue.size(); i += 10) {
                List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                for (MessageRequest request : forQueue.subList(i, Math.min(forQueue.size(), i + 10))) {
                    entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(entries.size()))
                            .messageBody(MessageRequestJson.write(request)).build());
                }
                SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queue).entries(entries));
                if (response.hasFailed() && !response.failed().isEmpty()) {
                    throw new IllegalStateException(response.failed().size() + " message requests were not accepted by "
                            + "the outbox: " + response.failed().getFirst().code());
                }
            }
        }
    }

    /** The queue URL a request goes to. */
    public String queueFor(MessageRequest request) {
        return request.priority() == Priority.high ? priorityQueueUrl : queueUrl;
    }
}
