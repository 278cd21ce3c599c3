package dev.storecrm.memberview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.localcloud.FunctionUrlRequest;
import dev.storecrm.localcloud.LocalStaffDoor;
import dev.storecrm.localcloud.LocalStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Operators' actions through the real handlers against the local cloud, IAM enforced from
 * template.yaml: the member view's function publishes each allowed action on the store bus, the
 * bus rule takes it to the member archive's queue, the archive applies it, and the view shows it
 * in the member's history with who made it and why. A points adjustment takes another rule, to the
 * loyalty queue, and shows in the member's points history.
 */
class MemberActionsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-16T02:00:30Z");

    private LocalStaffDoor staff;

    @RegisterExtension
    final LocalStore local = LocalStore.at(NOW);

    @BeforeEach
    void setUp() {
        this.staff = LocalStaffDoor.open(local.cloud(), local.functions(), local.clock(), Duration.ofHours(1));
        for (String customerId : List.of("c-1001", "c-2002")) {
            local.cloud().eventBus().publish(Events.memberRegistered(customerId).at(NOW.minus(Duration.ofDays(90)))
                    .json(),
                    "test", NOW);
        }
        local.functions().drainAll();
    }

    @Test
    void eachActionReachesTheArchiveAndShowsInTheHistoryWithWhoAndWhy() {
        String admin = "admin";
        List<String> steps = List.of("freeze:frozen", "unfreeze:active", "cancel:cancelled", "restore:active");
        int n = 0;
        for (String step : steps) {
            String[] actionAndStatus = step.split(":");
            local.clock().advance(Duration.ofMinutes(1));
            JsonNode accepted = read(act("c-1001", actionAndStatus[0], "key-" + n++, "step " + n, admin), 202);
            assertEquals("accepted", accepted.get("outcome").asText());
            local.functions().drainAll();
            JsonNode membership = view("c-1001", admin).get("membership");
            assertEquals(actionAndStatus[1], membership.get("status").asText(), step);
            assertEquals("console:admin", membership.get("changedBy").asText());
        }
        JsonNode history = view("c-1001", admin).get("membership").get("history");
        assertEquals(List.of("active", "cancelled", "active", "frozen"), statuses(history), "newest first");
        assertEquals("step 1", history.get(3).get("reason").asText());
        assertEquals(NOW.plus(Duration.ofMinutes(1)).toString(), history.get(3).get("at").asText());
    }

    @Test
    void aRequestKeySentAgainIsOneActionAndIsAnsweredAsADuplicateOnceApplied() {
        String admin = "admin";
        read(act("c-1001", "freeze", "retry-1", "card reported stolen", admin), 202);
        local.clock().advance(Duration.ofSeconds(20));
        read(act("c-1001", "freeze", "retry-1", "card reported stolen", admin), 202);
        local.functions().drainAll();
        JsonNode history = view("c-1001", admin).get("membership").get("history");
        assertEquals(List.of("frozen"), statuses(history), "two sends of one request key: one change");
        assertEquals(NOW.toString(), history.get(0).get("at").asText(), "the first send's time");
        JsonNode again = read(act("c-1001", "freeze", "retry-1", "card reported stolen", admin), 200);
        assertEquals("duplicate", again.get("outcome").asText());
        local.functions().drainAll();
        assertEquals(1, view("c-1001", admin).get("membership").get("history").size());
    }

    @Test
    void anActionAndALateEventConvergeByWhenEachHappened() {
        String admin = "admin";
        read(act("c-1001", "freeze", "race-1", "fraud review", admin), 202);
        local.cloud().eventBus().publish(Events.memberUpdated("c-1001").status("active", "platform sync")
                .at(NOW.minus(Duration.ofMinutes(5))).json(), "test", NOW);
        read(act("c-2002", "freeze", "race-2", "fraud review", admin), 202);
        local.cloud().eventBus().publish(Events.memberUpdated("c-2002").status("cancelled", "closed in the shop")
                .at(NOW.plusSeconds(1)).json(), "test", NOW);
        local.clock().advance(Duration.ofSeconds(2));
        local.functions().drainAll();

        JsonNode first = view("c-1001", admin).get("membership");
        assertEquals("frozen", first.get("status").asText(), "the late, older event does not undo the action");
        assertEquals(List.of("frozen", "active"), statuses(first.get("history")));
        JsonNode second = view("c-2002", admin).get("membership");
        assertEquals("cancelled", second.get("status").asText(), "the newer event wins over the action");
        assertEquals(List.of("cancelled", "frozen"), statuses(second.get("history")));
    }

    @Test
    void whatTheStatusDoesNotAllowIsRefusedInWordsAndAnAgentMayOnlyView() {
        String admin = "admin";
        JsonNode restore = read(act("c-1001", "restore", "no-1", "mistake", admin), 409);
        assertEquals("the membership is active, not cancelled", restore.get("reason").asText());
        read(act("c-1001", "cancel", "no-2", "asked to leave", admin), 202);
        local.functions().drainAll();
        JsonNode freeze = read(act("c-1001", "freeze", "no-3", "fraud review", admin), 409);
        assertEquals("the membership is cancelled: restore the membership first", freeze.get("reason").asText());
        JsonNode noReason = read(staff.invoke(admin, "POST", "/members/c-1001/actions", "",
                "{\"action\":\"restore\",\"requestKey\":\"no-4\"}"), 422);
        assertTrue(noReason.get("reason").asText().contains("body.reason"), noReason.toString());
        String agent = "agent";
        JsonNode forbidden = read(act("c-1001", "restore", "no-5", "back", agent), 403);
        assertTrue(forbidden.get("reason").asText().contains("admins"));
        local.functions().drainAll();
        assertEquals(List.of("cancelled"), statuses(view("c-1001", agent).get("membership").get("history")),
                "only the allowed action was applied; the agent still views");
    }

    @Test
    void aTierOverrideShowsWithWhyUntilItsEndThenTheSpendRuleGovernsAgain() {
        String admin = "admin";
        String body = JSON.createObjectNode().put("action", "tier").put("tier", "VIP2")
                .put("until", NOW.plus(Duration.ofDays(7)).toString()).put("requestKey", "tier-1")
                .put("reason", "key account").toString();
        read(staff.invoke(admin, "POST", "/members/c-1001/actions", "", body), 202);
        local.functions().drainAll();
        JsonNode tier = view("c-1001", admin).get("tier");
        assertEquals("VIP2", tier.get("name").asText());
        assertEquals("override", tier.get("basis").asText());
        assertEquals("console:admin", tier.get("override").get("actor").asText());
        assertEquals("key account", tier.get("override").get("reason").asText());
        assertEquals(NOW.plus(Duration.ofDays(7)).toString(), tier.get("heldUntil").asText());
        read(staff.invoke(admin, "POST", "/members/c-1001/actions", "", body), 200);
        local.clock().advance(Duration.ofDays(8));
        JsonNode after = view("c-1001", "admin");
        assertEquals("MEMBER", after.get("tier").get("name").asText(), "no spend: the base tier again");
        assertEquals("base", after.get("tier").get("basis").asText());
        assertEquals(1, after.get("tierOverrides").size(), "the override stays in the history");
    }

    @Test
    void aPointsAdjustmentReachesTheLedgerOnceWithWhoAndWhyAndNeverTakesTheBalanceBelowZero() {
        String admin = "admin";
        read(adjust("c-1001", 200, "adj-1", "welcome gift", admin), 202);
        local.functions().drainAll();
        local.clock().advance(Duration.ofMinutes(1));
        read(adjust("c-1001", -150, "adj-2", "points given twice", admin), 202);
        read(adjust("c-1001", -150, "adj-2", "points given twice", admin), 202);
        local.functions().drainAll();
        JsonNode points = view("c-1001", admin).get("points");
        assertEquals(50, points.get("balance").asLong(), "+200, then -150 once for two sends of one key");
        JsonNode entries = points.get("entries");
        assertEquals(2, entries.size(), entries.toString());
        assertEquals("adjustment", entries.get(0).get("kind").asText());
        assertEquals(-150, entries.get(0).get("points").asLong());
        assertEquals("console:admin", entries.get(0).get("actor").asText());
        assertEquals("points given twice", entries.get(0).get("reason").asText());
        assertEquals("welcome gift", entries.get(1).get("reason").asText());
        assertEquals("duplicate", read(adjust("c-1001", -150, "adj-2", "points given twice", admin), 200)
                .get("outcome").asText());
        assertEquals("the member has 50 points to spend: taking 60 would leave the balance below zero",
                read(adjust("c-1001", -60, "adj-3", "too much", admin), 409).get("reason").asText());
        read(adjust("c-1001", -40, "adj-4", "first of two", admin), 202);
        read(adjust("c-1001", -40, "adj-5", "second of two", admin), 202);
        local.functions().drainAll();
        assertEquals(10, view("c-1001", admin).get("points").get("balance").asLong(), "the second does not fit");
        List<Map<String, AttributeValue>> rejects = local.cloud().dynamoDb().scan(s -> s.tableName(
                local.cloud().tableName("RejectsTable")).consistentRead(true)).items();
        assertEquals(1, rejects.size(), "the adjustment the points no longer covered is kept with its reason");
        assertEquals("INSUFFICIENT_POINTS", rejects.getFirst().get("reason").s());
        assertEquals("loyalty", rejects.getFirst().get("consumer").s());
        assertEquals(403, adjust("c-1001", 5, "adj-6", "agent", "agent").getStatusCode());
    }

    @Test
    void aScriptActsThroughTheIamSignedUrlAndIsRecordedAsItsPrincipal() {
        JsonNode accepted = read(local.functions().invokeSignedUrl("MemberViewFunction",
                FunctionUrlRequest.sample("member-view/freeze-member.json")), 202);
        assertEquals("frozen", accepted.get("status").asText());
        local.functions().drainAll();
        JsonNode membership = view("c-1001", "admin").get("membership");
        assertEquals("frozen", membership.get("status").asText());
        assertEquals("Chargeback under review", membership.get("reason").asText());
        assertTrue(membership.get("changedBy").asText().startsWith("arn:aws:iam::"), membership.toString());
    }

    private APIGatewayV2HTTPResponse act(String customerId, String action, String key, String reason, String user) {
        String body = JSON.createObjectNode().put("action", action).put("requestKey", key).put("reason", reason)
                .toString();
        return staff.invoke(user, "POST", "/members/" + customerId + "/actions", "", body);
    }

    private APIGatewayV2HTTPResponse adjust(String customerId, long points, String key, String reason,
                                            String user) {
        String body = JSON.createObjectNode().put("action", "points").put("points", points).put("requestKey", key)
                .put("reason", reason).toString();
        return staff.invoke(user, "POST", "/members/" + customerId + "/actions", "", body);
    }

    private JsonNode view(String customerId, String user) {
        return read(staff.invoke(user, "GET", "/members/" + customerId, "", null), 200);
    }

    private static List<String> statuses(JsonNode history) {
        return StreamSupport.stream(history.spliterator(), false).map(h -> h.get("status").asText()).toList();
    }

    private static JsonNode read(APIGatewayV2HTTPResponse response, int status) {
        return LocalStaffDoor.read(response, status, "a member action");
    }
}
