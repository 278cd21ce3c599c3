package dev.storecrm.simulation;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.caremail.CareIntake;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.LocalStaffApi;
import dev.storecrm.localcloud.LocalTokenIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The care team answering customer mail as an agent does in the console: through the staff API with an agent's
 * token ({@code POST /care/conversations/{id}/replies}), some conversations closed, some left waiting for the
 * customer; one reply in four is sent twice with the same request key (a double click), which must not send a
 * second mail ({@link CareMailCheck} holds every reply to one mail). What the route answered is counted for the
 * report (a conversation closed meanwhile answers 409).
 */
final class CareAgents {

    static final String FUNCTION = "CareDeskFunction";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalStaffApi api;
    private final LocalTokenIssuer issuer;
    private final SimulatedClock clock;
    private final Map<String, Integer> answers = new TreeMap<>();

    CareAgents(LocalCloud cloud, LocalFunctions functions, SimulatedClock clock) {
        String[] pool = LocalStaffApi.issuerAndAudience(cloud.template(), "StaffApi");
        this.issuer = new LocalTokenIssuer(pool[0], pool[1], Duration.ofHours(1), clock);
        this.api = new LocalStaffApi(cloud.template(), "StaffApi", functions, clock, issuer.jwks());
        this.clock = clock;
    }

    /** An agent's reply to the conversation the customer's mail {@code messageId} opened. */
    Planned answer(Instant at, String messageId, String text, boolean close, boolean twice) {
        String conversationId = CareIntake.conversationId(messageId);
        String requestKey = "sim-" + messageId.substring(0, messageId.indexOf('@'));
        return new Planned.Call(at, FUNCTION, () -> {
            ObjectNode body = JSON.createObjectNode().put("text", text).put("close", close)
                    .put("requestKey", requestKey);
            int calls = twice ? 2 : 1;
            for (int i = 0; i < calls; i++) {
                Map<String, String> headers = Map.of("authorization", "Bearer " + issuer.token("agent",
                        List.of("agents"), clock.instant()), "content-type", "application/json");
                APIGatewayV2HTTPResponse response = api.invoke("POST", "/care/conversations/" + conversationId
                        + "/replies", "", headers, body.toString());
                answers.merge((close ? "send and close " : "send and wait ") + response.getStatusCode()
                        + (i > 0 ? " (sent again)" : ""), 1, Integer::sum);
            }
            return calls;
        });
    }

    /** What the agents' replies were answered, by kind and status. */
    String report() {
        StringBuilder report = new StringBuilder();
        answers.forEach((what, count) -> report.append(String.format("  %-36s %6d%n", what, count)));
        return report.isEmpty() ? "  (no replies)\n" : report.toString();
    }
}
