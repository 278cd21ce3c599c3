package dev.storecrm.platform.dynamodb;

import dev.storecrm.domain.member.MembershipStatus;
import dev.storecrm.domain.referral.ReferralParties;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The members a referral concerns, from the MembersTable: one eventually consistent GetItem of the
 * few attributes the checks need (the derived {@code status}, the lookup keys {@code emailKey} and
 * {@code phoneKey}, {@code referrerId}), about 0.5 read units whatever the member's size.
 */
public final class DynamoDbReferralParties implements ReferralParties {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbReferralParties(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Optional<Party> find(String customerId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(Attributes.key("customerId", customerId))
                .projectionExpression("customerId, #status, emailKey, phoneKey, referrerId")
                .expressionAttributeNames(Map.of("#status", "status"))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        MembershipStatus status = Attributes.string(item, "status").flatMap(wire -> Arrays
                .stream(MembershipStatus.values()).filter(s -> s.wire().equals(wire)).findFirst())
                .orElse(MembershipStatus.NONE);
        return Optional.of(new Party(customerId, status, Attributes.string(item, "emailKey"),
                Attributes.string(item, "phoneKey"),
                Attributes.string(item, "referrerId").filter(id -> !id.isBlank())));
    }
}
