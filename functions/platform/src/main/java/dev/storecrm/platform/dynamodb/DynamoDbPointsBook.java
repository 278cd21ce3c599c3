package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.loyalty.LedgerEntry;
import dev.storecrm.domain.loyalty.OrderPointsState;
import dev.storecrm.domain.loyalty.PointsAccount;
import dev.storecrm.domain.loyalty.PointsBook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The points ledger in the PointsLedgerTable ({@link PointsItemMapper} has the items). A decision is
 * one transaction: the account, conditional on the revision read; the order's record, conditional
 * on the account revision it was read at; a request's marker, if new; the entries. Two writers of
 * one member: one wins, the other is told ({@link ConcurrentUpdateException}) and decides again.
 * Entries and request markers expire (TTL {@code expiresAt}) {@code retention} after they were
 * written, well after the points they moved.
 */
public final class DynamoDbPointsBook implements PointsBook {

    private static final int PAGE = 100;

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Duration retention;

    public DynamoDbPointsBook(DynamoDbClient dynamoDb, String tableName, Duration retention) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.retention = retention;
    }

    @Override
    public Optional<Revisioned<PointsAccount>> account(String customerId, boolean consistentRead) {
        return item(customerId, PointsItemMapper.ACCOUNT, consistentRead).map(PointsItemMapper::account);
    }

    @Override
    public Optional<Revisioned<OrderPointsState>> order(String customerId, String orderId, boolean consistentRead) {
        return item(customerId, PointsItemMapper.orderRecord(orderId), consistentRead).map(PointsItemMapper::order);
    }

    @Override
    public boolean requestRecorded(String customerId, String requestKey) {
        return item(customerId, PointsItemMapper.requestRecord(requestKey), true).isPresent();
    }

    @Override
    public void commit(Movement movement) {
        String customerId = movement.account().customerId();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(PointsItemMapper.account(movement.account(), movement.revision(), movement.at()),
                movement.expectedRevision()));
        movement.order().ifPresent(order -> writes.add(put(
                PointsItemMapper.order(customerId, order, movement.revision(), movement.at()),
                movement.expectedOrderRevision())));
        movement.request().ifPresent(key -> writes.add(put(Map.of("customerId", s(customerId),
                "record", s(PointsItemMapper.requestRecord(key)), "recordedAt", s(movement.at().toString()),
                "expiresAt", n(movement.at().plus(retention).getEpochSecond())), OptionalLong.empty())));
        for (LedgerEntry entry : movement.entries()) {
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                    .item(PointsItemMapper.entry(entry, movement.at().plus(retention))).build()).build());
        }
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(writes));
        } catch (TransactionCanceledException cancelled) {
            for (CancellationReason reason : cancelled.cancellationReasons()) {
                if ("ConditionalCheckFailed".equals(reason.code()) || "TransactionConflict".equals(reason.code())) {
                    throw new ConcurrentUpdateException("the points of " + customerId
                            + " changed since they were read");
                }
            }
            throw cancelled;
        }
    }

    @Override
    public List<LedgerEntry> entries(String customerId, int limit, OptionalLong before) {
        String to = before.isPresent() ? String.format("entry#%012d", before.getAsLong()) : "entry#~";
        return dynamoDb.query(q -> q.tableName(tableName)
                        .keyConditionExpression("customerId = :customer AND #record BETWEEN :from AND :to")
                        .expressionAttributeNames(Map.of("#record", "record"))
                        .expressionAttributeValues(Map.of(":customer", s(customerId), ":from", s("entry#"),
                                ":to", s(to)))
                        .scanIndexForward(false).limit(Math.min(limit, PAGE)))
                .items().stream().map(PointsItemMapper::entry).toList();
    }

    /** A put conditional on the revision read ({@code rev}), or on there being no item yet. */
    private TransactWriteItem put(Map<String, AttributeValue> item, OptionalLong expectedRevision) {
        Put.Builder put = Put.builder().tableName(tableName).item(item);
        if (expectedRevision.isPresent()) {
            put.conditionExpression("rev = :expected")
                    .expressionAttributeValues(Map.of(":expected", n(expectedRevision.getAsLong())));
        } else {
            put.conditionExpression("attribute_not_exists(customerId)");
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private Optional<Map<String, AttributeValue>> item(String customerId, String record, boolean consistentRead) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("customerId", s(customerId));
        key.put("record", s(record));
        GetItemResponse response = dynamoDb.getItem(g -> g.tableName(tableName).key(key)
                .consistentRead(consistentRead));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }
}
