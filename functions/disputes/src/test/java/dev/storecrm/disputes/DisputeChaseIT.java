package dev.storecrm.disputes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.dispute.Dispute;
import dev.storecrm.domain.dispute.DisputeStatus;
import dev.storecrm.domain.dispute.HistoryEntry;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.SendLedger;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.localcloud.CapacityRecorder;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalStore;
import dev.storecrm.localcloud.SentMail;
import dev.storecrm.localcloud.Template;
import dev.storecrm.platform.dynamodb.DynamoDbDisputeHistory;
import dev.storecrm.platform.dynamodb.DynamoDbDisputes;
import dev.storecrm.platform.dynamodb.DynamoDbSendLedger;
import dev.storecrm.platform.sqs.SqsMessageOutbox;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each dispute reason walked through its typical path in the local cloud, with the real
 * DisputeFunction, TimerSweepFunction (time travel), SenderFunction and the SES emulator: reminders
 * before each deadline, the escalation at breach and the customer's messages arrive at the right
 * times, exactly once each, and a dispute that moves on stops the chase of what no longer applies.
 */
class DisputeChaseIT {

    static final String AGENTS = "care@example.com";
    static final String ESCALATION = "care-lead@example.com";

    @RegisterExtension
    final LocalStore local = LocalStore.at(Instant.parse("2026-11-01T00:00:00Z"))
            .with(Map.of("DISPUTE_AGENT_LOCALE", "en"));

    @BeforeEach
    void setUp() {
        this.history = new DynamoDbDisputeHistory(local.cloud().dynamoDb(),
                local.cloud().tableName("DisputeHistoryTable"));
    }

    @Test
    void notReceivedOnAliExpressIsChasedToThePlatformsDaySevenThenResolved() {
        member("c-1004", "member.1004@example.com");
        at("2026-11-11T19:00:30Z", () -> publishSample("dispute-opened.json", e -> { }));
        assertEquals(List.of("We received your dispute about order o-7001"), subjects("member.1004@example.com"));
        assertTrue(mailTo("member.1004@example.com").getFirst().text().contains("2026-11-14 03:00 Asia/Shanghai"),
                "the acknowledgement says when the seller answers at the latest (48 hours)");

        advanceTo("2026-11-12T18:59:00Z");
        assertEquals(List.of(), subjects(AGENTS), "no reminder 72 hours before a 48-hour deadline");
        advanceTo("2026-11-12T19:01:30Z");
        assertEquals(List.of("[24h left] Seller response to the dispute: dispute d-4001"), subjects(AGENTS));

        at("2026-11-13T02:00:30Z", () -> publishSample("dispute-updated.json", e -> { }));
        List<SentMail> customer = mailTo("member.1004@example.com");
        assertEquals("Update on your dispute about order o-7001", customer.get(1).subject());
        assertTrue(customer.get(1).text().contains("Parcel is at customs"), customer.get(1).text());

        advanceTo("2026-11-13T19:05:00Z");
        assertEquals(1, subjects(AGENTS).size(), "the seller answered: no 4-hour reminder of the seller response");
        assertEquals(List.of(), subjects(ESCALATION), "and no breach");

        advanceTo("2026-11-14T16:01:30Z");
        advanceTo("2026-11-16T16:01:30Z");
        advanceTo("2026-11-17T12:01:30Z");
        assertEquals(List.of("[24h left] Seller response to the dispute: dispute d-4001",
                "[72h left] Settle before the platform steps in: dispute d-4001",
                "[24h left] Settle before the platform steps in: dispute d-4001",
                "[4h left] Settle before the platform steps in: dispute d-4001"), subjects(AGENTS));
        assertEquals(List.of(), subjects(ESCALATION));
        advanceTo("2026-11-17T15:59:00Z");
        assertEquals(List.of(), subjects(ESCALATION), "day 7 (18 November in Shanghai) has not begun");
        advanceTo("2026-11-17T16:01:30Z");
        assertEquals(List.of("[BREACHED] Settle before the platform steps in: dispute d-4001"), subjects(ESCALATION));

        at("2026-11-18T01:00:30Z", () -> publishSample("dispute-escalated.json", e -> { }));
        at("2026-11-20T02:00:30Z", () -> publishSample("dispute-resolved-refunded.json", e -> { }));
        advanceTo("2026-12-01T00:00:00Z");
        assertEquals(List.of("We received your dispute about order o-7001",
                "Update on your dispute about order o-7001",
                "Update on your dispute about order o-7001",
                "Your dispute about order o-7001 is closed"), subjects("member.1004@example.com"));
        assertTrue(mailTo("member.1004@example.com").get(2).text().contains("The platform is now reviewing"));
        assertTrue(mailTo("member.1004@example.com").get(3).text().contains("you are refunded"));
        assertEquals(4, subjects(AGENTS).size(), "nothing more once resolved");
        assertEquals(1, subjects(ESCALATION).size());
    }

    @Test
    void notAsDescribedOnTheStoreGetsAnApologyAReturnAndAResolvingUpdateCancelsPendingReminders() {
        member("c-1001", "member.1001@example.com");
        at("2026-11-16T02:00:30Z", () -> publishSample("dispute-opened-store-return.json", e -> { }));
        at("2026-11-16T07:00:30Z", () -> publishSample("dispute-return-agreed.json", e -> { }));
        assertEquals(List.of("We received your dispute about order o-5001", "We are sorry about order o-5001"),
                subjects("member.1001@example.com"));
        String apology = mailTo("member.1001@example.com").get(1).text();
        assertTrue(apology.contains("the goods are not as described, and that is our fault"), apology);
        assertTrue(apology.contains("by 2026-11-26 15:00 Asia/Shanghai"), "the buyer's 10 days to ship: " + apology);
        advanceTo("2026-11-17T03:00:00Z");
        assertEquals(List.of(), subjects(AGENTS), "accepted in time: the 24-hour response deadline is not chased");

        at("2026-11-19T03:00:30Z", () -> publishSample("dispute-return-shipped.json", e -> { }));
        assertEquals("Update on your dispute about order o-5001", subjects("member.1001@example.com").get(2));
        assertTrue(mailTo("member.1001@example.com").get(2).text().contains("Thank you for shipping the return"));
        advanceTo("2026-11-21T03:01:30Z");
        assertEquals(List.of("[24h left] Seller confirms receipt of the return: dispute d-4003"), subjects(AGENTS));

        at("2026-11-21T10:00:00Z", () -> publish(updated("evt-d4003-resolved", "2026-11-21T10:00:00Z", "d-4003",
                "\"status\":\"resolved\",\"resolution\":\"refunded\"")));
        assertEquals(0, timersOf("d-4003"), "the resolving update cancelled the chase timer");
        advanceTo("2026-11-30T00:00:00Z");
        assertEquals(List.of("[24h left] Seller confirms receipt of the return: dispute d-4003"), subjects(AGENTS),
                "no 4-hour reminder after the dispute was resolved");
        assertEquals(List.of(), subjects(ESCALATION), "and no breach");
        assertEquals("Your dispute about order o-5001 is closed", subjects("member.1001@example.com").get(3));
        assertEquals(4, mailTo("member.1001@example.com").size());
        assertEquals(List.of("opened", "updated", "updated", "reminder", "updated"), historyKinds("d-4003"));
    }

    @Test
    void aBuyersOwnReasonGetsReturnRemindersAndTheMissedReturnIsEscalated() {
        member("c-2001", "buyer.2001@example.com");
        Consumer<ObjectNode> ownReason = e -> {
            ((ObjectNode) e.get("body")).put("disputeId", "d-5001");
            if (e.get("body").has("reason")) {
                ((ObjectNode) e.get("body")).put("reason", "buyer_reason").put("customerId", "c-2001");
            }
            e.put("id", e.get("id").asText() + "-own");
        };
        at("2026-11-16T02:00:30Z", () -> publishSample("dispute-opened-store-return.json", ownReason));
        at("2026-11-16T07:00:30Z", () -> publishSample("dispute-return-agreed.json", ownReason));
        assertEquals(List.of("We received your dispute about order o-5001",
                        "Update on your dispute about order o-5001"),
                subjects("buyer.2001@example.com"), "the buyer's own reason: no apology");
        assertTrue(mailTo("buyer.2001@example.com").get(1).text()
                .contains("Please ship the goods back by 2026-11-26 15:00"));

        advanceTo("2026-11-23T06:59:00Z");
        assertEquals(2, mailTo("buyer.2001@example.com").size());
        advanceTo("2026-11-23T07:01:30Z");
        advanceTo("2026-11-25T07:01:30Z");
        assertEquals(List.of("Please ship the return of order o-5001 by 2026-11-26 15:00 Asia/Shanghai",
                "Please ship the return of order o-5001 by 2026-11-26 15:00 Asia/Shanghai"),
                subjects("buyer.2001@example.com").subList(2, 4));
        assertTrue(mailTo("buyer.2001@example.com").get(2).text().contains("72h left"));
        assertTrue(mailTo("buyer.2001@example.com").get(3).text().contains("24h left"));
        assertEquals(List.of(), subjects(AGENTS),
                "the customer is responsible for the return: agents are not reminded");
        advanceTo("2026-11-26T07:01:30Z");
        assertEquals(List.of("[BREACHED] Buyer ships the return: dispute d-5001"), subjects(ESCALATION));
        assertTrue(mailTo(ESCALATION).getFirst().text().contains("The customer did not act in time"));

        at("2026-11-26T08:00:00Z", () -> publish(updated("evt-d5001-rejected", "2026-11-26T08:00:00Z", "d-5001",
                "\"status\":\"resolved\",\"resolution\":\"rejected\"")));
        advanceTo("2026-12-05T00:00:00Z");
        assertEquals("Your dispute about order o-5001 is closed", subjects("buyer.2001@example.com").get(4));
        assertTrue(mailTo("buyer.2001@example.com").get(4).text().contains("without a refund"));
        assertEquals(5, mailTo("buyer.2001@example.com").size());
        assertEquals(1, mailTo(ESCALATION).size());
    }

    @Test
    void aStripeDisputeIsChasedToItsEvidenceDeadlineAndAMovedDeadlineIsChasedAnew() {
        member("c-1002", "member.1002@example.com");
        at("2026-11-15T08:00:30Z", () -> publishSample("dispute-opened-stripe.json", e -> { }));
        assertEquals(List.of("We received your dispute about order o-5002"), subjects("member.1002@example.com"));
        assertTrue(!mailTo("member.1002@example.com").getFirst().text().contains("hear from us by"),
                "a payment dispute has no seller-response deadline to promise");
        advanceTo("2026-11-23T00:01:30Z");
        assertEquals(List.of("[72h left] Evidence due at the payment platform: dispute d-4002"), subjects(AGENTS));
        assertTrue(mailTo(AGENTS).getFirst().text().contains("2026-11-26 07:59 Asia/Shanghai"),
                mailTo(AGENTS).getFirst().text());

        at("2026-11-23T10:00:00Z", () -> publish(updated("evt-d4002-extended", "2026-11-23T10:00:00Z", "d-4002",
                "\"evidenceDueBy\":\"2026-11-28T23:59:59Z\"")));
        advanceTo("2026-11-25T23:00:00Z");
        assertEquals(1, mailTo(AGENTS).size(), "the old deadline's 24-hour reminder is not sent");
        advanceTo("2026-11-26T00:01:30Z");
        assertEquals(List.of("[72h left] Evidence due at the payment platform: dispute d-4002",
                "[72h left] Evidence due at the payment platform: dispute d-4002"), subjects(AGENTS));
        assertTrue(mailTo(AGENTS).get(1).text().contains("2026-11-29 07:59 Asia/Shanghai"));

        at("2026-11-27T09:00:00Z", () -> publish(updated("evt-d4002-won", "2026-11-27T09:00:00Z", "d-4002",
                "\"status\":\"resolved\",\"resolution\":\"rejected\"")));
        advanceTo("2026-12-02T00:00:00Z");
        assertEquals(2, mailTo(AGENTS).size());
        assertEquals(List.of(), subjects(ESCALATION));
        assertEquals("Your dispute about order o-5002 is closed", subjects("member.1002@example.com").get(1));
    }

    @Test
    void duplicatedAndReorderedEventsConvergeToTheSameDispute() {
        List<String> story = List.of(
                sample("dispute-opened-store-return.json"), sample("dispute-return-agreed.json"),
                sample("dispute-return-shipped.json"),
                updated("evt-d4003-resolved", "2026-11-21T10:00:00Z", "d-4003",
                        "\"status\":\"resolved\",\"resolution\":\"refunded\""));
        List<List<Integer>> orders = List.of(List.of(0, 1, 2, 3), List.of(3, 2, 1, 0), List.of(2, 0, 3, 2, 1, 0, 3),
                List.of(1, 1, 3, 0, 2));
        local.clock().set(Instant.parse("2026-11-21T11:00:00Z"));
        for (int run = 0; run < orders.size(); run++) {
            String id = "d-conv-" + run;
            for (int index : orders.get(run)) {
                publish(story.get(index).replace("\"d-4003\"", "\"" + id + "\""));
                local.functions().drainAll();
            }
        }
        Dispute expected = stored("d-conv-0");
        assertEquals(DisputeStatus.resolved, expected.currentStatus().orElseThrow());
        for (int run = 1; run < orders.size(); run++) {
            String id = "d-conv-" + run;
            assertEquals(renamed(expected, id), stored(id), "order " + orders.get(run));
            assertEquals(4, history.of(id).size(), "each event once in the history, order " + orders.get(run));
            assertEquals(0, timersOf(id));
        }
        assertEquals(0, local.cloud().dynamoDb().scan(s -> s.tableName(local.cloud().tableName("RejectsTable")))
                .count(),
                "a valid story is never refused, whatever order it arrives in");
    }

    @Test
    void invalidTransitionsAreRefusedWithAReasonAndKeptWithoutBlockingTheBatch() {
        at("2026-11-21T11:00:00Z", () -> {
            publishSample("dispute-opened.json", e -> { });
            publishSample("dispute-resolved-refunded.json", e -> { });
        });
        publish(updated("evt-reopen", "2026-11-21T10:30:00Z", "d-4001", "\"status\":\"negotiating\""));
        publish(updated("evt-no-resolution", "2026-11-21T10:30:00Z", "d-other", "\"status\":\"resolved\""));
        publish(updated("evt-back", "2026-11-21T10:30:00Z", "d-4001", "\"status\":\"awaiting_seller_confirmation\""));
        publish(updated("evt-note", "2026-11-21T10:40:00Z", "d-4001", "\"note\":\"Refund confirmed by the bank\""));
        local.functions().drainAll();

        Map<String, String> rejects = new java.util.TreeMap<>();
        local.cloud().dynamoDb().scan(s -> s.tableName(local.cloud().tableName("RejectsTable"))).items().forEach(r -> {
            assertEquals("disputes", r.get("consumer").s());
            assertEquals("INVALID_TRANSITION", r.get("reason").s());
            rejects.put(r.get("eventId").s(), r.get("detail").s());
        });
        assertEquals(List.of("evt-back", "evt-no-resolution", "evt-reopen"), List.copyOf(rejects.keySet()));
        assertTrue(rejects.get("evt-reopen").contains("is resolved; it cannot return to negotiating"),
                rejects.toString());
        assertTrue(rejects.get("evt-no-resolution").contains("needs a resolution"), rejects.toString());
        assertEquals(DisputeStatus.resolved, stored("d-4001").currentStatus().orElseThrow());
        List<String> outcomes = history.of("d-4001").stream().map(e -> e.kind() + ":" + e.outcome()).toList();
        assertEquals(List.of("opened:applied", "updated:applied", "updated:refused", "updated:refused",
                        "updated:unchanged"),
                outcomes, "refusals are kept in the dispute's history too; the note is recorded");
        assertTrue(history.of("d-4001").getLast().details().get("note").contains("Refund confirmed"));
    }

    @Test
    void marketingIsWithheldWhileTheDisputeIsOpenAndFlowsAgainAfter() {
        member("c-1004", "member.1004@example.com");
        at("2026-11-12T04:00:00Z", () -> publishSample("dispute-opened.json", e -> { }));
        outbox().enqueue(news("NEWS#1#c-1004", "c-1004"));
        local.functions().drainAll();
        assertEquals("OPEN_DISPUTE", ledger().find("NEWS#1#c-1004", true).orElseThrow().reason());

        at("2026-11-12T05:00:00Z", () -> publish(updated("evt-d4001-withdrawn", "2026-11-12T05:00:00Z", "d-4001",
                "\"status\":\"resolved\",\"resolution\":\"withdrawn\"")));
        outbox().enqueue(news("NEWS#2#c-1004", "c-1004"));
        local.functions().drainAll();
        assertEquals(List.of("We received your dispute about order o-7001", "Your dispute about order o-7001 is closed",
                "[AD] Winter teas"), subjects("member.1004@example.com"));
        assertTrue(mailTo("member.1004@example.com").get(1).text().contains("You withdrew your dispute"));
    }

    // ------------------------------------------------------------------ a customer who is not a member

    @Test
    void aCustomerWhoIsNotAMemberGetsTheDisputeMailAtTheContactTheEventCarries() {
        at("2026-11-18T13:10:30Z", () -> publishSample("dispute-opened-guest.json", e -> { }));
        assertEquals(List.of("We received your dispute about order o-7005"), subjects("buyer.4005@example.com"),
                "no member archive entry: the contact of the DisputeOpened");
        at("2026-11-19T01:30:30Z", () -> publishSample("dispute-updated-guest-contact.json", e -> { }));
        assertEquals(List.of("We received your dispute about order o-7005", "您关于订单 o-7005 的纠纷有新进展"),
                subjects("buyer.4005@example.com"), "the newest contact's locale, pt-BR, has no templates: the store's"
                        + " default locale (zh-CN here) is used, as for a member");
        SendLedger.Entry ack = ledger().find("DISPUTE#d-4005#ack", true).orElseThrow();
        assertEquals(SendLedger.Status.SENT, ack.status(), "transactional: no membership or marketing consent needed");
        assertTrue(stored("d-4005").customerContact().isPresent(), "the dispute keeps the newest contact");
        assertEquals(2, local.cloud().sentMail().stream().filter(m -> !m.to().contains(AGENTS)).count(),
                "nobody else was written to about it");
    }

    @Test
    void aMemberIsWrittenToAtTheArchivesAddressEvenWhenTheEventCarriesAContact() {
        member("c-4005", "member.4005@example.com");
        at("2026-11-18T13:10:30Z", () -> publishSample("dispute-opened-guest.json",
                e -> ((ObjectNode) e.get("body")).put("customerId", "c-4005")));
        assertEquals(List.of("We received your dispute about order o-7005"), subjects("member.4005@example.com"));
        assertEquals(List.of(), subjects("buyer.4005@example.com"), "the contact serves only a non-member");
    }

    @Test
    void aHardBounceOfTheNonMembersContactStopsTheirLaterDisputeMail() {
        local.cloud().assume(LocalCloud.Feature.SES_EVENTS);
        Consumer<ObjectNode> bouncing = e -> ((ObjectNode) e.get("body").get("customer"))
                .put("email", "bounce@simulator.amazonses.com");
        at("2026-11-18T13:10:30Z", () -> publishSample("dispute-opened-guest.json", bouncing));
        assertEquals(1, mailTo("bounce@simulator.amazonses.com").size(), "SES accepted it; the bounce came after");
        at("2026-11-19T01:30:30Z", () -> publishSample("dispute-updated-guest-contact.json", bouncing));
        assertEquals(1, mailTo("bounce@simulator.amazonses.com").size(), "a hard bounce suppresses even dispute mail");
        SendLedger.Entry progress = ledger().find("DISPUTE#d-4005#progress-evt-20261119-0302", true).orElseThrow();
        assertEquals("SUPPRESSED", progress.reason());
    }

    @Test
    void aChaseFiringReadsOnlyTheDisputeThatIsDue() {
        for (int i = 0; i < 20; i++) {
            int n = i;
            at("2026-11-11T19:00:30Z", () -> publishSample("dispute-opened.json", e -> {
                ((ObjectNode) e.get("body")).put("disputeId", "d-cap-" + n);
                e.put("id", "evt-cap-" + n);
                if (n > 0) {
                    e.put("occurredAt",
                            "2026-11-12T03:00:00+08:00".replace("03:00", "0" + (n % 2 == 0 ? 5 : 9) + ":00"));
                }
            }));
        }
        CapacityRecorder.reset();
        advanceTo("2026-11-12T19:01:30Z");
        assertEquals(1, subjects(AGENTS).size(), "one dispute's reminder is due, the other 19 are not");
        double reads = 0;
        for (CapacityRecorder.Usage usage : CapacityRecorder.usage()) {
            if (usage.function().equals("DisputeFunction")) {
                reads += usage.readUnits();
            }
        }
        assertTrue(reads <= 1.0, "one consistent read of the dispute that is due, not of the 20: " + reads);
    }

    // ------------------------------------------------------------------ helpers

    private DynamoDbDisputeHistory history;

    String sample(String file) {
        try {
            return Files.readString(Template.projectRoot().resolve("events/disputes/" + file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String updated(String id, String at, String disputeId, String fields) {
        return "{\"id\":\"" + id + "\",\"type\":\"DisputeUpdated\",\"version\":1,\"occurredAt\":\"" + at
                + "\",\"body\":{\"disputeId\":\"" + disputeId + "\"," + fields + "}}";
    }

    Dispute stored(String disputeId) {
        return new DynamoDbDisputes(local.cloud().dynamoDb(), local.cloud().tableName("DisputesTable"), history,
                local.clock())
                .find(disputeId, true).orElseThrow().value();
    }

    static Dispute renamed(Dispute dispute, String id) {
        return new Dispute(id, dispute.opening(), dispute.status(), dispute.resolution(), dispute.proposals(),
                dispute.evidenceDueBy(), dispute.returnTracking(), dispute.contact());
    }

    List<String> historyKinds(String disputeId) {
        return history.of(disputeId).stream().map(HistoryEntry::kind).toList();
    }

    long timersOf(String disputeId) {
        return local.cloud().dynamoDb().scan(s -> s.tableName(local.cloud().tableName("TimersTable"))).items().stream()
                .filter(t -> t.get("timerId").s().equals("dispute#" + disputeId)).count();
    }

    SqsMessageOutbox outbox() {
        return new SqsMessageOutbox(local.cloud().sqs(), local.cloud().queueUrl("OutboxQueue"),
                local.cloud().queueUrl("OutboxPriorityQueue"));
    }

    DynamoDbSendLedger ledger() {
        return new DynamoDbSendLedger(local.cloud().dynamoDb(), local.cloud().tableName("SendLedgerTable"),
                Duration.ofDays(400));
    }

    MessageRequest news(String key, String customerId) {
        return MessageRequest.marketing(key, "news", customerId, "store-news", Map.of("headline", "Winter teas",
                "message", "New arrivals", "link", "https://shop.example.com/new"), local.clock().instant());
    }

    /** Registers a member with marketing consent, in English, in Shanghai. */
    void member(String customerId, String email) {
        publish(Events.memberRegistered(customerId).at("2026-10-01T00:00:00Z").email(email).name("Sample " + customerId)
                .json());
        local.functions().drainAll();
    }

    /** A sample of events/disputes/, changed by {@code edit}, published on the store's bus. */
    void publishSample(String file, Consumer<ObjectNode> edit) {
        local.cloud().eventBus().publishSample("disputes/" + file, edit, "test", local.clock().instant());
    }

    void publish(String event) {
        local.publish(event);
    }

    /** Goes to a moment (sweeping timers on the way), does something there, and lets everything it caused run. */
    void at(String instant, Runnable action) {
        advanceTo(instant);
        action.run();
        local.functions().drainAll();
    }

    void advanceTo(String instant) {
        local.advanceTo(Instant.parse(instant));
    }

    List<SentMail> mailTo(String address) {
        return local.cloud().sentMailTo(address);
    }

    List<String> subjects(String address) {
        return mailTo(address).stream().map(SentMail::subject).toList();
    }
}
