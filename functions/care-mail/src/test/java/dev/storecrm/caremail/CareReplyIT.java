package dev.storecrm.caremail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.caremail.CareIntake;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.localcloud.LocalInboundMail;
import dev.storecrm.localcloud.LocalStaffDoor;
import dev.storecrm.localcloud.LocalStore;
import dev.storecrm.localcloud.SentMail;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The agents' answers through the local staff API and the real functions (CareDeskFunction, the outbox, the sender,
 * the SES emulator, the care mail intake and the timer sweep): a reply goes once per request key, threaded onto the
 * customer's mail with the conversation's token in {@code Reply-To}; it closes the conversation or waits for the
 * customer, whose next mail reopens it with a fresh deadline; the chase stops while nobody owes an answer.
 */
class CareReplyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CARE = "service@example.com";
    private static final String GUEST = "guest.9002@example.org";
    private static final String COMPLAINT = CareIntake.conversationId("complaint-9002@example.org");
    private static final String RE = "Re: Complaint about order #A1234";

    private LocalStaffDoor staff;
    private LocalInboundMail inbound;

    @RegisterExtension
    final LocalStore local = LocalStore.at(Instant.parse("2027-01-04T09:00:00Z"))
            .with(Map.of("DISPUTE_AGENT_LOCALE", "en", "CARE_ESCALATION_ADDRESS", "care-lead@example.com"));

    @BeforeEach
    void setUp() {
        this.staff = LocalStaffDoor.open(local.cloud(), local.functions(), local.clock());
        this.inbound = new LocalInboundMail(local.cloud());
        advanceTo("2027-01-04T09:30:00Z");
        inbound.deliver(raw(), CARE, local.clock().instant());
        local.functions().drainAll();
    }

    @Test
    void aReplyGoesOnceThreadedOntoTheCustomersMailAndClosesTheConversation() {
        String text = "Dear customer, we are sorry.\nA new <b>jacket</b> leaves today.\n\nTracking follows.";
        JsonNode closed = reply(COMPLAINT, text, true, "r-1", 200);
        assertEquals("closed", closed.get("status").asText());
        assertFalse(closed.get("repeated").asBoolean());
        assertTrue(reply(COMPLAINT, text, true, "r-1", 200).get("repeated").asBoolean(), "a double click");
        local.functions().drainAll();

        List<SentMail> replies = local.cloud().sentMailTo(GUEST).stream().filter(m -> m.subject().equals(RE)).toList();
        assertEquals(1, replies.size(), "one mail for the request sent twice");
        SentMail sent = replies.getFirst();
        assertEquals("<complaint-9002@example.org>", sent.headers().get("In-Reply-To"));
        assertEquals("<complaint-9002@example.org>", sent.headers().get("References"));
        assertEquals(List.of("service+" + COMPLAINT + "@example.com"), sent.replyTo());
        assertTrue(sent.html().contains("<p>Dear customer, we are sorry.<br>A new &lt;b&gt;jacket&lt;/b&gt; leaves"
                + " today.</p>") && sent.html().contains("<p>Tracking follows.</p>"), sent.html());
        assertTrue(sent.text().contains(text), sent.text());

        assertEquals(List.of(), call("GET", "/care/conversations", "", "", 200).findValuesAsText("conversationId"),
                "gone from the queue");
        String history = call("GET", "/care/conversations/" + COMPLAINT, "", "", 200).get("thread").toString();
        assertTrue(history.contains("\"replied\"") && history.contains("by console:agent, closing")
                && history.contains("\"closed\""), history);
        reply(COMPLAINT, "One more thing", false, "r-2", 409);
        call("POST", "/care/conversations/" + COMPLAINT + "/close", "", "{}", 409);

        advanceTo("2027-01-05T04:31:30Z");
        assertEquals(List.of(), local.cloud().sentMailTo("care-lead@example.com"),
                "a closed conversation is not chased");
    }

    @Test
    void waitingForTheCustomerStopsTheChaseAndTheirNextMailReopensWithAFreshDeadline() {
        assertEquals("waiting", reply(COMPLAINT, "Could you send a photo of the tear?", false, "ask-photo", 200)
                .get("status").asText());
        advanceTo("2027-01-05T04:31:30Z");
        assertEquals(List.of(), local.cloud().sentMailTo("care-lead@example.com"), "nobody owes an answer: no breach");
        assertEquals(List.of(), call("GET", "/care/conversations", "", "", 200).findValuesAsText("conversationId"));

        advanceTo("2027-01-05T06:00:00Z");
        inbound.deliver(followUp(), "service+" + COMPLAINT + "@example.com", local.clock().instant());
        local.functions().drainAll();
        JsonNode reopened = call("GET", "/care/conversations", "category=complaint", "", 200).get("conversations");
        assertEquals(1, reopened.size(), reopened.toString());
        Instant answerBy = Instant.parse(reopened.get(0).get("answerBy").asText());
        assertTrue(answerBy.isAfter(local.clock().instant()), "a fresh deadline, not the old one: " + answerBy);
        assertTrue(call("GET", "/care/conversations/" + COMPLAINT, "", "", 200).get("thread").toString()
                .contains("\"reopened\""));

        advanceTo(answerBy.plusSeconds(90).toString());
        assertEquals(1, local.cloud().sentMailTo("care-lead@example.com").size(),
                "the fresh deadline is chased to its breach");

        reply(COMPLAINT, "Thank you for the photo: a new jacket is on its way.", true, "after-photo", 200);
        local.functions().drainAll();
        List<SentMail> replies = local.cloud().sentMailTo(GUEST).stream().filter(m -> m.subject().equals(RE)).toList();
        assertEquals(2, replies.size());
        assertEquals("<photo-9002@example.org>", replies.getLast().headers().get("In-Reply-To"),
                "the second reply answers the customer's latest mail");
    }

    @Test
    void badRequestsAreRefusedWithTheReasonAndSendNothing() {
        reply("c-0000000000000000", "Hello", true, "r-1", 404);
        reply(COMPLAINT, "   ", true, "r-1", 400);
        reply(COMPLAINT, "x".repeat(10_001), true, "r-1", 400);
        reply(COMPLAINT, "Hello", true, "", 400);
        call("POST", "/care/conversations/" + COMPLAINT + "/replies", "", "{\"text\": \"Hello\"}", 400);
        call("POST", "/care/conversations/c-0000000000000000/close", "", "{}", 404);
        local.functions().drainAll();
        assertEquals(List.of(), local.cloud().sentMailTo(GUEST).stream().filter(m -> m.subject().equals(RE)).toList());

        assertEquals("closed", call("POST", "/care/conversations/" + COMPLAINT + "/close", "", "{}", 200)
                .get("status").asText());
        assertTrue(call("GET", "/care/conversations/" + COMPLAINT, "", "", 200).get("thread").toString()
                .contains("without a reply"));
    }

    @Test
    void savedRepliesComeByCategoryInBothLanguages() {
        JsonNode all = call("GET", "/care/saved-replies", "", "", 200).get("savedReplies");
        assertTrue(all.size() >= 6, all.toString());
        JsonNode delivery = call("GET", "/care/saved-replies", "category=delivery", "", 200).get("savedReplies");
        assertTrue(delivery.size() >= 1);
        delivery.forEach(r -> {
            assertEquals("delivery", r.get("category").asText());
            assertFalse(r.get("text").get("zh-CN").asText().isBlank());
            assertFalse(r.get("text").get("en").asText().isBlank());
        });
        call("GET", "/care/saved-replies", "category=gossip", "", 400);
    }

    @Test
    void aSavedReplyPickedForAConversationHasItsPlaceholdersFilledAndABlankCannotBeSent() {
        JsonNode raw = call("GET", "/care/saved-replies", "category=returns", "", 200).get("savedReplies");
        assertTrue(raw.toString().contains("{{orderNumber}}"), "without a conversation: the saved text itself");
        JsonNode filled = call("GET", "/care/saved-replies", "category=returns&conversationId=" + COMPLAINT, "", 200)
                .get("savedReplies");
        String refunded = filled.findValues("text").stream().map(t -> t.get("en").asText())
                .filter(t -> t.startsWith("We have refunded")).findFirst().orElseThrow();
        assertEquals("We have refunded your order A1234 today. Depending on your bank, it shows on your account"
                + " within 3 to 5 working days.", refunded, "the order number the mail named");
        String thanks = call("GET", "/care/saved-replies", "category=other&conversationId=" + COMPLAINT, "", 200)
                .get("savedReplies").get(0).get("text").get("zh-CN").asText();
        assertEquals("感谢您关于“Complaint about order #A1234”的来信。", thanks);
        call("GET", "/care/saved-replies", "conversationId=c-0000000000000000", "", 404);
        call("GET", "/care/saved-replies", "conversationId=../members", "", 400);

        JsonNode refused = reply(COMPLAINT, "Dear [___customerName___], sorry.", true, "r-blank", 400);
        assertTrue(refused.toString().contains("[___customerName___]"), refused.toString());
        local.functions().drainAll();
        assertEquals(List.of(), local.cloud().sentMailTo(GUEST).stream().filter(m -> m.subject().equals(RE)).toList());
    }

    private JsonNode reply(String id, String text, boolean close, String requestKey, int status) {
        ObjectNode body = JSON.createObjectNode().put("text", text).put("close", close).put("requestKey", requestKey);
        return call("POST", "/care/conversations/" + id + "/replies", "", body.toString(), status);
    }

    private JsonNode call(String method, String path, String query, String body, int status) {
        return staff.call("agent", method, path, query, body, status);
    }

    private void advanceTo(String instant) {
        local.advanceTo(Instant.parse(instant));
        local.functions().drainAll();
    }

    /** The customer answers the agent's question, to the address with the conversation's token. */
    private byte[] followUp() {
        return ("From: Angry Customer <" + GUEST + ">\r\nTo: service+" + COMPLAINT + "@example.com\r\n"
                + "Subject: " + RE + "\r\nDate: Tue, 05 Jan 2027 14:00:00 +0800\r\n"
                + "Message-ID: <photo-9002@example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nHere is the photo of the tear.\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] raw() {
        try (InputStream in = CareReplyIT.class.getResourceAsStream("/mail/complaint-qp.eml")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
