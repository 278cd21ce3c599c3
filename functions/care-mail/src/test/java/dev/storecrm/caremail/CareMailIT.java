package dev.storecrm.caremail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.caremail.CareIntake;
import dev.storecrm.domain.caremail.Conversation;
import dev.storecrm.domain.caremail.ConversationStore;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.localcloud.LocalInboundMail;
import dev.storecrm.localcloud.LocalStore;
import dev.storecrm.localcloud.SentMail;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real-world MIME (src/test/resources/mail, written from RFC 2045-2047, 3464 and 3834) delivered by the local
 * cloud as SES would (the raw object in the inbound bucket, the receipt notification through the topic to the
 * CareMailQueue, every resource policy checked), through the real CareMailFunction, TimerSweepFunction (time
 * travel), SenderFunction and the SES emulator.
 */
class CareMailIT {

    static final String CARE = "service@example.com";
    static final String AGENTS = "care@example.com";
    static final String ESCALATION = "care-lead@example.com";
    static final String MEMBER = "member.1004@example.com";

    private LocalInboundMail inbound;
    private ConversationStore conversations;

    @RegisterExtension
    final LocalStore local = LocalStore.at(Instant.parse("2027-01-01T00:00:00Z"))
            .with(Map.of("DISPUTE_AGENT_LOCALE", "en", "CARE_ESCALATION_ADDRESS", ESCALATION));

    @BeforeEach
    void setUp() {
        this.inbound = new LocalInboundMail(local.cloud());
        this.conversations = new DynamoDbConversations(local.cloud().dynamoDb(),
                local.cloud().tableName("CareMailTable"));
        publish(Events.memberRegistered("c-1004").at("2026-10-01T00:00:00Z").email(MEMBER).name("Li Hua")
                .locale("zh-CN").json());
        publish(Events.orderPlaced("c-1004", "o-7001").at("2026-12-27T08:00:00Z").json());
        local.functions().drainAll();
    }

    @Test
    void aMembersChineseMailIsTakenOnceLinkedToTheOrderAndAcknowledgedInTheWorkingHoursDeadline() {
        deliver("delivery-gb2312-alternative.eml", CARE, "2027-01-04T02:15:00Z");
        Conversation conversation = conversation("CAF1a2b3c4d5e6f7@mail.example.com");
        assertEquals("delivery", conversation.category());
        assertFalse(conversation.urgent());
        assertEquals("订单 o-7001 的包裹还没到", conversation.subject(), "the GB2312 encoded subject, decoded");
        assertEquals(List.of("c-1004"), conversation.customerId().stream().toList(), "matched Member.1004@Example.com");
        assertEquals(List.of("o-7001"), conversation.orderId().stream().toList());
        // Mon 10:15 Shanghai + 24 working hours (Mon-Fri 09:00-18:00): 7 h 45 + 9 h + 7 h 15 = Wed 16:15.
        assertEquals(Instant.parse("2027-01-06T08:15:00Z"), conversation.answerBy());
        assertEquals(List.of("我们已收到您的邮件：订单 o-7001 的包裹还没到"), subjects(MEMBER));
        SentMail acknowledgement = local.cloud().sentMailTo(MEMBER).getFirst();
        String ack = acknowledgement.text();
        assertTrue(ack.contains("2027-01-06 16:15 Asia/Shanghai") && ack.contains("物流配送"), ack);
        assertEquals(List.of("service+" + conversation.conversationId() + "@example.com"), acknowledgement.replyTo(),
                "the customer's answer to the acknowledgement joins the conversation by its token");
        assertEquals("<CAF1a2b3c4d5e6f7@mail.example.com>", acknowledgement.headers().get("In-Reply-To"));
        assertTrue(thread(conversation).contains("您好，我的订单号：o-7001 已经一周了"),
                "the base64 GB2312 text part: " + thread(conversation));

        deliver("delivery-gb2312-alternative.eml", CARE, "2027-01-04T02:16:00Z");
        assertEquals(1, conversation("CAF1a2b3c4d5e6f7@mail.example.com").messages(), "the same Message-ID once");
        assertEquals(1, subjects(MEMBER).size(), "and acknowledged once");
    }

    @Test
    void aForwardedThreadJoinsItsConversationAndItsComplaintMakesItUrgentWithoutASecondAcknowledgement() {
        deliver("delivery-gb2312-alternative.eml", CARE, "2027-01-04T02:15:00Z");
        deliver("forwarded-thread.eml", CARE, "2027-01-05T01:30:00Z");
        Conversation conversation = conversation("CAF1a2b3c4d5e6f7@mail.example.com");
        assertEquals(2, conversation.messages());
        assertEquals("delivery", conversation.category());
        assertTrue(conversation.urgent(), "我要投诉 (I complain) in the GBK text");
        // Tue 09:30 + 4 working hours = Tue 13:30 Shanghai, sooner than Wed 16:15.
        assertEquals(Instant.parse("2027-01-05T05:30:00Z"), conversation.answerBy());
        assertEquals(1, subjects(MEMBER).size(), "one acknowledgement per conversation");
        String thread = thread(conversation);
        assertTrue(thread.contains("还是没有消息，我要投诉") && thread.contains("[forwarded] 您好"), thread);
        assertTrue(thread.contains("订单 o-7001 的包裹还没到.eml"), "the forwarded message, by reference: " + thread);
    }

    @Test
    void aGuestsReturnKeepsItsAttachmentByReferenceAndAPlusAddressedReplyJoinsTheConversation() {
        deliver("return-utf8-attachment.eml", CARE, "2027-01-04T03:00:00Z");
        Conversation conversation = conversation("20270104030000.GA1234@example.org");
        assertEquals("returns", conversation.category());
        assertEquals("Return request – 申请退货", conversation.subject(), "Q and B encoded UTF-8 words");
        assertTrue(conversation.customerId().isEmpty(), "a guest: no member has the address");
        assertTrue(thread(conversation).contains("the wrong size – I would like to return them"), "quoted-printable");
        assertTrue(thread(conversation).contains("[attachments: [shoes.jpg]]"), thread(conversation));
        assertEquals(List.of("我们已收到您的邮件：Return request – 申请退货"), subjects("guest.9001@example.org"));

        String reply = "From: guest.9001@example.org\r\nTo: care+" + conversation.conversationId()
                + "@example.com\r\nSubject: photo 2\r\nMessage-ID: <reply-2@example.org>\r\n\r\nAnother photo.\r\n";
        inbound.deliver(reply.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                "service+" + conversation.conversationId() + "@example.com", Instant.parse("2027-01-04T04:00:00Z"));
        local.functions().drainAll();
        assertEquals(2, conversations.get(conversation.conversationId()).orElseThrow().messages(),
                "the token in our own address threads it");
    }

    @Test
    void outOfOfficeRepliesBouncesAndSpamAreRefusedWithTheReasonAndNeverAnswered() {
        deliver("out-of-office.eml", CARE, "2027-01-04T04:00:00Z");
        deliver("bounce.eml", CARE, "2027-01-04T04:05:00Z");
        inbound.deliver(raw("complaint-qp.eml"), CARE, Instant.parse("2027-01-04T04:10:00Z"),
                new LocalInboundMail.Verdicts("FAIL", "PASS"));
        local.functions().drainAll();
        assertEquals(List.of(), local.cloud().sentMail(), "nothing answered: no mail loop");
        assertTrue(conversations.conversationOf("ooo-4711@mail.example.com").isEmpty());
        List<String> reasons = local.cloud().dynamoDb().scan(s -> s.tableName(local.cloud()
                .tableName("RejectsTable"))).items().stream()
                .filter(item -> item.get("consumer").s().equals("care-mail"))
                .map(item -> item.get("reason").s() + ": " + item.get("detail").s()).sorted().toList();
        assertEquals(List.of("REFUSED_MAIL: SES spam verdict FAIL; not answered",
                "REFUSED_MAIL: auto-reply: Auto-Submitted auto-replied; not answered",
                "REFUSED_MAIL: bounce: delivery status notification; not answered"), reasons);
    }

    @Test
    void anUrgentComplaintIsChasedByTheTimersRemindedBeforeItsDeadlineAndEscalatedAtTheBreach() {
        deliver("complaint-qp.eml", CARE, "2027-01-04T09:30:00Z");
        Conversation conversation = conversation("complaint-9002@example.org");
        assertEquals("complaint", conversation.category());
        assertTrue(conversation.urgent());
        // Mon 17:30 Shanghai: half an hour on Monday, 3 h 30 on Tuesday: Tue 12:30.
        assertEquals(Instant.parse("2027-01-05T04:30:00Z"), conversation.answerBy());
        assertEquals(List.of("We received your message: Complaint about order #A1234"),
                subjects("guest.9002@example.org"));
        assertTrue(local.cloud().sentMailTo("guest.9002@example.org").getFirst().text()
                .contains("by 2027-01-05 12:30 Asia/Shanghai"));
        String id = conversation.conversationId();

        advanceTo("2027-01-05T00:29:00Z");
        assertEquals(List.of(), subjects(AGENTS));
        advanceTo("2027-01-05T00:31:30Z");
        assertEquals(List.of("[4h left] Customer mail " + id + " (Complaint)"), subjects(AGENTS));
        advanceTo("2027-01-05T03:31:30Z");
        assertEquals(2, subjects(AGENTS).size());
        assertEquals(List.of(), subjects(ESCALATION));
        advanceTo("2027-01-05T04:31:30Z");
        assertEquals(List.of("[BREACHED] Customer mail " + id + " (Complaint) is unanswered"), subjects(ESCALATION));
        advanceTo("2027-01-08T00:00:00Z");
        assertEquals(2, subjects(AGENTS).size(), "nothing more");
        assertEquals(1, subjects(ESCALATION).size());
        assertTrue(thread(conversation).contains("escalated"), thread(conversation));
    }

    @Test
    void mailForAnAddressNoReceiptRuleTakesIsNotDelivered() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> inbound.deliver(
                raw("complaint-qp.eml"), "sales@example.com", Instant.parse("2027-01-04T04:10:00Z")));
        assertTrue(e.getMessage().contains("sales@example.com"), e.getMessage());
    }

    private void deliver(String file, String to, String at) {
        advanceTo(at);
        inbound.deliver(raw(file), to, local.clock().instant());
        local.functions().drainAll();
    }

    private Conversation conversation(String messageId) {
        return conversations.get(CareIntake.conversationId(messageId)).orElseThrow(() ->
                new AssertionError("no conversation for " + messageId));
    }

    private String thread(Conversation conversation) {
        return String.join("\n---\n", conversations.thread(conversation.conversationId(), 50).stream()
                .map(e -> e.kind() + ": " + e.summary()).toList());
    }

    private static byte[] raw(String file) {
        try (InputStream in = CareMailIT.class.getResourceAsStream("/mail/" + file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void publish(String event) {
        local.publish(event);
    }

    private void advanceTo(String instant) {
        local.advanceTo(Instant.parse(instant));
        local.functions().drainAll();
    }

    private List<String> subjects(String address) {
        return local.cloud().sentMailTo(address).stream().map(SentMail::subject).toList();
    }
}
