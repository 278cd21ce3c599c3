package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.bool;
import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.campaign.LiftAssignment;
import dev.storecrm.domain.campaign.LiftAttribution;
import dev.storecrm.domain.campaign.LiftBook;
import dev.storecrm.domain.campaign.LiftCell;
import dev.storecrm.domain.campaign.LiftTally;
import dev.storecrm.domain.campaign.OrderCredit;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The lift report's figures in the LiftTable (template.yaml has the key design): cells' tallies under
 * {@code P#<week>}, a member's kept assignments under {@code M#<member>} (with the order that redeemed the
 * assignment's coupon, once one did), an order's contribution under {@code O#<order>}. Every event is one
 * transaction: the assignment with its cell, or the order with the assignments it moved and their cells, or a
 * redeemed coupon's mark on its assignment with its cell, each guarded, so a duplicate or a concurrent event
 * changes nothing twice.
 */
public final class DynamoDbLiftBook implements LiftBook {

    private static final String[] FIGURES = {"sent", "skipped", "heldOut", "emails", "smsSegments", "couponCost",
        "tConverters", "tRevenue", "tSquares", "hConverters", "hRevenue", "hSquares"};
    private static final int TREATED_SQUARES = 8;
    private static final int HELD_SQUARES = 11;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbLiftBook(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public boolean assign(LiftAssignment assignment, LiftTally change, Instant keepUntil) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(assignmentItem(assignment, keepUntil)).conditionExpression("attribute_not_exists(pk)")
                .build()).build());
        writes.add(tallyUpdate(assignment.cell(), change));
        return firstWrite(writes, assignment);
    }

    @Override
    public List<LiftAssignment> assignedSince(String customerId, Instant since) {
        // Every page, filtered by the time of the assignment: the member's partition holds the refund grace's
        // assignments too, and a Limit would apply before the filter. A second's margin: instants are compared as
        // text, whose fraction of a second varies in length; the attribution decides to the instant.
        return dynamoDb.queryPaginator(q -> q.tableName(table)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :a)").filterExpression("#at >= :since")
                        .expressionAttributeNames(Map.of("#at", "at"))
                        .expressionAttributeValues(Map.of(":pk", s("M#" + customerId), ":a", s("A#"),
                                ":since", s(since.minusSeconds(1).toString()))))
                .items().stream().limit(MAX_KEPT).map(DynamoDbLiftBook::assignmentOf).toList();
    }

    @Override
    public Optional<LiftAssignment> assignment(String customerId, String businessKey) {
        var item = dynamoDb.getItem(g -> g.tableName(table).consistentRead(true)
                .key(key("M#" + customerId, "A#" + businessKey))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(assignmentOf(item));
    }

    @Override
    public Revisioned<OrderCredit> order(String orderId, String customerId) {
        var item = dynamoDb.getItem(g -> g.tableName(table).consistentRead(true).key(key("O#" + orderId, "O")))
                .item();
        if (item == null || item.isEmpty()) {
            return new Revisioned<>(OrderCredit.none(orderId, customerId), 0);
        }
        String paidAt = Attributes.string(item, "paidAt").orElse(null);
        return new Revisioned<>(new OrderCredit(orderId, item.get("customerId").s(), Attributes.number(item, "paid", 0),
                paidAt == null ? null : Instant.parse(paidAt), Attributes.number(item, "refunded", 0),
                strings(item, "refundIds"), strings(item, "credited")), Attributes.number(item, "rev", 0));
    }

    @Override
    public void save(Revisioned<OrderCredit> prior, Map<String, LiftAssignment> before,
                     LiftAttribution.Outcome outcome, Instant keepUntil) {
        OrderCredit order = outcome.order();
        Map<String, AttributeValue> item = new HashMap<>(key("O#" + order.orderId(), "O"));
        item.put("customerId", s(order.customerId()));
        item.put("paid", n(order.paidMinor()));
        Attributes.putIfPresent(item, "paidAt", order.paidAt());
        item.put("refunded", n(order.refundedMinor()));
        item.put("refundIds", Attributes.l(order.refundIds().stream().map(Attributes::s).toList()));
        item.put("credited", Attributes.l(order.creditedKeys().stream().map(Attributes::s).toList()));
        item.put("rev", n(prior.revision() + 1));
        item.put("expiresAt", n(keepUntil.getEpochSecond()));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression(prior.revision() == 0 ? "attribute_not_exists(pk)" : "rev = :rev")
                .expressionAttributeValues(prior.revision() == 0 ? null : Map.of(":rev", n(prior.revision())))
                .build()).build());
        for (LiftAssignment moved : outcome.assignments()) {
            LiftAssignment old = before.get(moved.businessKey());
            Update update = new Update().set("revenue", n(moved.revenueMinor())).set("converted",
                    bool(moved.converted())).condition("#revenue = :was AND #converted = :wasConverted")
                    .value("was", n(old.revenueMinor())).value("wasConverted", bool(old.converted()));
            writes.add(TransactWriteItem.builder().update(asTransactional(update.toRequest(table,
                    key("M#" + moved.customerId(), "A#" + moved.businessKey()))))
                    .build());
        }
        outcome.changes().forEach((cell, change) -> writes.add(tallyUpdate(cell, change)));
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(writes));
        } catch (TransactionCanceledException cancelled) {
            throw conflictOr(cancelled, "order " + order.orderId());
        }
    }

    @Override
    public boolean chargeCoupon(LiftAssignment assignment, String orderId, long discountMinor) {
        Update mark = new Update().set("couponOrder", s(orderId)).set("couponCost", n(discountMinor))
                .name("pk", "pk").name("couponOrder", "couponOrder")
                .condition("attribute_exists(#pk) AND attribute_not_exists(#couponOrder)");
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder().update(asTransactional(mark.toRequest(table,
                        key("M#" + assignment.customerId(), "A#" + assignment.businessKey())))).build(),
                tallyUpdate(assignment.cell(), LiftTally.couponCost(discountMinor)));
        return firstWrite(writes, assignment);
    }

    /**
     * Writes {@code writes} in one transaction whose first item is conditional on {@code assignment}'s state:
     * false when that condition failed (the write was done before), true when all were written.
     */
    private boolean firstWrite(List<TransactWriteItem> writes, LiftAssignment assignment) {
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(writes));
            return true;
        } catch (TransactionCanceledException cancelled) {
            if ("ConditionalCheckFailed".equals(cancelled.cancellationReasons().getFirst().code())) {
                return false;
            }
            throw conflictOr(cancelled, "assignment " + assignment.businessKey());
        }
    }

    @Override
    public Map<LiftCell, LiftTally> period(String period) {
        Map<LiftCell, LiftTally> cells = new LinkedHashMap<>();
        dynamoDb.queryPaginator(q -> q.tableName(table).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s("P#" + period)))).items()
                .forEach(item -> cells.put(LiftCell.ofKey(item.get("sk").s() + "|" + period), tallyOf(item)));
        return cells;
    }

    private TransactWriteItem tallyUpdate(LiftCell cell, LiftTally change) {
        long[] longs = {change.sent(), change.skipped(), change.heldOut(), change.emails(), change.smsSegments(),
            change.couponCostMinor(), change.treated().converters(), change.treated().revenueMinor(), 0,
            change.held().converters(), change.held().revenueMinor(), 0};
        Update update = new Update();
        for (int i = 0; i < FIGURES.length; i++) {
            BigInteger value = i == TREATED_SQUARES ? change.treated().revenueSquares()
                    : i == HELD_SQUARES ? change.held().revenueSquares() : BigInteger.valueOf(longs[i]);
            if (value.signum() != 0) {
                update.add(FIGURES[i], AttributeValue.fromN(value.toString()));
            }
        }
        return TransactWriteItem.builder().update(asTransactional(update.toRequest(table,
                key("P#" + cell.period(), String.join("|", cell.journey(), cell.step(), cell.variant()))))).build();
    }

    private static LiftTally tallyOf(Map<String, AttributeValue> item) {
        return new LiftTally(number(item, "sent"), number(item, "skipped"), number(item, "heldOut"),
                number(item, "emails"),
                number(item, "smsSegments"), number(item, "couponCost"),
                new LiftTally.Arm(number(item, "tConverters"), number(item, "tRevenue"), big(item, "tSquares")),
                new LiftTally.Arm(number(item, "hConverters"), number(item, "hRevenue"), big(item, "hSquares")));
    }

    private static Map<String, AttributeValue> assignmentItem(LiftAssignment a, Instant keepUntil) {
        Map<String, AttributeValue> item = new HashMap<>(key("M#" + a.customerId(), "A#" + a.businessKey()));
        item.put("cell", s(a.cell().key()));
        item.put("heldOut", bool(a.heldOut()));
        item.put("at", s(a.at().toString()));
        item.put("revenue", n(a.revenueMinor()));
        item.put("converted", bool(a.converted()));
        item.put("expiresAt", n(keepUntil.getEpochSecond()));
        return item;
    }

    private static LiftAssignment assignmentOf(Map<String, AttributeValue> item) {
        return new LiftAssignment(item.get("sk").s().substring(2), item.get("pk").s().substring(2),
                LiftCell.ofKey(item.get("cell").s()), item.get("heldOut").bool(), Instant.parse(item.get("at").s()),
                number(item, "revenue"), item.get("converted").bool());
    }

    private static software.amazon.awssdk.services.dynamodb.model.Update asTransactional(UpdateItemRequest request) {
        return software.amazon.awssdk.services.dynamodb.model.Update.builder().tableName(request.tableName())
                .key(request.key()).updateExpression(request.updateExpression())
                .conditionExpression(request.conditionExpression())
                .expressionAttributeNames(request.expressionAttributeNames())
                .expressionAttributeValues(request.expressionAttributeValues()).build();
    }

    private static RuntimeException conflictOr(TransactionCanceledException cancelled, String subject) {
        boolean conflict = cancelled.cancellationReasons().stream().map(CancellationReason::code)
                .anyMatch(code -> "ConditionalCheckFailed".equals(code) || "TransactionConflict".equals(code));
        return conflict ? new ConcurrentUpdateException(subject + " changed since it was read") : cancelled;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        return Attributes.number(item, name, 0);
    }

    private static BigInteger big(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? BigInteger.ZERO : new BigInteger(value.n());
    }

    private static List<String> strings(Map<String, AttributeValue> item, String name) {
        return Attributes.list(item, name).stream().map(AttributeValue::s).toList();
    }
}
