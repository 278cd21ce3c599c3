package dev.storecrm.platform.sqs;

import dev.storecrm.domain.loyalty.OrderPoints;
import dev.storecrm.domain.loyalty.PointsFeed;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The member archive's order points on the LoyaltyQueue, which LoyaltyFunction consumes; ten per call. */
public final class SqsPointsFeed implements PointsFeed {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsPointsFeed(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(List<OrderPoints> changes) {
        SqsBatches.send(sqs, queueUrl, changes.stream().map(OrderPoints::toJson).toList(), "order points");
    }
}
