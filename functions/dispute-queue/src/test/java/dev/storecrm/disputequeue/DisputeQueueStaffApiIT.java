package dev.storecrm.disputequeue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.localcloud.LocalStaffDoor;
import dev.storecrm.localcloud.LocalStore;
import dev.storecrm.localcloud.LocalTokenIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dispute desk through the staff API, the console's door: API Gateway's JWT authorizer
 * (played by the local cloud with the template's issuer and audience) lets only valid tokens of the
 * console's user pool through, and the same handler that serves the IAM-signed function URL serves
 * agents and admins, records them by name, and refuses other groups.
 */
class DisputeQueueStaffApiIT {

    private static final Instant NOW = Instant.parse("2026-11-16T02:00:30Z");

    private LocalStaffDoor staff;

    @RegisterExtension
    final LocalStore local = LocalStore.at(NOW).with(Map.of("DISPUTE_AGENT_LOCALE", "en"));

    @BeforeEach
    void setUp() {
        this.staff = LocalStaffDoor.open(local.cloud(), local.functions(), local.clock(), Duration.ofHours(1));
        local.publish(Events.memberRegistered("c-1001").id("reg-c-1001").at("2026-10-01T00:00:00Z")
                .email("member.1001@example.com").name("<b>Li</b> & Co").locale("en").timeZone("Asia/Shanghai")
                .json());
        local.cloud().eventBus().publishSample("disputes/dispute-opened-store-return.json", e -> { }, "test",
                local.clock().instant());
        local.functions().drainAll();
    }

    @Test
    void theDetailShowsTheMemberAndTheEvidenceBundleListsWhatTheCustomerWasSent() {
        String agent = signIn("agent", "agent-local-1");
        JsonNode member = read(call("GET", "/disputes/d-4003", "", agent, null), 200).get("member");
        assertEquals("<b>Li</b> & Co", member.get("name").asText());
        assertTrue(member.get("known").asBoolean());
        JsonNode bundle = read(call("GET", "/disputes/d-4003/evidence", "format=json", agent, null), 200);
        JsonNode message = bundle.get("messagesToCustomer").get(0);
        assertEquals("dispute-acknowledged", message.get("template").asText());
        assertEquals("SENT", message.get("status").asText(), "the send ledger's word");
        assertTrue(message.get("settledAt").asText().endsWith("+08:00"), "in the store's time zone");
        assertEquals("Asia/Shanghai", bundle.get("timeZone").asText());
        APIGatewayV2HTTPResponse html = call("GET", "/disputes/d-4003/evidence", "", agent, null);
        assertEquals(200, html.getStatusCode());
        assertTrue(html.getHeaders().get("Content-Disposition").contains("evidence-d-4003.html"));
        assertTrue(html.getBody().contains("dispute-acknowledged"), html.getBody());
        assertEquals(403, call("GET", "/disputes/d-4003/evidence", "", signIn("marketer", "marketer-local-1"), null)
                .getStatusCode());
    }

    @Test
    void agentsAndAdminsWorkTheDeskUnderTheirOwnNames() {
        String agent = signIn("agent", "agent-local-1");
        JsonNode page = read(call("GET", "/disputes", "status=awaiting_seller_confirmation", agent, null), 200);
        assertEquals("d-4003", page.get("disputes").get(0).get("disputeId").asText());
        read(call("POST", "/disputes/d-4003/notes", "", agent, "{\"text\":\"Called the buyer\"}"), 200);
        JsonNode history = read(call("GET", "/disputes/d-4003", "", signIn("admin", "admin-local-1"), null), 200)
                .get("history");
        JsonNode note = history.get(history.size() - 1);
        assertEquals("note", note.get("kind").asText());
        assertEquals("console:agent", note.get("actor").asText(), "the token's user, as the history's actor");
    }

    @Test
    void aMarketerIsRefusedByTheHandlerWithWhatItNeeds() {
        APIGatewayV2HTTPResponse refused = call("POST", "/disputes/d-4003/notes", "", signIn("marketer",
                "marketer-local-1"), "{\"text\":\"not mine to write\"}");
        assertEquals(403, refused.getStatusCode());
        assertTrue(refused.getBody().contains("admins or agents"), refused.getBody());
        assertEquals(1, history().size(), "nothing written");
    }

    @Test
    void withoutAValidTokenTheAuthorizerAnswers401AndTheHandlerNeverRuns() {
        String body = "{\"text\":\"forged\"}";
        assertEquals(401, call("POST", "/disputes/d-4003/notes", "", null, body).getStatusCode());
        LocalTokenIssuer issuer = staff.issuer();
        String expired = issuer.token("agent", List.of("agents"), NOW.minus(Duration.ofHours(2)));
        assertEquals(401, call("POST", "/disputes/d-4003/notes", "", expired, body).getStatusCode());
        LocalTokenIssuer stranger = new LocalTokenIssuer(issuer.issuer(), issuer.audience(), Duration.ofHours(1),
                local.clock());
        String foreign = stranger.token("agent", List.of("agents"), NOW);
        assertEquals(401, call("POST", "/disputes/d-4003/notes", "", foreign, body)
                .getStatusCode(), "a token of another key");
        assertEquals(1, history().size(), "nothing written");
        assertEquals(404, call("GET", "/nowhere", "", signIn("admin", "admin-local-1"), null).getStatusCode());
    }

    private JsonNode history() {
        return read(call("GET", "/disputes/d-4003", "", signIn("agent", "agent-local-1"), null), 200).get("history");
    }

    private String signIn(String user, String password) {
        return staff.issuer().signIn(user, password).orElseThrow();
    }

    private APIGatewayV2HTTPResponse call(String method, String path, String query, String token, String body) {
        Map<String, String> headers = token == null ? Map.of("content-type", "application/json")
                : Map.of("content-type", "application/json", "authorization", "Bearer " + token);
        APIGatewayV2HTTPResponse response = staff.api().invoke(method, path, query, headers, body);
        local.functions().drainAll();
        return response;
    }

    private static JsonNode read(APIGatewayV2HTTPResponse response, int status) {
        return LocalStaffDoor.read(response, status, "the dispute desk");
    }
}
