package dev.storecrm.platform.sqs;

import dev.storecrm.domain.rfm.RfmRecheck;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Asks RfmFunction to evaluate a member again: one message on the RfmQueue. */
public final class SqsRfmRecheck implements RfmRecheck {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsRfmRecheck(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void recheck(String customerId) {
        sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(RfmRecheck.body(customerId)));
    }
}
