package dev.storecrm.memberview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.loyalty.Lots;
import dev.storecrm.domain.loyalty.PointsAccount;
import dev.storecrm.domain.member.MembershipStatus;
import dev.storecrm.domain.member.PointsAction;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.StorePolicies;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.memory.InMemoryMembers;
import dev.storecrm.platform.http.HttpAnswer;
import dev.storecrm.platform.http.StaffRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operators' actions with the archive in memory: the bus is a list the test applies to the
 * archive when it chooses, as the archive's queue would, so a request sent before its event was
 * applied is seen too.
 */
class MemberActionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2027-02-01T04:00:00Z");

    private final SimulatedClock clock = new SimulatedClock(NOW);
    private final InMemoryMembers members = new InMemoryMembers(StorePolicies.defaults().members(), clock);
    private final List<String> bus = new ArrayList<>();
    private final InMemoryMemberFile file = new InMemoryMemberFile(members);
    private final MemberActions actions = new MemberActions(members, file, bus::add,
            StorePolicies.defaults().members(), StorePolicies.STORE_ZONE, clock);

    @BeforeEach
    void aMember() {
        members.apply(Events.memberRegistered("c-1").at(NOW.minus(Duration.ofDays(30))));
    }

    @Test
    void aFreezeGoesOnTheBusAsAStatusChangeNamingWhoMadeItAndWhy() throws IOException {
        JsonNode accepted = read(act(Set.of("admins"), "{\"action\":\"freeze\",\"requestKey\":\"k-1\","
                + "\"reason\":\"fraud review\"}"), 202);
        assertEquals("accepted", accepted.get("outcome").asText());
        assertEquals(1, bus.size());
        JsonNode event = JSON.readTree(bus.getFirst());
        assertEquals("MemberUpdated", event.get("type").asText());
        assertEquals(accepted.get("eventId").asText(), event.get("id").asText());
        JsonNode membership = event.get("body").get("membership");
        assertEquals("frozen", membership.get("status").asText());
        assertEquals("fraud review", membership.get("reason").asText());
        assertEquals("console:ops-1", membership.get("actor").asText());
        deliver();
        assertEquals(MembershipStatus.FROZEN, members.summary("c-1").status());
    }

    @Test
    void aRequestKeySentAgainIsOneActionBeforeAndAfterItsEventIsApplied() {
        String freeze = "{\"action\":\"freeze\",\"requestKey\":\"k-2\",\"reason\":\"asked by the customer\"}";
        read(act(Set.of("admins"), freeze), 202);
        clock.advance(Duration.ofSeconds(5));
        read(act(Set.of("admins"), freeze), 202);
        deliver();
        assertEquals(1, members.find("c-1", true).orElseThrow().value().statusLog().size(), "one change");
        JsonNode again = read(act(Set.of("admins"), freeze), 200);
        assertEquals("duplicate", again.get("outcome").asText());
        assertEquals(NOW.toString(), again.get("appliedAt").asText(), "the first send's time");
        assertTrue(bus.isEmpty(), "nothing sent again once applied");
        JsonNode reused = read(act(Set.of("admins"), "{\"action\":\"cancel\",\"requestKey\":\"k-2\",\"reason\":\"x\"}"),
                409);
        assertEquals("the request key was used for another action (it set the membership frozen)",
                reused.get("reason").asText());
    }

    @Test
    void whatTheStatusDoesNotAllowIsRefusedWithTheReasonAndNothingIsQueued() {
        JsonNode restore = read(act(Set.of("admins"), "{\"action\":\"restore\",\"requestKey\":\"k-3\","
                + "\"reason\":\"back\"}"), 409);
        assertEquals("refused", restore.get("error").asText());
        assertEquals("the membership is active, not cancelled", restore.get("reason").asText());
        read(act(Set.of("admins"), "{\"action\":\"cancel\",\"requestKey\":\"k-4\",\"reason\":\"left\"}"), 202);
        deliver();
        JsonNode freeze = read(act(Set.of("admins"), "{\"action\":\"freeze\",\"requestKey\":\"k-5\","
                + "\"reason\":\"x\"}"), 409);
        assertEquals("the membership is cancelled: restore the membership first", freeze.get("reason").asText());
        assertTrue(bus.isEmpty());
    }

    @Test
    void aTierOverrideHoldsUntilItsEndAndAnUnknownTierOrAPastEndIs422() {
        String until = NOW.plus(Duration.ofDays(10)).toString();
        JsonNode accepted = read(act(Set.of("admins"), "{\"action\":\"tier\",\"tier\":\"VIP3\",\"until\":\""
                + until + "\",\"requestKey\":\"t-1\",\"reason\":\"key account\"}"), 202);
        assertEquals("VIP3", accepted.get("tier").asText());
        deliver();
        assertEquals(Optional.of("VIP3"), members.summary("c-1").tier());
        clock.advance(Duration.ofDays(11));
        assertEquals(Optional.of("MEMBER"), members.summary("c-1").tier(), "the spend rule after the end");
        assertEquals("the store has no tier VIP9 (its tiers: MEMBER, VIP1, VIP2, VIP3)", read(act(Set.of("admins"),
                "{\"action\":\"tier\",\"tier\":\"VIP9\",\"until\":\"2099-01-01T00:00:00Z\",\"requestKey\":\"t-2\","
                + "\"reason\":\"x\"}"), 422).get("reason").asText());
        assertEquals("the override's end (until) must be in the future", read(act(Set.of("admins"),
                "{\"action\":\"tier\",\"tier\":\"VIP1\",\"until\":\"2027-01-01T00:00:00Z\",\"requestKey\":\"t-3\","
                + "\"reason\":\"x\"}"), 422).get("reason").asText());
        assertTrue(read(act(Set.of("admins"), "{\"action\":\"freeze\",\"tier\":\"VIP1\",\"requestKey\":\"t-4\","
                + "\"reason\":\"x\"}"), 422).get("reason").asText().contains("only for the action tier"));
        assertTrue(bus.isEmpty());
    }

    @Test
    void aPointsAdjustmentGoesToTheLedgerOnceAndNeverTakesMoreThanTheMemberCanSpend() throws IOException {
        file.accounts.put("c-1", PointsAccount.open("c-1").credit(Lots.of(LocalDate.of(2028, 1, 31), 120)));
        JsonNode accepted = read(act(Set.of("admins"), "{\"action\":\"points\",\"points\":-100,"
                + "\"requestKey\":\"p-1\",\"reason\":\"goodwill points given twice\"}"), 202);
        assertEquals(-100, accepted.get("points").asLong());
        JsonNode event = JSON.readTree(bus.getFirst());
        assertEquals(PointsAction.TYPE, event.get("type").asText());
        assertEquals(accepted.get("eventId").asText(), event.get("id").asText());
        PointsAction.Requested sent = PointsAction.read(event);
        assertEquals(new PointsAction.Requested("c-1", new PointsAction(-100, "p-1", "goodwill points given twice",
                "console:ops-1")), sent);
        file.pointsRequests.add("c-1/" + sent.action().ledgerKey());
        assertEquals("duplicate", read(act(Set.of("admins"), "{\"action\":\"points\",\"points\":-100,"
                + "\"requestKey\":\"p-1\",\"reason\":\"goodwill points given twice\"}"), 200)
                .get("outcome").asText());
        JsonNode tooMuch = read(act(Set.of("admins"), "{\"action\":\"points\",\"points\":-121,"
                + "\"requestKey\":\"p-2\",\"reason\":\"x\"}"), 409);
        assertEquals("the member has 120 points to spend: taking 121 would leave the balance below zero",
                tooMuch.get("reason").asText());
        assertTrue(read(act(Set.of("admins"), "{\"action\":\"points\",\"points\":0,\"requestKey\":\"p-3\","
                + "\"reason\":\"x\"}"), 422).get("reason").asText().contains("body.points"));
        assertTrue(read(act(Set.of("admins"), "{\"action\":\"points\",\"requestKey\":\"p-4\","
                + "\"reason\":\"x\"}"), 422).get("reason").asText().contains("body.points"));
        assertTrue(read(act(Set.of("admins"), "{\"action\":\"freeze\",\"points\":5,\"requestKey\":\"p-5\","
                + "\"reason\":\"x\"}"), 422).get("reason").asText().contains("only for the action points"));
        assertEquals(1, bus.size(), "only the accepted adjustment was sent");
        bus.clear();
        read(act(Set.of("admins"), "{\"action\":\"freeze\",\"requestKey\":\"p-6\",\"reason\":\"review\"}"), 202);
        deliver();
        assertEquals("the membership is frozen and earns no points: unfreeze it first", read(act(Set.of("admins"),
                "{\"action\":\"points\",\"points\":10,\"requestKey\":\"p-7\",\"reason\":\"x\"}"), 409)
                .get("reason").asText());
        read(act(Set.of("admins"), "{\"action\":\"points\",\"points\":-20,\"requestKey\":\"p-8\","
                + "\"reason\":\"correction\"}"), 202);
    }

    @Test
    void aMalformedActionIs422AndAnAgentOrAnUnknownMemberIsRefused() {
        assertTrue(read(act(Set.of("admins"), "{\"action\":\"freeze\",\"requestKey\":\"k-6\"}"), 422)
                .get("reason").asText().contains("body.reason"));
        assertTrue(read(act(Set.of("admins"), "{\"action\":\"delete\",\"requestKey\":\"k\",\"reason\":\"x\"}"), 422)
                .get("reason").asText().contains("one of freeze, unfreeze, cancel, restore"));
        assertTrue(read(act(Set.of("admins"), "{\"action\":\"freeze\",\"requestKey\":\"a key\",\"reason\":\"x\"}"),
                422).get("reason").asText().contains("body.requestKey"));
        assertEquals(422, act(Set.of("admins"), "not json").status());
        JsonNode agent = read(act(Set.of("agents"), "{\"action\":\"freeze\",\"requestKey\":\"k\",\"reason\":\"x\"}"),
                403);
        assertTrue(agent.get("reason").asText().contains("admins"));
        assertEquals(404, actions.act(request(Set.of(), "{\"action\":\"freeze\",\"requestKey\":\"k\","
                + "\"reason\":\"x\"}"), "c-nobody").status());
        assertTrue(bus.isEmpty());
    }

    private HttpAnswer act(Set<String> groups, String body) {
        return actions.act(request(groups, body), "c-1");
    }

    private static StaffRequest request(Set<String> groups, String body) {
        return new StaffRequest("POST", "/members/c-1/actions", Map.of(), Map.of(), body,
                groups.isEmpty() ? "arn:aws:iam::123456789012:user/ops" : "console:ops-1", Optional.empty(), groups);
    }

    private void deliver() {
        bus.forEach(members::apply);
        bus.clear();
    }

    private static JsonNode read(HttpAnswer answer, int status) {
        assertEquals(status, answer.status(), answer.body());
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
