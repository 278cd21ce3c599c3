package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.s;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * An erased member's disputes: the dispute keeps its facts (order, amounts, statuses, deadlines) under the
 * pseudonymous id and loses the contact, free text and return tracking; its history is redacted in place, the one
 * exception to the history's append-only rule (docs/privacy.md): {@code details.customerId} becomes the pseudonym,
 * free text ({@code note}, {@code proposal.text}, {@code returnTrackingNumber}) becomes {@value #REDACTED}, the
 * message requests (addresses, names) go, and {@code redactedAt} says when.
 */
final class DynamoDbDisputeRedaction {

    static final String REDACTED = "[erased]";
    private static final List<String> FREE_TEXT = List.of("note", "proposal.text", "returnTrackingNumber");

    private final DynamoDbClient dynamoDb;
    private final String disputes;
    private final String history;
    private final Clock clock;

    DynamoDbDisputeRedaction(DynamoDbClient dynamoDb, String disputes, String history, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.disputes = disputes;
        this.history = history;
        this.clock = clock;
    }

    /** Redacts each dispute the (keys-only) query finds, its history first, then the dispute (out of the index). */
    void redact(QueryRequest.Builder byCustomer, String pseudonym) {
        dynamoDb.queryPaginator(byCustomer.build()).items().forEach(key -> {
            AttributeValue disputeId = key.get("disputeId");
            QueryRequest entries = QueryRequest.builder().tableName(history).consistentRead(true)
                    .keyConditionExpression("disputeId = :d").expressionAttributeValues(Map.of(":d", disputeId))
                    .build();
            dynamoDb.queryPaginator(entries).items().forEach(entry -> redactEntry(entry, pseudonym));
            Map<String, AttributeValue> dispute = dynamoDb.getItem(g -> g.tableName(disputes).consistentRead(true)
                    .key(Map.of("disputeId", disputeId))).item();
            if (!dispute.isEmpty()) {
                Map<String, AttributeValue> redacted = new HashMap<>(dispute);
                redacted.put("customerId", s(pseudonym));
                redacted.remove("contact");
                redacted.remove("openCustomerId");
                redacted.computeIfPresent("returnTrackingNumber", (name, value) -> s(REDACTED));
                redacted.computeIfPresent("proposals", (name, value) -> Attributes.m(withoutText(value.m())));
                redacted.put("redactedAt", s(clock.instant().toString()));
                // Guarded by the revision read: a dispute changed meanwhile fails the step, which runs again.
                dynamoDb.putItem(p -> p.tableName(disputes).item(redacted).conditionExpression("#rev = :rev")
                        .expressionAttributeNames(Map.of("#rev", "rev"))
                        .expressionAttributeValues(Map.of(":rev", dispute.get("rev"))));
            }
        });
    }

    private void redactEntry(Map<String, AttributeValue> entry, String pseudonym) {
        if (entry.containsKey("redactedAt")) {
            return;
        }
        Map<String, AttributeValue> redacted = new HashMap<>(entry);
        Map<String, AttributeValue> details = new HashMap<>(Attributes.map(entry, "details"));
        details.computeIfPresent("customerId", (name, value) -> s(pseudonym));
        FREE_TEXT.forEach(field -> details.computeIfPresent(field, (name, value) -> s(REDACTED)));
        if (entry.containsKey("details")) {
            redacted.put("details", Attributes.m(details));
        }
        redacted.remove("requests");
        redacted.put("redactedAt", s(clock.instant().toString()));
        dynamoDb.putItem(p -> p.tableName(history).item(redacted));
    }

    /** Each party's proposal without its free text. */
    private static Map<String, AttributeValue> withoutText(Map<String, AttributeValue> proposals) {
        Map<String, AttributeValue> redacted = new HashMap<>();
        proposals.forEach((party, proposal) -> {
            Map<String, AttributeValue> fact = new HashMap<>(proposal.hasM() ? proposal.m() : Map.of());
            fact.computeIfPresent("text", (name, value) -> s(REDACTED));
            redacted.put(party, Attributes.m(fact));
        });
        return redacted;
    }
}
