package dev.storecrm.caremail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.caremail.CareIntake;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.localcloud.LocalInboundMail;
import dev.storecrm.localcloud.LocalStaffDoor;
import dev.storecrm.localcloud.LocalStore;
import dev.storecrm.localcloud.SentMail;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The care team's routes through the local staff API (a console agent's token, the JWT authorizer, the real
 * CareDeskFunction): the queue by category and deadline, a thread, and "the answer will take longer", which
 * tells the customer the new date and moves the chase with it (time travel through the real timer sweep).
 */
class CareDeskIT {

    private static final String CARE = "service@example.com";
    private static final String GUEST = "guest.9002@example.org";

    private LocalStaffDoor staff;

    @RegisterExtension
    final LocalStore local = LocalStore.at(Instant.parse("2027-01-04T00:00:00Z"))
            .with(Map.of("DISPUTE_AGENT_LOCALE", "en", "CARE_ESCALATION_ADDRESS", "care-lead@example.com"));

    @BeforeEach
    void setUp() {
        this.staff = LocalStaffDoor.open(local.cloud(), local.functions(), local.clock());
        LocalInboundMail inbound = new LocalInboundMail(local.cloud());
        advanceTo("2027-01-04T02:15:00Z");
        inbound.deliver(raw("return-utf8-attachment.eml"), CARE, local.clock().instant());
        advanceTo("2027-01-04T09:30:00Z");
        inbound.deliver(raw("complaint-qp.eml"), CARE, local.clock().instant());
        local.functions().drainAll();
    }

    @Test
    void theQueueListsOpenConversationsByCategoryNearestDeadlineFirstAndShowsAThread() {
        JsonNode all = call("GET", "/care/conversations", "", 200).get("conversations");
        assertEquals(List.of("complaint", "returns"), List.of(all.get(0).get("category").asText(),
                all.get(1).get("category").asText()), "Tue 12:30 before Wed 16:15");
        JsonNode complaints = call("GET", "/care/conversations", "category=complaint", 200).get("conversations");
        assertEquals(1, complaints.size());
        assertTrue(complaints.get(0).get("urgent").asBoolean());
        assertEquals("2027-01-05T04:30:00Z", complaints.get(0).get("answerBy").asText());

        String returns = CareIntake.conversationId("20270104030000.GA1234@example.org");
        JsonNode detail = call("GET", "/care/conversations/" + returns, "", 200);
        assertEquals("guest.9001@example.org", detail.get("email").asText());
        JsonNode thread = detail.get("thread");
        assertEquals("received", thread.get(0).get("kind").asText());
        assertTrue(thread.get(1).get("text").asText().contains("[attachments: [shoes.jpg]]"), thread.toString());

        call("GET", "/care/conversations", "category=gossip", 400);
        call("GET", "/care/conversations/c-0000000000000000", "", 404);
    }

    @Test
    void anAnswerThatTakesLongerTellsTheCustomerTheNewDateAndMovesTheChase() {
        String id = CareIntake.conversationId("complaint-9002@example.org");
        call("POST", "/care/conversations/" + id + "/delay", "", "{\"answerBy\": \"2027-01-05T01:00:00Z\"}", 409);
        call("POST", "/care/conversations/" + id + "/delay", "", "{\"when\": \"tomorrow\"}", 400);
        advanceTo("2027-01-05T01:00:00Z");
        JsonNode moved = call("POST", "/care/conversations/" + id + "/delay", "",
                "{\"answerBy\": \"2027-01-06T08:00:00Z\"}", 200);
        assertEquals("2027-01-06T08:00:00Z", moved.get("answerBy").asText());
        local.functions().drainAll();
        List<SentMail> customer = local.cloud().sentMailTo(GUEST);
        assertEquals("Our answer about \"Complaint about order #A1234\" will take longer",
                customer.getLast().subject());
        assertTrue(customer.getLast().text().contains("by 2027-01-06 16:00 Asia/Shanghai"), customer.getLast().text());
        assertEquals(List.of("service+" + id + "@example.com"), customer.getLast().replyTo(),
                "the customer's answer to the notice joins the conversation by its token");
        assertEquals("<complaint-9002@example.org>", customer.getLast().headers().get("In-Reply-To"));

        advanceTo("2027-01-05T04:31:30Z");
        assertEquals(List.of(), local.cloud().sentMailTo("care-lead@example.com"),
                "the old deadline is no longer chased");
        advanceTo("2027-01-06T04:01:30Z");
        advanceTo("2027-01-06T07:01:30Z");
        advanceTo("2027-01-06T08:01:30Z");
        String reminder = " Customer mail " + id + " (Complaint)";
        assertEquals(List.of("[4h left]" + reminder, "[4h left]" + reminder, "[1h left]" + reminder),
                local.cloud().sentMailTo("care@example.com").stream().map(SentMail::subject).filter(s -> s.contains(id))
                        .toList(),
                "the old deadline's 4-hour reminder before the move; the new deadline's two after it");
        assertEquals(1, local.cloud().sentMailTo("care-lead@example.com").size(), "the breach of the new deadline");
        JsonNode history = call("GET", "/care/conversations/" + id, "", 200).get("thread");
        assertTrue(history.toString().contains("deadline-moved") && history.toString().contains("console:agent"),
                history.toString());
    }

    @Test
    void aLongThreadShowsItsNewestEntriesAndSaysThatEarlierOnesAreLeftOut() {
        // 110 follow-ups of 8,000 Chinese characters (24 KB each): 2.6 MB of thread, more than one DynamoDB call
        // returns, and more entries than the route shows (200).
        LocalInboundMail inbound = new LocalInboundMail(local.cloud());
        for (int n = 1; n <= 110; n++) {
            local.advanceTo(local.clock().instant().plusSeconds(60));
            inbound.deliver(followUp(n), CARE, local.clock().instant());
        }
        local.functions().drainAll();

        String id = CareIntake.conversationId("complaint-9002@example.org");
        JsonNode detail = call("GET", "/care/conversations/" + id, "", 200);
        JsonNode thread = detail.get("thread");
        assertEquals(200, thread.size());
        assertTrue(detail.get("earlierEntries").asBoolean(), "the first mails are left out, and the answer says so");
        JsonNode newest = thread.get(thread.size() - 1);
        assertEquals("message", newest.get("kind").asText());
        assertTrue(newest.get("text").asText().contains("第110封"), "the newest mail ends the thread");
        assertTrue(thread.get(0).get("at").asText().compareTo(newest.get("at").asText()) < 0, "oldest first");
    }

    private static byte[] followUp(int n) {
        String text = "第" + n + "封：" + "我的订单还没有收到，请尽快处理。".repeat(500);
        String mail = "From: Angry Customer <" + GUEST + ">\r\nTo: care@store.example\r\n"
                + "Subject: Re: Complaint about order #A1234\r\nMessage-ID: <follow-up-" + n + "-9002@example.org>\r\n"
                + "In-Reply-To: <complaint-9002@example.org>\r\nReferences: <complaint-9002@example.org>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "\r\n";
        return mail.getBytes(StandardCharsets.US_ASCII);
    }

    private JsonNode call(String method, String path, String query, int status) {
        return call(method, path, query, "", status);
    }

    private JsonNode call(String method, String path, String query, String body, int status) {
        return staff.call("agent", method, path, query, body, status);
    }

    private void advanceTo(String instant) {
        local.advanceTo(Instant.parse(instant));
        local.functions().drainAll();
    }

    private static byte[] raw(String file) {
        try (InputStream in = CareDeskIT.class.getResourceAsStream("/mail/" + file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
