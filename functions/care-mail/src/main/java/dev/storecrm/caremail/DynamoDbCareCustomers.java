package dev.storecrm.caremail;

import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.caremail.CareCustomers;
import dev.storecrm.domain.messaging.OpenDisputes;
import dev.storecrm.platform.dynamodb.DynamoDbMemberFile;
import dev.storecrm.platform.dynamodb.DynamoDbOrderOwners;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The member archive as the intake asks it: the member by the normalised address (the MembersTable's
 * {@code EmailKey} index, keys only; two members with one address match neither), an order of that member
 * (the OrdersTable's item) or, for a sender the archive does not know, the owner the payment adapters recorded
 * (OrderOwnersTable), and an open dispute (the DisputesTable's {@code OpenByCustomer} index).
 */
final class DynamoDbCareCustomers implements CareCustomers {

    private final DynamoDbClient dynamoDb;
    private final String members;
    private final String orders;
    private final DynamoDbOrderOwners owners;
    private final OpenDisputes disputes;

    DynamoDbCareCustomers(DynamoDbClient dynamoDb, String members, String orders, DynamoDbOrderOwners owners,
                          OpenDisputes disputes) {
        this.dynamoDb = dynamoDb;
        this.members = members;
        this.orders = orders;
        this.owners = owners;
        this.disputes = disputes;
    }

    @Override
    public Optional<String> memberByEmail(String emailKey) {
        List<String> ids = dynamoDb.query(q -> q.tableName(members).indexName(DynamoDbMemberFile.EMAIL_INDEX)
                        .keyConditionExpression("emailKey = :key")
                        .expressionAttributeValues(Map.of(":key", s(emailKey))).limit(2))
                .items().stream().map(item -> item.get("customerId").s()).toList();
        return ids.size() == 1 ? Optional.of(ids.getFirst()) : Optional.empty();
    }

    @Override
    public Optional<String> ownerOf(String orderId, Optional<String> member) {
        if (member.isPresent()) {
            boolean theirs = dynamoDb.getItem(g -> g.tableName(orders).key(Map.of("customerId", s(member.get()),
                    "orderId", s(orderId))).projectionExpression("orderId")).hasItem();
            return theirs ? member : Optional.empty();
        }
        return owners.customerOf(orderId);
    }

    @Override
    public boolean hasOpenDispute(String customerId) {
        return disputes.hasOpenDispute(customerId);
    }
}
