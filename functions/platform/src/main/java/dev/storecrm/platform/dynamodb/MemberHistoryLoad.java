package dev.storecrm.platform.dynamodb;

import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.event.StoreEvent;
import dev.storecrm.domain.member.MemberLedger;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.member.OrdersInMemory;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Bulk loading (benchmarks, tests): a member's history of events applied in memory by the
 * {@link MemberLedger}, then written as the member archive would have written it: the orders to
 * the OrdersTable in batches, the member item with one put. For a member with a long history, in
 * seconds instead of an event at a time.
 */
public final class MemberHistoryLoad {

    private MemberHistoryLoad() {}

    /** The member after the events; its item and its orders are written at the next revision. */
    public static MemberRecord load(DynamoDbClient dynamoDb, String membersTable, String ordersTable,
                                    MemberPolicy policy, Revisioned<MemberRecord> member,
                                    List<? extends StoreEvent> events, Instant now) {
        OrdersInMemory orders = new OrdersInMemory();
        MemberRecord after = new MemberLedger(policy).replay(member.value(), events, orders);
        long revision = member.revision() + 1;
        BatchWrites.putAll(dynamoDb, ordersTable, orders.all().stream()
                .map(order -> OrderItemMapper.toItem(after.customerId(), order, revision)).toList());
        dynamoDb.putItem(p -> p.tableName(membersTable)
                .item(MemberItemMapper.toItem(after, MemberSummary.of(after, policy, now), revision, now)));
        return after;
    }
}
