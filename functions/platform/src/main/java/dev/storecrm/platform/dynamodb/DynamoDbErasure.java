package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.privacy.PersonalDataEraser;
import dev.storecrm.domain.privacy.RawMailArchive;
import dev.storecrm.domain.rfm.RfmChange;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Erases a member across the tables, step by step ({@link PersonalDataEraser.Step}), through the member's keys and
 * the {@code ByCustomer} indexes only. Every step reads what is left and changes it, so running it again finds
 * nothing more to do. What stays for the store's accounting (orders, coupons, carts' figures, the send ledger,
 * disputes, customer mail) moves to the pseudonymous id; the rest is deleted. Disputes are
 * {@link DynamoDbDisputeRedaction}'s, customer mail {@link DynamoDbCareMailRedaction}'s.
 */
public final class DynamoDbErasure implements PersonalDataEraser {

    /** The tables an erasure reaches. */
    public record Tables(String members, String orders, String orderOwners, String pointsLedger, String coupons,
                         String carts, String sendLedger, String disputes, String disputeHistory, String occasions,
                         String winBack, String timers, String referrals, String rejects, String suppressions,
                         String followUps, String privacyRequests, String careMail, String rfm, int rfmShards,
                         String feedbackAnswers) {}

    /** The lists whose follow-up calls name members (FollowUpCall's lists), and the months they are kept. */
    static final List<String> FOLLOW_UP_LISTS = List.of("birthdays", "dormant");
    static final int FOLLOW_UP_MONTHS = 25;

    private final DynamoDbClient dynamoDb;
    private final Tables tables;
    private final RawMailArchive rawMail;
    private final Clock clock;

    /** {@code rawMail}: where the customer mail's raw messages are (the InboundMailBucket). */
    public DynamoDbErasure(DynamoDbClient dynamoDb, Tables tables, RawMailArchive rawMail, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        this.rawMail = rawMail;
        this.clock = clock;
    }

    @Override
    public void erase(Step step, Subject subject) {
        String customerId = subject.customerId();
        String pseudonym = subject.pseudonym();
        switch (step) {
            case REFUSE_LATER_EVENTS -> refuseLaterEvents(subject);
            case PROFILE -> delete(tables.members(), Attributes.key("customerId", customerId));
            case ORDERS -> forEach(partition(tables.orders(), customerId), order -> moveOrder(order, pseudonym));
            case POINTS -> forEach(partition(tables.pointsLedger(), customerId), entry -> delete(tables.pointsLedger(),
                    Map.of("customerId", entry.get("customerId"), "record", entry.get("record"))));
            case COUPONS -> forEach(byCustomer(tables.coupons(), customerId), coupon -> update(tables.coupons(),
                    Map.of("code", coupon.get("code")), "SET customerId = :p", pseudonym));
            case CARTS -> forEach(byCustomer(tables.carts(), customerId), cart -> {
                update(tables.carts(), Map.of("cartId", cart.get("cartId")),
                        "SET customerId = :p REMOVE guest, openCustomerId, recoveryUrl", pseudonym);
                delete(tables.timers(), Attributes.key("timerId", "cart#" + cart.get("cartId").s()));
            });
            case MAIL -> forEach(QueryRequest.builder().tableName(tables.sendLedger())
                    .indexName(DynamoDbMemberFile.MAIL_INDEX).keyConditionExpression("customerId = :c")
                    .expressionAttributeValues(Map.of(":c", s(customerId))), entry -> update(tables.sendLedger(),
                    Map.of("businessKey", entry.get("businessKey")), "SET customerId = :p", pseudonym));
            case DISPUTES -> new DynamoDbDisputeRedaction(dynamoDb, tables.disputes(), tables.disputeHistory(),
                    clock).redact(byCustomer(tables.disputes(), customerId), pseudonym);
            case CUSTOMER_MAIL -> new DynamoDbCareMailRedaction(dynamoDb, tables.careMail(), rawMail, clock)
                    .redact(customerId, pseudonym);
            case JOURNEYS -> journeys(customerId, pseudonym);
            case SCORES -> scores(customerId);
            case REJECTS -> forEach(byCustomer(tables.rejects(), customerId),
                    reject -> delete(tables.rejects(), Map.of("rejectId", reject.get("rejectId"))));
            case SUPPRESSION -> suppression(subject);
            case FOLLOW_UPS -> followUps(customerId);
            case REQUESTS -> forEach(byCustomer(tables.privacyRequests(), customerId), request -> {
                if (!request.get("requestKey").s().endsWith("#" + subject.requestId())) {
                    dynamoDb.updateItem(u -> u.tableName(tables.privacyRequests())
                            .key(Map.of("requestKey", request.get("requestKey")))
                            .updateExpression("REMOVE #event, #export").expressionAttributeNames(
                                    Map.of("#event", "event", "#export", "export")));
                }
            });
        }
    }

    /** The customer's mark: kept from the first erasure on (a later one leaves its time). */
    private void refuseLaterEvents(Subject subject) {
        try {
            dynamoDb.putItem(p -> p.tableName(tables.privacyRequests()).item(Map.of(
                            "requestKey", s(DynamoDbPrivacyRequests.ERASED_MARK + subject.customerId()),
                            "erasedAt", s(clock.instant().toString()), "requestId", s(subject.requestId())))
                    .conditionExpression("attribute_not_exists(requestKey)"));
        } catch (ConditionalCheckFailedException markedBefore) {
            // Erased before and not registered again since: the first erasure's mark stands.
        }
    }

    /** An order under the pseudonym (the same item, another partition), its owner's contact dropped. */
    private void moveOrder(Map<String, AttributeValue> order, String pseudonym) {
        // the member's answer to the order's follow-up (a comment is theirs) goes first: once the order has moved,
        // a step run again would no longer find it under the member
        delete(tables.feedbackAnswers(), Map.of("orderId", order.get("orderId")));
        Map<String, AttributeValue> moved = new HashMap<>(order);
        moved.put("customerId", s(pseudonym));
        dynamoDb.putItem(p -> p.tableName(tables.orders()).item(moved));
        try {
            dynamoDb.updateItem(u -> u.tableName(tables.orderOwners()).key(Map.of("orderId", order.get("orderId")))
                    .updateExpression("SET customerId = :p REMOVE contactEmail, contactName, contactLocale")
                    .conditionExpression("attribute_exists(orderId)")
                    .expressionAttributeValues(Map.of(":p", s(pseudonym))));
        } catch (ConditionalCheckFailedException noOwner) {
            // No payment adapter saw this order (or its record expired): nothing to change there.
        }
        delete(tables.orders(), Map.of("customerId", order.get("customerId"), "orderId", order.get("orderId")));
    }

    private void journeys(String customerId, String pseudonym) {
        forEach(partition(tables.occasions(), customerId), occasion -> delete(tables.occasions(),
                Map.of("customerId", occasion.get("customerId"), "kind", occasion.get("kind"))));
        forEach(partition(tables.winBack(), customerId), entry -> delete(tables.winBack(),
                Map.of("customerId", entry.get("customerId"), "entry", entry.get("entry"))));
        for (String timer : List.of("winback#", "rfm#", "points#", "referral#")) {
            delete(tables.timers(), Attributes.key("timerId", timer + customerId));
        }
        delete(tables.referrals(), Attributes.key("refereeId", customerId));
        forEach(QueryRequest.builder().tableName(tables.referrals()).indexName("ByReferrer")
                .keyConditionExpression("referrerId = :c").expressionAttributeValues(Map.of(":c", s(customerId))),
                referral -> update(tables.referrals(), Map.of("refereeId", referral.get("refereeId")),
                        "SET referrerId = :p", pseudonym));
    }

    /**
     * The member's RFM goes through RfmBook's own transaction (state, memberships, the shard's histogram and counts
     * together), so the segments' counts stop counting them; a change meanwhile fails the step, which runs again.
     */
    private void scores(String customerId) {
        DynamoDbRfmBook book = new DynamoDbRfmBook(dynamoDb, tables.rfm(), tables.rfmShards());
        book.find(customerId, true).ifPresent(state -> book.save(new RfmChange(customerId, Optional.of(state),
                Optional.empty()), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
    }

    /** A suppression of the member's own becomes one of the address's hash (the sender and importer check it). */
    private void suppression(Subject subject) {
        Map<String, AttributeValue> memberKey = Attributes.key("subject",
                DynamoDbSuppressionList.memberKey(subject.customerId()));
        Map<String, AttributeValue> own = dynamoDb.getItem(g -> g.tableName(tables.suppressions()).key(memberKey)
                .consistentRead(true)).item();
        if (own.containsKey("scope") && subject.addressHash().isPresent()) {
            try {
                dynamoDb.updateItem(new Update().set("reason", own.get("reason")).set("scope", own.get("scope"))
                        .set("since", own.get("since")).value("all", s("ALL"))
                        .condition("attribute_not_exists(#scope) OR #scope <> :all")
                        .toRequest(tables.suppressions(), Attributes.key("subject",
                                DynamoDbSuppressionList.addressHashKey(subject.addressHash().get()))));
            } catch (ConditionalCheckFailedException addressSuppressedForAll) {
                // The address is suppressed for all mail already.
            }
        }
        delete(tables.suppressions(), memberKey);
    }

    /** The member's calls on the lists of the months still kept (two years): one DeleteItem each, no query. */
    private void followUps(String customerId) {
        YearMonth month = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).plusMonths(1);
        for (int i = 0; i <= FOLLOW_UP_MONTHS; i++) {
            for (String list : FOLLOW_UP_LISTS) {
                delete(tables.followUps(), Map.of("listMonth", s(list + "#" + month.minusMonths(i)),
                        "customerId", s(customerId)));
            }
        }
    }

    private QueryRequest.Builder partition(String table, String customerId) {
        return QueryRequest.builder().tableName(table).keyConditionExpression("customerId = :c")
                .expressionAttributeValues(Map.of(":c", s(customerId)));
    }

    private QueryRequest.Builder byCustomer(String table, String customerId) {
        return partition(table, customerId).indexName(DynamoDbPersonalData.BY_CUSTOMER);
    }

    /** Each item the query finds, page after page (a consistent read where the table, not an index, is read). */
    private void forEach(QueryRequest.Builder query, Consumer<Map<String, AttributeValue>> action) {
        QueryRequest request = query.build();
        QueryRequest consistent = request.indexName() == null ? request.toBuilder().consistentRead(true).build()
                : request;
        dynamoDb.queryPaginator(consistent).items().forEach(action);
    }

    /** Changes an item the query found, unless it is gone since (expired): an update never re-creates it. */
    private void update(String table, Map<String, AttributeValue> key, String expression, String pseudonym) {
        try {
            dynamoDb.updateItem(u -> u.tableName(table).key(key).updateExpression(expression)
                    .conditionExpression("attribute_exists(" + key.keySet().iterator().next() + ")")
                    .expressionAttributeValues(Map.of(":p", s(pseudonym))));
        } catch (ConditionalCheckFailedException goneSince) {
            // Expired between the query and the update: nothing left to change.
        }
    }

    private void delete(String table, Map<String, AttributeValue> key) {
        dynamoDb.deleteItem(d -> d.tableName(table).key(key));
    }
}
