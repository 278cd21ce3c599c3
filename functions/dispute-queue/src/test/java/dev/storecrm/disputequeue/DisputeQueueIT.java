package dev.storecrm.disputequeue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.localcloud.CapacityRecorder;
import dev.storecrm.localcloud.FunctionUrlRequest;
import dev.storecrm.localcloud.FunctionUrlSigV4;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalStore;
import dev.storecrm.localcloud.SentMail;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The agents' queue through its function URL (AuthType AWS_IAM, requests signed with SigV4 as an
 * agent's tool signs them): the list by status and nearest deadline, a dispute with its history,
 * each of the seller's actions with the deadlines it moves and the messages it sends, invalid
 * transitions refused with 409, unsigned or wrongly signed requests refused before the handler, a
 * replayed signed request counted once, and a request without an IAM caller refused by the handler.
 */
class DisputeQueueIT {

    private static final String QUEUE = "DisputeQueueFunction";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENT = "arn:aws:iam::000000000000:user/local-agent";

    @RegisterExtension
    final LocalStore local = LocalStore.at(Instant.parse("2026-11-16T02:00:30Z"))
            .with(Map.of("DISPUTE_AGENT_LOCALE", "en"));

    @BeforeEach
    void setUp() {
        member("c-1001", "member.1001@example.com");
        member("c-1004", "member.1004@example.com");
    }

    @Test
    void theQueueListsDisputesByStatusNearestDeadlineFirst() {
        open("d-late", "2026-11-16T10:00:00+08:00");
        open("d-early", "2026-11-16T08:00:00+08:00");
        open("d-middle", "2026-11-16T09:00:00+08:00");
        post("/disputes/d-middle/reject",
                "{\"counterProposal\":{\"refund\":{\"amount\":5000,\"currency\":\"CNY\"},\"returnGoods\":false}}");

        JsonNode waiting = send("list-awaiting-seller.json");
        assertEquals(List.of("d-early", "d-late"), ids(waiting));
        assertEquals("seller-response", waiting.get("disputes").get(0).get("nextDeadline").asText());
        assertEquals("2026-11-17T00:00:00Z", waiting.get("disputes").get(0).get("nextDeadlineAt").asText(),
                "24 hours on the store");
        assertEquals(List.of("d-middle"), ids(get("/disputes", "status=negotiating")));
        assertEquals(List.of("d-early", "d-late", "d-middle"), ids(get("/disputes", "")),
                "every open dispute; the negotiating one has no deadline on the store's own site, so it comes last");

        JsonNode first = get("/disputes", "status=awaiting_seller_confirmation&limit=1");
        assertEquals(List.of("d-early"), ids(first));
        JsonNode second = get("/disputes",
                "status=awaiting_seller_confirmation&limit=1&next=" + first.get("next").asText());
        assertEquals(List.of("d-late"), ids(second));

        assertEquals(400, call("GET", "/disputes", "status=lost", null, null).getStatusCode());
        assertEquals(400, call("GET", "/disputes", "status=negotiating&limit=1000", null, null).getStatusCode());
        assertEquals(405, call("DELETE", "/disputes/d-early", "", null, null).getStatusCode());
    }

    @Test
    void oneDisputeIsShownWithItsDeadlinesAndItsWholeHistory() {
        publishSample("dispute-opened-store-return.json", e -> { });
        send("add-note.json");
        JsonNode dispute = send("get-dispute.json");
        assertEquals("awaiting_seller_confirmation", dispute.get("status").asText());
        assertEquals("not_as_described", dispute.get("reason").asText());
        assertEquals(25800, dispute.get("amount").get("amount").asLong());
        assertTrue(dispute.get("proposals").get("buyer").get("returnGoods").asBoolean());
        assertEquals("seller-response", dispute.get("deadlines").get(0).get("name").asText());
        assertEquals("Seller response to the dispute", dispute.get("deadlines").get(0).get("label").asText());
        JsonNode history = dispute.get("history");
        assertEquals(2, history.size());
        assertEquals("opened", history.get(0).get("kind").asText());
        assertEquals("dispute-acknowledged", history.get(0).get("messages").get(0).get("template").asText());
        assertEquals("customer", history.get(0).get("messages").get(0).get("to").asText());
        assertEquals("note", history.get(1).get("kind").asText());
        assertEquals(AGENT, history.get(1).get("actor").asText(), "the caller Lambda verified");
        assertEquals("Asked the warehouse for the packing photos", history.get(1).get("details").get("note").asText());
        assertEquals(dispute.get("deadlines"), get("/disputes/d-4003", "").get("deadlines"),
                "a note moves no deadline");
        assertEquals(404, call("GET", "/disputes/d-none", "", null, null).getStatusCode());
        assertEquals(400, call("POST", "/disputes/d-4003/notes", "", null, "{}").getStatusCode(), "a note needs text");
    }

    @Test
    void acceptingAReturnAgreesItStartsTheBuyersTenDaysAndApologises() {
        publishSample("dispute-opened-store-return.json", e -> { });
        JsonNode accepted = send("accept-with-return.json");
        assertEquals("awaiting_return_shipment", accepted.get("status").asText());
        assertEquals("return-shipment", accepted.get("deadlines").get(0).get("name").asText());
        assertEquals("2026-11-26T02:00:30Z", accepted.get("deadlines").get(0).get("due").asText(), "10 days from now");
        assertEquals("customer", accepted.get("deadlines").get(0).get("responsible").asText());
        assertEquals(List.of("We received your dispute about order o-5001", "We are sorry about order o-5001"),
                subjects("member.1001@example.com"));

        local.advanceTo(local.clock().instant().plus(Duration.ofDays(7)).plusSeconds(90));
        assertEquals("Please ship the return of order o-5001 by 2026-11-26 10:00 Asia/Shanghai",
                subjects("member.1001@example.com").get(2), "the moved deadline is chased");
        assertEquals(List.of(), subjects("care@example.com"), "the 24-hour response deadline went with the acceptance");
    }

    @Test
    void acceptingWithoutAReturnRefundsResolvesAndLiftsTheMarketingHold() {
        publishSample("dispute-opened.json", e -> { });
        assertTrue(openCustomer("d-4001"));
        JsonNode accepted = post("/disputes/d-4001/accept", "");
        assertEquals("resolved", accepted.get("status").asText());
        assertEquals("refunded", accepted.get("resolution").asText());
        assertEquals(0, accepted.get("deadlines").size());
        assertFalse(openCustomer("d-4001"), "resolved: the sender no longer withholds marketing");
        List<SentMail> mail = local.cloud().sentMailTo("member.1004@example.com");
        assertEquals("We are sorry about order o-7001", mail.get(1).subject());
        assertTrue(mail.get(1).text().contains("We have refunded CNY 6000.00"), mail.get(1).text());
        assertEquals(0, timers("d-4001"), "nothing left to chase");
    }

    @Test
    void rejectingWithACounterProposalNegotiatesAndTellsTheCustomer() {
        publishSample("dispute-opened.json", e -> { });
        assertEquals(400, call("POST", "/disputes/d-4001/reject", "", null, "{}").getStatusCode(),
                "a rejection needs a counter-proposal");
        JsonNode rejected = send("reject-with-partial-refund.json");
        assertEquals("negotiating", rejected.get("status").asText());
        assertEquals(100000, rejected.get("proposals").get("seller").get("refund").get("amount").asLong());
        List<String> deadlines = new ArrayList<>();
        rejected.get("deadlines").forEach(d -> deadlines.add(d.get("name").asText()));
        assertEquals(List.of("platform-step-in"), deadlines, "the seller answered: only the platform's day 7 is left");
        SentMail progress = local.cloud().sentMailTo("member.1004@example.com").get(1);
        assertEquals("Update on your dispute about order o-7001", progress.subject());
        assertTrue(progress.text()
                        .contains("Our proposal: a refund of CNY 1000.00. Partial refund while the carrier searches"),
                progress.text());
    }

    @Test
    void confirmingReceiptOfTheReturnRefundsAndResolves() {
        publishSample("dispute-opened-store-return.json", e -> { });
        assertEquals(409, call("POST", "/disputes/d-4003/confirm-receipt", "", null, "{}").getStatusCode(),
                "nothing was returned yet");
        post("/disputes/d-4003/accept", "");
        local.clock().set(Instant.parse("2026-11-19T03:00:30Z"));
        publishSample("dispute-return-shipped.json", e -> { });
        JsonNode shipped = get("/disputes/d-4003", "");
        assertEquals("SF1234567890", shipped.get("returnTrackingNumber").asText());
        assertEquals("seller-receipt", shipped.get("deadlines").get(0).get("name").asText());

        JsonNode resolved = send("confirm-receipt.json");
        assertEquals("resolved", resolved.get("status").asText());
        assertEquals("refunded", resolved.get("resolution").asText());
        assertEquals("Your dispute about order o-5001 is closed", subjects("member.1001@example.com").getLast());
        local.advanceTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertEquals(List.of(), subjects("care@example.com"), "no receipt reminder once confirmed");
    }

    @Test
    void anActionTheDisputesStateDoesNotAllowIsRefusedWith409AndKept() {
        publishSample("dispute-opened.json", e -> { });
        post("/disputes/d-4001/accept", "");
        local.clock().set(local.clock().instant().plusSeconds(60));
        APIGatewayV2HTTPResponse again = call("POST", "/disputes/d-4001/reject", "", null,
                "{\"counterProposal\":{\"refund\":{\"amount\":0,\"currency\":\"CNY\"},\"returnGoods\":false}}");
        assertEquals(409, again.getStatusCode());
        JsonNode body = read(again);
        assertEquals("invalid_transition", body.get("error").asText());
        assertTrue(body.get("reason").asText().contains("d-4001 is resolved"), body.toString());
        local.clock().set(local.clock().instant().plusSeconds(60));
        assertEquals(409, call("POST", "/disputes/d-4001/accept", "", null, "").getStatusCode());
        List<String> outcomes = new ArrayList<>();
        get("/disputes/d-4001", "").get("history").forEach(e -> outcomes.add(e.get("kind").asText() + ":"
                + e.get("outcome").asText()));
        assertEquals(List.of("opened:applied", "accept:applied", "reject:refused", "accept:refused"), outcomes);
        assertEquals("resolved", get("/disputes/d-4001", "").get("status").asText());
        assertEquals(404, call("POST", "/disputes/d-none/accept", "", null, "").getStatusCode());
    }

    @Test
    void aRetriedActionWithTheSameIdempotencyKeyCountsOnce() {
        publishSample("dispute-opened.json", e -> { });
        String counter = "{\"counterProposal\":{\"refund\":{\"amount\":0,\"currency\":\"CNY\"},\"returnGoods\":false}}";
        Map<String, String> key = Map.of("idempotency-key", "tool-req-42");
        assertEquals(200, call("POST", "/disputes/d-4001/reject", "", key, counter).getStatusCode());
        local.clock().set(local.clock().instant().plusSeconds(5));
        assertEquals(200, call("POST", "/disputes/d-4001/reject", "", key, counter).getStatusCode());
        local.functions().drainAll();
        long rejects = 0;
        for (JsonNode entry : get("/disputes/d-4001", "").get("history")) {
            rejects += entry.get("kind").asText().equals("reject") ? 1 : 0;
        }
        assertEquals(1, rejects);
        assertEquals(2, local.cloud().sentMailTo("member.1004@example.com").size(),
                "the acknowledgement and one progress message");
    }

    @Test
    void unsignedAndWronglySignedRequestsAreRefusedBeforeTheHandler() {
        publishSample("dispute-opened.json", e -> { });
        String body = "{\"note\":\"forged\"}";
        String path = "/disputes/d-4001/accept";
        assertEquals(403, local.functions().invokeUrl(QUEUE, "GET", "/disputes", "", Map.of(), null).getStatusCode(),
                "unsigned");
        assertEquals(403, local.functions().invokeUrl(QUEUE, "POST", path, "", Map.of(), body).getStatusCode(),
                "unsigned action");
        Map<String, String> otherSecret = FunctionUrlSigV4.sign("POST", local.functions().url(QUEUE, path, ""),
                Map.of(), body,
                LocalCloud.ACCESS_KEY, "guessed-secret", "us-east-1", local.clock().instant());
        assertEquals(403, local.functions().invokeUrl(QUEUE, "POST", path, "", otherSecret, body).getStatusCode(),
                "wrong key");
        Map<String, String> signed = FunctionUrlSigV4.sign("POST", local.functions().url(QUEUE, path, ""), Map.of(),
                body,
                LocalCloud.ACCESS_KEY, LocalCloud.SECRET_KEY, "us-east-1", local.clock().instant());
        assertEquals(403,
                local.functions().invokeUrl(QUEUE, "POST", path, "", signed, "{\"note\":\"changed\"}").getStatusCode(),
                "body changed after signing");
        assertEquals(403,
                local.functions().invokeUrl(QUEUE, "POST", "/disputes/d-4002/accept", "", signed, body).getStatusCode(),
                "signature replayed on another dispute");
        Map<String, String> stale = FunctionUrlSigV4.sign("POST", local.functions().url(QUEUE, path, ""), Map.of(),
                body,
                LocalCloud.ACCESS_KEY, LocalCloud.SECRET_KEY, "us-east-1",
                local.clock().instant().minus(Duration.ofMinutes(10)));
        assertEquals(403, local.functions().invokeUrl(QUEUE, "POST", path, "", stale, body).getStatusCode(),
                "signed too long ago");

        JsonNode dispute = get("/disputes/d-4001", "");
        assertEquals("awaiting_seller_confirmation", dispute.get("status").asText(), "none of them changed anything");
        assertEquals(1, dispute.get("history").size());
        assertEquals(200, local.functions().invokeUrl(QUEUE, "POST", path, "", signed, body).getStatusCode(),
                "the correctly signed request goes through");
    }

    @Test
    void aSignedRequestReplayedWithoutAnIdempotencyKeyCountsOnce() {
        publishSample("dispute-opened.json", e -> { });
        String path = "/disputes/d-4001/notes";
        String body = "{\"text\":\"Called the buyer\"}";
        Map<String, String> signed = FunctionUrlSigV4.sign("POST", local.functions().url(QUEUE, path, ""),
                Map.of("content-type", "application/json"), body, LocalCloud.ACCESS_KEY, LocalCloud.SECRET_KEY,
                "us-east-1", local.clock().instant());
        assertEquals(200, local.functions().invokeUrl(QUEUE, "POST", path, "", signed, body).getStatusCode());
        local.clock().set(local.clock().instant().plusSeconds(30));
        assertEquals(200, local.functions().invokeUrl(QUEUE, "POST", path, "", signed, body).getStatusCode(),
                "the replay is answered like a retry");
        assertEquals(1, notes("d-4001"), "the same signature and signing time: one request, recorded once");

        local.clock().set(local.clock().instant().plusSeconds(1));
        post(path, body);
        assertEquals(2, notes("d-4001"), "the same note signed anew is another request");
    }

    @Test
    void aSignedRequestWithoutAnIamCallerChangesAndReadsNothingIfTheUrlWereOpenedByMistake() {
        publishSample("dispute-opened.json", e -> { });
        String path = "/disputes/d-4001/accept";
        String body = "{\"note\":\"accepted through an open URL\"}";
        Map<String, String> signed = FunctionUrlSigV4.sign("POST", local.functions().url(QUEUE, path, ""), Map.of(),
                body,
                LocalCloud.ACCESS_KEY, LocalCloud.SECRET_KEY, "us-east-1", local.clock().instant());
        CapacityRecorder.reset();
        APIGatewayV2HTTPResponse action = local.functions().invokeUrlAsIfAuthTypeNone(QUEUE, "POST", path, "", signed,
                body);
        APIGatewayV2HTTPResponse list =
                local.functions().invokeUrlAsIfAuthTypeNone(QUEUE, "GET", "/disputes", "", Map.of(), null);
        local.functions().drainAll();
        assertEquals(403, action.getStatusCode(),
                "AuthType NONE delivers no IAM caller: the function refuses by itself");
        assertEquals(403, list.getStatusCode());
        assertFalse(list.getBody().contains("d-4001"), list.getBody());
        assertEquals(List.of(), CapacityRecorder.usage().stream().filter(u -> u.function().equals(QUEUE)).toList(),
                "nothing was read or written");
        JsonNode dispute = get("/disputes/d-4001", "");
        assertEquals("awaiting_seller_confirmation", dispute.get("status").asText());
        assertEquals(1, dispute.get("history").size(), "only the opening");
        assertEquals(1, local.cloud().sentMailTo("member.1004@example.com").size(), "only the acknowledgement");
    }

    @Test
    void theSamplesAsSamLocalInvokePassesThemAreServedForTheirCaller() {
        publishSample("dispute-opened-store-return.json", e -> { });
        APIGatewayV2HTTPEvent note = FunctionUrlRequest.event("dispute-queue/add-note.json");

        assertEquals(200, invoke(note).getStatusCode());
        assertEquals(200, invoke(note).getStatusCode(), "the same event again: the same signed request");
        APIGatewayV2HTTPResponse shown = invoke(FunctionUrlRequest.event("dispute-queue/get-dispute.json"));

        assertEquals(200, shown.getStatusCode(), shown.getBody());
        JsonNode history = read(shown).get("history");
        assertEquals(List.of("opened", "note"), kinds(history), "the replayed note is recorded once");
        assertEquals("arn:aws:iam::123456789012:user/sample-agent", history.get(1).get("actor").asText(),
                "the caller in the sample's request context, as Lambda would have verified it");
    }

    // ------------------------------------------------------------------ helpers

    /** A sample of events/dispute-queue/, sent signed as an agent's tool sends it; every queue drained after. */
    private JsonNode send(String sample) {
        APIGatewayV2HTTPResponse response =
                local.functions().invokeSignedUrl(QUEUE, FunctionUrlRequest.sample("dispute-queue/" + sample));
        local.functions().drainAll();
        assertEquals(200, response.getStatusCode(), response.getBody());
        return read(response);
    }

    /** The handler invoked with an event as it stands, as {@code sam local invoke -e} does. */
    private APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = (APIGatewayV2HTTPResponse) local.functions().invoke(QUEUE, event);
        local.functions().drainAll();
        return response;
    }

    private static List<String> kinds(JsonNode history) {
        List<String> kinds = new ArrayList<>();
        history.forEach(entry -> kinds.add(entry.get("kind").asText()));
        return kinds;
    }

    private void open(String disputeId, String occurredAt) {
        publishSample("dispute-opened-store-return.json", e -> {
            ((ObjectNode) e.get("body")).put("disputeId", disputeId);
            e.put("id", "evt-open-" + disputeId).put("occurredAt", occurredAt);
        });
    }

    private JsonNode get(String path, String query) {
        APIGatewayV2HTTPResponse response = call("GET", path, query, null, null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        return read(response);
    }

    private JsonNode post(String path, String body) {
        APIGatewayV2HTTPResponse response = call("POST", path, "", null, body);
        assertEquals(200, response.getStatusCode(), response.getBody());
        return read(response);
    }

    /** A request signed like an agent's tool signs it, then every queue drained (the messages it caused go out). */
    private APIGatewayV2HTTPResponse call(String method, String path, String query, Map<String, String> headers,
                                          String body) {
        APIGatewayV2HTTPResponse response = local.functions().invokeSignedUrl(QUEUE, method, path, query,
                headers == null ? Map.of("content-type", "application/json") : headers, body);
        local.functions().drainAll();
        return response;
    }

    private long notes(String disputeId) {
        long notes = 0;
        for (JsonNode entry : get("/disputes/" + disputeId, "").get("history")) {
            notes += entry.get("kind").asText().equals("note") ? 1 : 0;
        }
        return notes;
    }

    private static JsonNode read(APIGatewayV2HTTPResponse response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("disputes").forEach(d -> ids.add(d.get("disputeId").asText()));
        return ids;
    }

    private boolean openCustomer(String disputeId) {
        return local.cloud().dynamoDb().getItem(g -> g.tableName(local.cloud().tableName("DisputesTable"))
                .key(Map.of("disputeId",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(disputeId))))
                .item().containsKey("openCustomerId");
    }

    private long timers(String disputeId) {
        return local.cloud().dynamoDb().scan(s -> s.tableName(local.cloud().tableName("TimersTable"))).items().stream()
                .filter(t -> t.get("timerId").s().equals("dispute#" + disputeId)).count();
    }

    private void member(String customerId, String email) {
        local.publish(Events.memberRegistered(customerId).at("2026-10-01T00:00:00Z").email(email)
                .name("Sample " + customerId).withoutConsent().json());
        local.functions().drainAll();
    }

    private void publishSample(String file, Consumer<ObjectNode> edit) {
        local.cloud().eventBus().publishSample("disputes/" + file, edit, "test", local.clock().instant());
        local.functions().drainAll();
    }

    private List<String> subjects(String address) {
        return local.cloud().sentMailTo(address).stream().map(SentMail::subject).toList();
    }
}
