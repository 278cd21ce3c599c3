package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.event.PrivacyEvent;
import dev.storecrm.domain.event.PrivacyEvent.CustomerErasureRequested;
import dev.storecrm.domain.privacy.ErasedCustomers;
import dev.storecrm.domain.privacy.PersonalDataEraser.Step;
import dev.storecrm.domain.privacy.PrivacyRequests;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The PrivacyRequestsTable: one item per privacy request, written once (a conditional put), never expiring, then
 * updated with what was done about it.
 *
 * <p>Key: {@code requestKey} = {@code <type>#<requestId>} (e.g. {@code CustomerErasureRequested#shopify:redact:...}).
 * Attributes: {@code type}, {@code requestId}, {@code eventId}, {@code occurredAt}, {@code receivedAt},
 * {@code deadline} (where the request has one), {@code customerId} (where the subject has one), {@code status}
 * ({@code RECEIVED}) and {@code event}, the canonical event as received (bounded by the contract's limits, well
 * under DynamoDB's item size). The subject's e-mail address and phone are in {@code event} only. A data request,
 * once answered: {@code status} {@code EXPORTED}, {@code export} (the export's JSON, bounded under 400 KB by its
 * per-part limits) and {@code exportedAt}. An erasure request, once begun: {@code status} {@code ERASING},
 * {@code pseudonym}, {@code addressHash} (one-way), {@code progress} (M step to the instant it was done); once done:
 * {@code status} {@code ERASED}, {@code erasedAt}, {@code requester} (M party, via: who asked), and neither
 * {@code event} nor {@code pseudonym}.
 *
 * <p>An erased customer's mark: {@code requestKey} = {@code ERASED#<customerId>}, {@code erasedAt},
 * {@code requestId}; deleted when the customer registers again with fresh consent. Index {@code ByCustomer}
 * ({@code customerId}, keys only): a customer's requests, for an erasure to clear the earlier ones.
 */
public final class DynamoDbPrivacyRequests implements PrivacyRequests, ErasedCustomers {

    /** The status of a request no one has acted on yet. */
    public static final String RECEIVED = "RECEIVED";
    /** The status of a data request whose export is kept in {@code export}. */
    public static final String EXPORTED = "EXPORTED";
    /** The status of an erasure request under way, and done. */
    public static final String ERASING = "ERASING";
    public static final String ERASED = "ERASED";
    /** The key prefix of an erased customer's mark. */
    public static final String ERASED_MARK = "ERASED#";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbPrivacyRequests(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean keep(PrivacyEvent request, String eventJson, Instant receivedAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("requestKey", s(key(request)));
        item.put("type", s(request.meta().type().name()));
        item.put("requestId", s(request.requestId()));
        item.put("eventId", s(request.meta().id()));
        item.put("occurredAt", s(request.meta().occurredAt().toString()));
        item.put("receivedAt", s(receivedAt.toString()));
        item.put("status", s(RECEIVED));
        request.deadline().ifPresent(deadline -> item.put("deadline", s(deadline.toString())));
        request.subject().customerId().ifPresent(customerId -> item.put("customerId", s(customerId)));
        item.put("event", s(eventJson));
        try {
            dynamoDb.putItem(put -> put.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(requestKey)"));
            return true;
        } catch (ConditionalCheckFailedException keptBefore) {
            return false;
        }
    }

    /** The item key of a request. */
    public static String key(PrivacyEvent request) {
        return request.meta().type().name() + "#" + request.requestId();
    }

    @Override
    public void exported(PrivacyEvent.CustomerDataRequested request, String exportJson, Instant at) {
        dynamoDb.updateItem(new Update().set("status", s(EXPORTED)).set("export", s(exportJson))
                .set("exportedAt", s(at.toString())).condition("attribute_exists(requestKey)")
                .toRequest(tableName, Attributes.key("requestKey", key(request))));
    }

    @Override
    public Optional<String> export(String requestId) {
        return Attributes.string(dynamoDb.getItem(g -> g.tableName(tableName).consistentRead(true)
                .key(Attributes.key("requestKey", "CustomerDataRequested#" + requestId))).item(), "export");
    }

    @Override
    public Optional<ErasureProgress> erasure(CustomerErasureRequested request) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(tableName).consistentRead(true)
                .key(Attributes.key("requestKey", key(request)))).item();
        if (!item.containsKey("progress")) {
            return Optional.empty();
        }
        // A finished erasure has nothing left to do, even a step added since it finished.
        Set<Step> done = ERASED.equals(Attributes.string(item, "status").orElse("")) ? EnumSet.allOf(Step.class)
                : EnumSet.noneOf(Step.class);
        Attributes.map(item, "progress").keySet().forEach(step -> done.add(Step.valueOf(step)));
        return Optional.of(new ErasureProgress(item.get("customerId").s(), Attributes.string(item, "pseudonym")
                .orElse(""), Attributes.string(item, "addressHash"), done));
    }

    @Override
    public ErasureProgress beginErasure(CustomerErasureRequested request, ErasureProgress start, Instant at) {
        Update update = new Update().set("status", s(ERASING)).set("customerId", s(start.customerId()))
                .set("pseudonym", s(start.pseudonym())).set("progress", Attributes.m(Map.of()))
                .set("erasureBegunAt", s(at.toString())).condition("attribute_not_exists(progress)");
        start.addressHash().ifPresent(hash -> update.set("addressHash", s(hash)));
        try {
            dynamoDb.updateItem(update.toRequest(tableName, Attributes.key("requestKey", key(request))));
            return start;
        } catch (ConditionalCheckFailedException begunBefore) {
            return erasure(request).orElseThrow();
        }
    }

    @Override
    public void stepDone(CustomerErasureRequested request, Step step, Instant at) {
        dynamoDb.updateItem(u -> u.tableName(tableName).key(Attributes.key("requestKey", key(request)))
                .updateExpression("SET progress.#step = :at").expressionAttributeNames(Map.of("#step", step.name()))
                .expressionAttributeValues(Map.of(":at", s(at.toString()))));
    }

    /** Ends the erasure once: a re-delivery of a finished one finds it {@code ERASED}, its {@code erasedAt} kept. */
    @Override
    public void erased(CustomerErasureRequested request, Instant at) {
        Map<String, AttributeValue> requester = new HashMap<>();
        requester.put("party", s(request.requester().party().name()));
        request.requester().via().ifPresent(via -> requester.put("via", s(via)));
        try {
            dynamoDb.updateItem(u -> u.tableName(tableName).key(Attributes.key("requestKey", key(request)))
                    .updateExpression("SET #status = :erased, erasedAt = :at, requester = :requester "
                            + "REMOVE #event, pseudonym")
                    .conditionExpression("#status <> :erased")
                    .expressionAttributeNames(Map.of("#status", "status", "#event", "event"))
                    .expressionAttributeValues(Map.of(":erased", s(ERASED), ":at", s(at.toString()),
                            ":requester", Attributes.m(requester))));
        } catch (ConditionalCheckFailedException finishedBefore) {
            // Erased before: the first end stands (its time, its requester).
        }
    }

    @Override
    public Optional<Instant> erasedAt(String customerId) {
        // Eventually consistent (half a read unit): an event a moment after the mark is written may still pass;
        // the erasure's later steps clear what it wrote.
        return Attributes.string(dynamoDb.getItem(g -> g.tableName(tableName)
                .key(Attributes.key("requestKey", ERASED_MARK + customerId))).item(), "erasedAt").map(Instant::parse);
    }

    @Override
    public void lift(String customerId, Instant at) {
        dynamoDb.deleteItem(d -> d.tableName(tableName).key(Attributes.key("requestKey", ERASED_MARK + customerId)));
    }
}
