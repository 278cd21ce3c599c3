package dev.storecrm.platform.sqs;

import dev.storecrm.domain.broadcast.BroadcastPage;
import dev.storecrm.domain.broadcast.BroadcastPages;
import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The BroadcastQueue: one message per page of a broadcast, delayed by at most 15 minutes (SQS's limit). */
public final class SqsBroadcastPages implements BroadcastPages {

    private static final long MAX_DELAY_SECONDS = 900;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsBroadcastPages(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(BroadcastPage page, Duration delay) {
        int seconds = (int) Math.min(MAX_DELAY_SECONDS, Math.max(0, delay.toSeconds()));
        sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(page.json()).delaySeconds(seconds));
    }
}
