package dev.storecrm.disputequeue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.dispute.DisputeChange;
import dev.storecrm.domain.dispute.DisputeKeys;
import dev.storecrm.domain.event.DisputeEvent;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.StorePolicies;
import dev.storecrm.fixtures.events.DisputeOpenedBuilder;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.memory.InMemoryDisputeWorkflow;
import dev.storecrm.fixtures.memory.InMemoryMembers;
import dev.storecrm.fixtures.memory.InMemorySendLedger;
import dev.storecrm.fixtures.triggers.FunctionUrlEvent;
import dev.storecrm.platform.http.StaffDoors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The agents' dispute queue with the dispute workflow in memory, through the function URL's edge as
 * Lambda delivers an IAM-signed request: what an agent sees and what each action does.
 */
class DisputeQueueServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    private final SimulatedClock clock = new SimulatedClock(NOW);
    private final InMemoryDisputeWorkflow workflow = new InMemoryDisputeWorkflow(StorePolicies.STORE_ZONE, clock);
    private final DisputeQueueService queue = new DisputeQueueService(workflow.recorder(), workflow.disputes(),
            workflow.history(), workflow.disputes(), new DisputeViews(workflow.planner(), "en"),
            new MemberCard(new InMemoryMembers(StorePolicies.defaults().members(), clock),
                    StorePolicies.defaults().members()),
            new EvidenceBundle(new InMemorySendLedger(), StorePolicies.STORE_ZONE), clock);

    @Test
    void theQueueListsAStatusNearestDeadlineFirst() {
        open(Events.disputeOpened("d-late").at(NOW.minus(Duration.ofHours(1))));
        open(Events.disputeOpened("d-early").at(NOW.minus(Duration.ofHours(5))));

        JsonNode page = body(call(FunctionUrlEvent.get("/disputes").query("status", "awaiting_seller_confirmation")));

        assertEquals(List.of("d-early", "d-late"), ids(page.get("disputes")));
        assertEquals("seller-response", page.get("disputes").get(0).get("nextDeadline").asText());
    }

    @Test
    void aDisputesPageShowsItsDeadlinesAndHistory() {
        open(Events.disputeOpened("d-1").at(NOW));
        JsonNode dispute = body(call(FunctionUrlEvent.get("/disputes/d-1")));
        assertEquals("awaiting_seller_confirmation", dispute.get("status").asText());
        assertEquals("2026-11-24T02:00:00Z", dispute.get("deadlines").get(0).get("due").asText());
        assertEquals("applied", dispute.get("history").get(0).get("outcome").asText());
    }

    @Test
    void acceptingAReturnStartsTheBuyersShippingDeadlineAndTheHistoryNamesTheAgent() {
        open(Events.disputeOpened("d-1").at(NOW).reason("not_as_described").buyerProposal(19_900, true, "broken cup"));
        clock.set(NOW.plus(Duration.ofHours(1)));

        APIGatewayV2HTTPResponse accepted = call(FunctionUrlEvent.post("/disputes/d-1/accept")
                .body("{\"note\":\"sorry, send it back\"}"));

        assertEquals(200, accepted.getStatusCode());
        assertEquals("awaiting_return_shipment", body(accepted).get("status").asText());
        assertEquals("dispute-apology", workflow.outbox().only(DisputeKeys.customer("d-1", "apology")).templateId());
        JsonNode history = body(call(FunctionUrlEvent.get("/disputes/d-1"))).get("history");
        assertEquals(FunctionUrlEvent.AGENT_ARN, history.get(history.size() - 1).path("actor").asText(),
                history.toString());
    }

    @Test
    void anActionRetriedWithItsIdempotencyKeyCountsOnce() {
        open(Events.disputeOpened("d-1").at(NOW));
        FunctionUrlEvent note = FunctionUrlEvent.post("/disputes/d-1/notes").header("Idempotency-Key", "note-1")
                .body("{\"text\":\"called the carrier\"}");

        assertEquals(200, call(note).getStatusCode());
        clock.set(NOW.plusSeconds(30));
        assertEquals(200, call(note).getStatusCode());

        assertEquals(1, workflow.history().of("d-1").stream().filter(e -> e.kind().equals("note")).count());
    }

    @Test
    void anActionTheDisputesStateDoesNotAllowIsRefusedWithTheReason() {
        open(Events.disputeOpened("d-1").at(NOW));
        APIGatewayV2HTTPResponse refused = call(FunctionUrlEvent.post("/disputes/d-1/confirm-receipt"));
        assertEquals(409, refused.getStatusCode());
        assertTrue(body(refused).get("reason").asText().contains("return is agreed or shipped"),
                refused.getBody());
    }

    @Test
    void badRequestsAreAnsweredWithWhatWasWrongAndChangeNothing() {
        open(Events.disputeOpened("d-1").at(NOW));
        assertEquals(404, call(FunctionUrlEvent.get("/disputes/d-unknown")).getStatusCode());
        assertEquals(400, call(FunctionUrlEvent.post("/disputes/d-1/accept").body("{\"note\":")).getStatusCode());
        assertEquals(400, call(FunctionUrlEvent.post("/disputes/d-1/accept").body("{\"refund\":1}")).getStatusCode());
        assertEquals(400, call(FunctionUrlEvent.get("/disputes").query("limit", "1000")).getStatusCode());
        assertEquals(400, call(FunctionUrlEvent.get("/disputes").query("status", "lost")).getStatusCode());
        assertEquals(405, call(FunctionUrlEvent.request("DELETE", "/disputes/d-1")).getStatusCode());
        assertEquals(1, workflow.history().of("d-1").size());
    }

    @Test
    void aRejectionWithACounterProposalMovesTheDisputeToNegotiation() {
        open(Events.disputeOpened("d-1").at(NOW));
        APIGatewayV2HTTPResponse rejected = call(FunctionUrlEvent.post("/disputes/d-1/reject").body("""
                {"counterProposal":{"refund":{"amount":5000,"currency":"CNY"},"returnGoods":false,"text":"half"}}"""));
        assertEquals(200, rejected.getStatusCode());
        assertEquals("negotiating", body(rejected).get("status").asText());
        assertEquals(5000, body(rejected).at("/proposals/seller/refund/amount").asLong());
    }

    private void open(DisputeOpenedBuilder opened) {
        DisputeEvent event = (DisputeEvent) opened.order("c-1", "o-" + opened.occurredAt().hashCode()).parse(clock);
        workflow.recorder().record(DisputeChange.of(event));
    }

    private APIGatewayV2HTTPResponse call(FunctionUrlEvent request) {
        return StaffDoors.serve(request.agent().event(), DisputeQueueService.GROUPS, queue::handle);
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> ids(JsonNode disputes) {
        return StreamSupport.stream(disputes.spliterator(), false)
                .map(d -> d.get("disputeId").asText()).toList();
    }
}
