package dev.storecrm.orderfeedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.localcloud.LocalStore;
import dev.storecrm.localcloud.SentMail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Paid orders walked through the weeks after payment, with the real member archive (which keeps the orders),
 * order-feedback function, timer sweep and sender, asserting the mail the SES emulator received and the send
 * ledger.
 */
class OrderFeedbackIT {

    /** 10:00 in Shanghai: the ask falls due at that local time, outside quiet hours. */
    private static final Instant START = Instant.parse("2026-03-02T02:00:00Z");

    // Holdouts off: these tests follow named orders; the holdout test turns them on.
    @RegisterExtension
    final LocalStore local = LocalStore.at(START.minus(Duration.ofDays(1))).with(Map.of("HOLDOUT_PERCENT", "0"));

    @Test
    void aPaidOrderIsAskedAboutOnceOnTheSeventhDayHoweverOftenItsPaymentArrives() {
        member("c-ann");
        paid("evt-ann-1", "c-ann", "o-ann", START);
        paid("evt-ann-1", "c-ann", "o-ann", START);
        walkTo(START.plus(Duration.ofDays(3)));
        // The platform sends the same payment again, three days later, with its own id and time.
        paid("evt-ann-2", "c-ann", "o-ann", START.plus(Duration.ofDays(3)));
        walkTo(START.plus(Duration.ofDays(9)));
        // And once more after the ask went: the timer fires again, the business key sends nothing twice.
        paid("evt-ann-3", "c-ann", "o-ann", START.plus(Duration.ofDays(9)));
        walkTo(START.plus(Duration.ofDays(20)));

        assertEquals(List.of("day 7: How is your order o-ann?"), asks("c-ann"));
        assertEquals(Map.of("FEEDBACK#o-ann", "SENT"), ledger("c-ann"));
    }

    @Test
    void cancelledRefundedAndDisputedOrdersAreNotAskedAbout() {
        for (String name : List.of("cancel", "refund", "dispute", "kept")) {
            member("c-" + name);
            paid("evt-" + name, "c-" + name, "o-" + name, START);
        }
        walkTo(START.plus(Duration.ofDays(2)));
        publish(Events.orderCancelled("c-cancel", "o-cancel").id("evt-cancel-x").at(local.clock().instant()).json());
        publish(Events.orderRefunded("c-refund", "o-refund", "r-1").id("evt-refund-x").amount(500)
                .at(local.clock().instant()).json());
        // A dispute about the order, closed since: the order is still not one to ask about.
        local.cloud().dynamoDb().putItem(p -> p.tableName(local.cloud().tableName("DisputesTable")).item(Map.of(
                "disputeId", AttributeValue.fromS("d-1"), "customerId", AttributeValue.fromS("c-dispute"),
                "orderId", AttributeValue.fromS("o-dispute"), "status", AttributeValue.fromS("closed"))));
        // Another dispute of the same customer, about another order, does not count for this one.
        local.cloud().dynamoDb().putItem(p -> p.tableName(local.cloud().tableName("DisputesTable")).item(Map.of(
                "disputeId", AttributeValue.fromS("d-2"), "customerId", AttributeValue.fromS("c-kept"),
                "orderId", AttributeValue.fromS("o-other"), "status", AttributeValue.fromS("closed"))));
        walkTo(START.plus(Duration.ofDays(15)));

        assertEquals(List.of(), asks("c-cancel"));
        assertEquals(List.of(), asks("c-refund"));
        assertEquals(List.of(), asks("c-dispute"));
        assertEquals(Map.of(), ledger("c-dispute"), "nothing requested for a skipped order");
        assertEquals(List.of("day 7: How is your order o-kept?"), asks("c-kept"));
    }

    @Test
    void aHeldOutOrderGetsNoMailAndIsRecordedAsHeldOut() {
        local.redeploy(Map.of("HOLDOUT_PERCENT", "50"));
        Holdout half = Holdout.percent("50");
        String held = IntStream.range(0, 1_000).mapToObj(i -> "o-" + i)
                .filter(order -> half.holdsOut("c-held", OrderFeedbackService.JOURNEY, order)).findFirst()
                .orElseThrow();
        String treated = IntStream.range(0, 1_000).mapToObj(i -> "o-" + i)
                .filter(order -> !half.holdsOut("c-held", OrderFeedbackService.JOURNEY, order)).findFirst()
                .orElseThrow();
        member("c-held");
        paid("evt-held-1", "c-held", held, START);
        paid("evt-held-2", "c-held", treated, START.plus(Duration.ofDays(1)));
        walkTo(START.plus(Duration.ofDays(12)));

        assertEquals(Map.of("FEEDBACK#" + held, "HELD_OUT", "FEEDBACK#" + treated, "SENT"), ledger("c-held"));
        assertEquals(List.of("day 8: How is your order " + treated + "?"), asks("c-held"));
    }

    @Test
    void aPaymentArrivingLongAfterItWasMadeArmsNoStaleAsk() {
        local.clock().set(START);
        member("c-late");
        // Paid 20 days ago, delivered now: the ask would have gone 13 days ago (more than 7 days late).
        publish(Events.orderPaid("c-late", "o-late").id("evt-late").at(START.minus(Duration.ofDays(20))).json());
        walkTo(START.plus(Duration.ofDays(10)));
        assertEquals(List.of(), asks("c-late"));
        assertEquals(Map.of(), ledger("c-late"));
    }

    @Test
    void aTimerWithoutItsOrderIsKeptWithItsReasonAndBlocksNothing() {
        member("c-bad");
        local.cloud().sqs().sendMessage(m -> m.queueUrl(local.cloud().queueUrl("OrderFeedbackQueue"))
                .messageBody("{\"kind\": \"order-feedback\", \"customerId\": \"c-bad\"}"));
        paid("evt-bad-1", "c-bad", "o-bad", START);
        walkTo(START.plus(Duration.ofDays(8)));
        List<Map<String, AttributeValue>> rejects = scan("RejectsTable");
        assertEquals(List.of("order-feedback SCHEMA_VIOLATION"), rejects.stream()
                .map(i -> i.get("consumer").s() + " " + i.get("reason").s()).toList());
        assertEquals(List.of("day 7: How is your order o-bad?"), asks("c-bad"), "the good messages went on");
    }

    // ------------------------------------------------------------------ helpers

    private void member(String customerId) {
        publish(Events.memberRegistered(customerId).at("2025-06-01T00:00:00Z").name(customerId).json());
    }

    /** A payment at {@code at}, published then (an event is never from the consumer's future). */
    private void paid(String eventId, String customerId, String orderId, Instant at) {
        if (at.isAfter(local.clock().instant())) {
            local.clock().set(at);
        }
        publish(Events.orderPaid(customerId, orderId).id(eventId).at(at).json());
    }

    private void publish(String event) {
        local.publish(event);
        local.functions().drainAll();
    }

    /** Moves time on day by day, a minute past each day's 10:00 in Shanghai, running the sweep and every queue. */
    private void walkTo(Instant end) {
        for (Instant day = local.clock().instant().plus(Duration.ofDays(1)); !day.isAfter(end);
             day = day.plus(Duration.ofDays(1))) {
            local.advanceTo(day.plusSeconds(60));
        }
    }

    /** The follow-up mail a member received, as "day N: subject" (days since START). */
    private List<String> asks(String customerId) {
        List<String> asks = new ArrayList<>();
        List<Map<String, AttributeValue>> ledger = scan("SendLedgerTable");
        for (SentMail mail : local.cloud().sentMail()) {
            if (!mail.to().contains(customerId + "@example.com")) {
                continue;
            }
            Instant sent = ledger.stream().filter(i -> i.get("messageId") != null
                    && mail.messageId().equals(i.get("messageId").s()))
                    .map(i -> Instant.parse(i.get("settledAt").s())).findFirst().orElseThrow();
            asks.add("day " + Duration.between(START, sent).toDays() + ": " + mail.subject().replace("[AD] ", ""));
        }
        return asks;
    }

    /** The member's send ledger: business key to status, or to the reason for what did not go. */
    private Map<String, String> ledger(String member) {
        Map<String, String> entries = new TreeMap<>();
        scan("SendLedgerTable").stream()
                .filter(item -> item.containsKey("customerId") && member.equals(item.get("customerId").s()))
                .forEach(item -> entries.put(item.get("businessKey").s(), "SENT".equals(item.get("status").s())
                        ? "SENT" : item.get("reason").s()));
        return entries;
    }

    private List<Map<String, AttributeValue>> scan(String table) {
        return local.cloud().dynamoDb().scan(s -> s.tableName(local.cloud().tableName(table)).consistentRead(true))
                .items();
    }
}
