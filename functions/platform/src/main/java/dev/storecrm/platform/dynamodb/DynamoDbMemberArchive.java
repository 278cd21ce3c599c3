package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.n;

import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.member.ArchivedOrder;
import dev.storecrm.domain.member.MemberArchive;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The member archive in the MembersTable (partition key {@code customerId}). Saves are whole-item
 * puts guarded by the revision, so a concurrent writer is detected, never overwritten; the item
 * is bounded whatever the member's history, so a save costs a few write units at most.
 */
public final class DynamoDbMemberArchive implements MemberArchive {

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;

    public DynamoDbMemberArchive(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
    }

    @Override
    public Optional<Revisioned<MemberRecord>> find(String customerId, boolean consistentRead) {
        return item(customerId, consistentRead).map(MemberItemMapper::fromItem);
    }

    @Override
    public Optional<Stored> findForUpdate(String customerId, boolean consistentRead) {
        return item(customerId, consistentRead)
                .map(item -> new Stored(MemberItemMapper.fromItem(item), MemberItemMapper.unsettled(item)));
    }

    private Optional<Map<String, AttributeValue>> item(String customerId, boolean consistentRead) {
        GetItemResponse response = dynamoDb.getItem(get -> get.tableName(tableName)
                .key(Attributes.key("customerId", customerId))
                .consistentRead(consistentRead));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    @Override
    public void save(MemberRecord record, MemberSummary summary, OptionalLong expectedRevision,
                     Collection<ArchivedOrder> unsettled) {
        long revision = expectedRevision.orElse(0) + 1;
        Map<String, AttributeValue> item = MemberItemMapper.toItem(record, summary, revision, clock.instant(),
                unsettled);
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(tableName).item(item);
        if (expectedRevision.isPresent()) {
            put.conditionExpression("rev = :expected")
                    .expressionAttributeValues(Map.of(":expected", n(expectedRevision.getAsLong())));
        } else {
            put.conditionExpression("attribute_not_exists(customerId)");
        }
        try {
            dynamoDb.putItem(put.build());
        } catch (ConditionalCheckFailedException conflict) {
            throw new ConcurrentUpdateException("member " + record.customerId() + " changed since it was read");
        }
    }
}
