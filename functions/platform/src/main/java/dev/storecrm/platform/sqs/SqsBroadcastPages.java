package dev.storecrm.platform.sqs;

import dev.storecrm.domain.broadcast.BroadcastPage;
import dev.storecrm.domain.broadcast.BroadcastPages;
import dev.storecrm.domain.messaging.Timers;
import java.time.Clock;
import java.time.Instant;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The BroadcastQueue: a page due now is one message on it; a page due later is a timer (target {@code broadcast},
 * which TIMER_TARGETS maps to the same queue), so a broadcast scheduled days ahead costs one timer, not a message
 * bouncing every 15 minutes.
 */
public final class SqsBroadcastPages implements BroadcastPages {

    /** The timer sweep's name for the BroadcastQueue. */
    public static final String TARGET = "broadcast";

    private final SqsClient sqs;
    private final String queueUrl;
    private final Timers timers;
    private final Clock clock;

    public SqsBroadcastPages(SqsClient sqs, String queueUrl, Timers timers, Clock clock) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.timers = timers;
        this.clock = clock;
    }

    @Override
    public void send(BroadcastPage page, Instant at) {
        if (at.isAfter(clock.instant())) {
            timers.schedule(new Timers.Timer(TARGET + "#" + page.campaignId() + "#" + page.page(), TARGET,
                    page.json(), at));
        } else {
            sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(page.json()));
        }
    }
}
