package dev.storecrm.platform.sqs;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** Sends message bodies to a queue ten per call; a body SQS does not accept fails the whole send (to be retried). */
final class SqsBatches {

    private SqsBatches() {}

    static void send(SqsClient sqs, String queueUrl, List<String> bodies, String what) {
        for (int i = 0; i < bodies.size(); i += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (String body : bodies.subList(i, Math.min(bodies.size(), i + 10))) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(entries.size()))
                        .messageBody(body).build());
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                throw new IllegalStateException(response.failed().size() + " " + what
                        + " were not accepted by the queue: " + response.failed().getFirst().code());
            }
        }
    }
}
