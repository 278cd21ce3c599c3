package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.messaging.AddressHash;
import dev.storecrm.domain.messaging.SuppressionList;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The suppression list in the SuppressionsTable: partition key {@code subject}, which is
 * {@code address#<sha256 of the address>} or {@code member#<customerId>}. No address is stored in
 * clear. A suppression for all mail is never weakened to a marketing-only one.
 */
public final class DynamoDbSuppressionList implements SuppressionList {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbSuppressionList(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    static String addressKey(String email) {
        return "address#" + AddressHash.of(email);
    }

    static String addressHashKey(String addressHash) {
        return "address#" + addressHash;
    }

    static String memberKey(String customerId) {
        return "member#" + customerId;
    }

    /** One eventually consistent GetItem per subject (half a read unit each): the address, and the member if given. */
    @Override
    public Optional<Suppression> find(String email, Optional<String> customerId) {
        List<String> subjects = new ArrayList<>();
        subjects.add(addressKey(email));
        customerId.ifPresent(id -> subjects.add(memberKey(id)));
        return subjects.stream()
                .map(subject -> dynamoDb.getItem(g -> g.tableName(tableName).key(Attributes.key("subject", subject)))
                        .item())
                .filter(item -> item.containsKey("scope"))
                .map(item -> new Suppression(Reason.valueOf(item.get("reason").s()),
                        Scope.valueOf(item.get("scope").s()), Instant.parse(item.get("since").s())))
                .max(Comparator.comparing((Suppression x) -> x.scope() == Scope.ALL).thenComparing(Suppression::since));
    }

    @Override
    public void suppressAddressHash(String addressHash, Reason reason, Scope scope, Instant at) {
        suppress(addressHashKey(addressHash), reason, scope, at);
    }

    @Override
    public void suppressMember(String customerId, Reason reason, Scope scope, Instant at) {
        suppress(memberKey(customerId), reason, scope, at);
    }

    private void suppress(String subject, Reason reason, Scope scope, Instant at) {
        Update update = new Update().set("reason", s(reason.name())).set("scope", s(scope.name()))
                .set("since", s(at.toString()));
        if (scope == Scope.MARKETING) {
            update.value("all", s(Scope.ALL.name())).condition("attribute_not_exists(#scope) OR #scope <> :all");
        }
        try {
            dynamoDb.updateItem(update.toRequest(tableName, Attributes.key("subject", subject)));
        } catch (ConditionalCheckFailedException alreadyStronger) {
            // Suppressed for all mail already; a marketing-only suppression adds nothing.
        }
    }

    /** Soft bounces are kept as a list of {@code <instant> <feedbackId>} within the window. */
    @Override
    public int countSoftBounce(String email, String feedbackId, Instant at, Duration window) {
        String subject = addressKey(email);
        Instant since = at.minus(window);
        List<AttributeValue> recent = new ArrayList<>(Attributes.list(dynamoDb.getItem(g -> g.tableName(tableName)
                .key(Attributes.key("subject", subject)).consistentRead(true)).item(), "softBounces"));
        recent.removeIf(v -> Instant.parse(v.s().split(" ")[0]).isBefore(since));
        if (recent.stream().noneMatch(v -> v.s().endsWith(" " + feedbackId))) {
            recent.add(s(at + " " + feedbackId));
            dynamoDb.updateItem(new Update().set("softBounces", Attributes.l(recent))
                    .toRequest(tableName, Attributes.key("subject", subject)));
        }
        return recent.size();
    }
}
