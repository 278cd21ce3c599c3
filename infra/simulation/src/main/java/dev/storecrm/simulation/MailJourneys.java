package dev.storecrm.simulation;

import dev.storecrm.domain.campaign.LiftSteps;
import dev.storecrm.localcloud.LocalCloud;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The journey of a marketing e-mail a member got, and when it went, as the send ledger tells it: the member's
 * latest settled entries (one query of the ledger's {@code SettledByCustomer} index), then each marketing entry
 * sent until the one that names the mail's SES message id (a read of the entry).
 */
final class MailJourneys {

    /** A marketing e-mail's journey, its step ({@code LiftSteps}) and the moment the sender settled it as sent. */
    record Sent(String journey, String step, Instant at) {}

    private static final int LATEST = 10;

    private final LocalCloud cloud;

    MailJourneys(LocalCloud cloud) {
        this.cloud = cloud;
    }

    Optional<Sent> of(String customerId, String messageId) {
        String table = cloud.tableName("SendLedgerTable");
        var items = cloud.dynamoDb().query(q -> q.tableName(table).indexName("SettledByCustomer")
                .scanIndexForward(false).limit(LATEST).keyConditionExpression("customerId = :member")
                .expressionAttributeValues(Map.of(":member", AttributeValue.fromS(customerId)))).items();
        for (Map<String, AttributeValue> item : items) {
            if (!"SENT".equals(text(item, "status")) || !"marketing".equals(text(item, "category"))
                    || !item.containsKey("journey")) {
                continue;
            }
            var entry = cloud.dynamoDb().getItem(g -> g.tableName(table)
                    .key(Map.of("businessKey", item.get("businessKey")))).item();
            if (messageId.equals(text(entry, "messageId"))) {
                return Optional.of(new Sent(item.get("journey").s(), LiftSteps.of(item.get("businessKey").s()),
                        Instant.parse(item.get("settledAt").s())));
            }
        }
        return Optional.empty();
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item == null ? null : item.get(name);
        return value == null ? null : value.s();
    }
}
