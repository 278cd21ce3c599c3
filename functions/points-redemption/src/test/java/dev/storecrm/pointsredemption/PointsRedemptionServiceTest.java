package dev.storecrm.pointsredemption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.loyalty.OrderPoints;
import dev.storecrm.domain.loyalty.PointsCheckout;
import dev.storecrm.domain.loyalty.PointsLedger;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.StorePolicies;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.memory.InMemoryKeyedTimers;
import dev.storecrm.fixtures.memory.InMemoryMembers;
import dev.storecrm.fixtures.memory.InMemoryPointsBook;
import dev.storecrm.fixtures.memory.RecordingOutbox;
import dev.storecrm.platform.http.HttpAnswer;
import dev.storecrm.platform.http.StaffRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The points redemption's routes with in-memory ports: what the checkout backend is answered when it loses the race
 * for a member's points, names no valid id, or asks for a redemption that is not there. The points' own rules
 * (too few points, another amount, a lapsed hold, a member not active) through the real function are
 * {@code PointsRedemptionIT}'s.
 */
class PointsRedemptionServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StorePolicies STORE = StorePolicies.defaults();
    private static final Instant NOW = Instant.parse("2027-03-10T04:00:00Z");

    private final SimulatedClock clock = new SimulatedClock(NOW);
    private final InMemoryMembers members = new InMemoryMembers(STORE.members(), clock);
    private final InMemoryPointsBook book = new InMemoryPointsBook();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final PointsLedger ledger = new PointsLedger(book, new InMemoryKeyedTimers(), outbox, STORE.loyalty(),
            clock);
    private final PointsRedemptionService service = new PointsRedemptionService(
            new PointsCheckout(ledger, members, STORE.members(), clock), clock);

    @Test
    void aCheckoutThatKeepsLosingTheRaceForThePointsIsToldToRetryAndNothingIsHeld() {
        memberWith("c-1", 1_000);
        book.loseRaces(1);
        assertEquals(200, reserve("c-1", "o-1", 100).status(), "one lost race is retried unseen");

        book.loseRaces(Integer.MAX_VALUE);
        HttpAnswer busy = reserve("c-1", "o-2", 200);

        assertEquals(503, busy.status());
        assertEquals("1", busy.headers().get("Retry-After"));
        assertEquals("busy", json(busy).get("error").asText());
        book.loseRaces(0);
        assertEquals(100, json(call("GET", "/members/c-1/points", null)).get("reserved").asLong(),
                "only the first order's points are held");
        assertEquals(404, call("GET", "/members/c-1/redemptions/o-2", null).status());
    }

    @Test
    void anIdThatIsNoIdentifierIsRefusedNamingTheFieldAndNothingIsRead() {
        book.loseRaces(Integer.MAX_VALUE);
        HttpAnswer badCustomer = call("GET", "/members/c<1>/points", null);
        HttpAnswer badOrder = reserve("c-1", "o".repeat(129), 10);

        assertEquals(400, badCustomer.status());
        assertTrue(json(badCustomer).get("reason").asText().startsWith("customerId is 1 to 128"),
                badCustomer.body());
        assertEquals(400, badOrder.status());
        assertTrue(json(badOrder).get("reason").asText().startsWith("orderId is 1 to 128"), badOrder.body());
    }

    @Test
    void anOrdersRedemptionIsReadBackAsTheCheckoutLeftItWhateverTheTrailingSlash() {
        memberWith("c-1", 1_000);
        HttpAnswer none = call("GET", "/members/c-1/redemptions/o-1", null);
        assertEquals(404, none.status());
        assertEquals("order o-1 has no redemption", json(none).get("reason").asText());

        reserve("c-1", "o-1", 300);
        JsonNode read = json(call("GET", "/members/c-1/redemptions/o-1/", null));

        assertEquals("reserved", read.get("status").asText());
        assertEquals(300, read.get("points").asLong());
        assertEquals(700, read.get("available").asLong());
        assertEquals(405, call("GET", "/members/c-1/redemptions/o-1/confirm", null).status(), "only POST acts");
        assertEquals(405, call("POST", "/members/c-1/points", "{}").status());
        assertEquals(405, call("PUT", "/members/c-1/redemptions/o-1", "{\"points\":300}").status());
        assertEquals(300, json(call("GET", "/members/c-1/points", null)).get("reserved").asLong(),
                "a refused method changed nothing");
    }

    /** An active member holding {@code points}, earned by an order paid a day ago. */
    private void memberWith(String customerId, long points) {
        members.apply(Events.memberRegistered(customerId).at(NOW.minusSeconds(172_800)));
        ledger.applyOrder(new OrderPoints(customerId, "o-earned", 1, Optional.of(NOW.minusSeconds(86_400)), 1,
                points, points * 100, 0, false, Optional.empty()));
    }

    private HttpAnswer reserve(String customerId, String orderId, long points) {
        return call("POST", "/members/" + customerId + "/redemptions/" + orderId, "{\"points\":" + points + "}");
    }

    private HttpAnswer call(String method, String path, String body) {
        return service.handle(new StaffRequest(method, path, Map.of(), Map.of(), body,
                "arn:aws:iam::123456789012:role/checkout", Optional.empty(), Set.of()));
    }

    private static JsonNode json(HttpAnswer answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
