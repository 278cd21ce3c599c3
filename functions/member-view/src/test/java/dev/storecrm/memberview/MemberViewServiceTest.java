package dev.storecrm.memberview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.loyalty.EntryKind;
import dev.storecrm.domain.loyalty.LedgerEntry;
import dev.storecrm.domain.loyalty.Lots;
import dev.storecrm.domain.loyalty.Posting;
import dev.storecrm.domain.memberview.MemberFile;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.StorePolicies;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.memory.InMemoryMembers;
import dev.storecrm.fixtures.triggers.FunctionUrlEvent;
import dev.storecrm.platform.http.StaffDoors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import dev.storecrm.domain.rfm.RfmInputs;
import dev.storecrm.domain.rfm.RfmScores;
import dev.storecrm.domain.rfm.RfmState;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The member view with the stores in memory, through the function URL's edge as Lambda delivers an
 * IAM-signed request: how a member is found, what the view says about tier and points, and how its
 * lists page.
 */
class MemberViewServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2027-02-01T04:00:00Z");

    private final SimulatedClock clock = new SimulatedClock(NOW);
    private final InMemoryMembers members = new InMemoryMembers(StorePolicies.defaults().members(), clock);
    private final InMemoryMemberFile file = new InMemoryMemberFile(members);
    private final Map<String, RfmState> rfm = new HashMap<>();
    private final MemberViewService service = new MemberViewService(members, file,
            customerId -> Optional.ofNullable(rfm.get(customerId)),
            new MemberViews(StorePolicies.defaults().members(), StorePolicies.STORE_ZONE),
            new MemberActions(members, file, members::apply, StorePolicies.defaults().members(),
                    StorePolicies.STORE_ZONE, clock), clock);

    @Test
    void aMemberIsFoundByAnAddressOrANumberWrittenAnotherWay() {
        register("c-1", "Ann.Lee@Example.com", "+8613800000001");
        register("c-2", "bob@example.com", "+8613800000002");

        assertEquals(List.of("c-1"), ids(ok(get("/members").query("email", "  ann.lee@EXAMPLE.COM "))));
        assertEquals(List.of("c-1"), ids(ok(get("/members").query("phone", "0086 138-0000-0001"))));
        assertEquals(List.of("c-2"), ids(ok(get("/members").query("phone", "+86 (138) 0000 0002"))));
        assertEquals(List.of("c-2"), ids(ok(get("/members").query("id", "c-2"))));
        assertEquals(List.of(), ids(ok(get("/members").query("email", "nobody@example.com"))));
    }

    @Test
    void membersSharingAnAddressAreAllFoundForStaffToTellApart() {
        register("c-1", "family@example.com", null);
        register("c-2", "Family@Example.com", null);

        JsonNode found = ok(get("/members").query("email", "family@example.com"));

        assertEquals(Set.of("c-1", "c-2"), new HashSet<>(ids(found)));
        assertEquals("Member c-1", found.get("members").get(0).get("name").asText());
    }

    @Test
    void aLookupThatCannotBeMadeSaysWhy() {
        assertEquals(400, call(get("/members").query("phone", "138 0000 0001")).getStatusCode());
        assertTrue(call(get("/members").query("phone", "138 0000 0001")).getBody().contains("country code"));
        assertTrue(call(get("/members").query("email", "not-an-address")).getBody().contains("e-mail address"));
        assertTrue(call(get("/members").query("email", "a@b.example").query("phone", "+8613800000001")).getBody()
                .contains("exactly one of id, email or phone"));
        assertEquals(404, call(get("/members/c-unknown")).getStatusCode());
        assertEquals(405, call(FunctionUrlEvent.post("/members/c-1")).getStatusCode());
    }

    @Test
    void theTierSaysWhyAndWhatTheNextOneNeeds() {
        register("c-1", "ann@example.com", null);
        members.apply(Events.orderPlaced("c-1", "o-1").at(NOW.minus(Duration.ofDays(30))));
        members.apply(Events.orderPaid("c-1", "o-1").amount(60_000).at(NOW.minus(Duration.ofDays(30))));

        JsonNode view = ok(get("/members/c-1"));
        JsonNode tier = view.get("tier");

        assertEquals("VIP1", tier.get("name").asText());
        assertEquals("spend", tier.get("basis").asText(), "the trailing year's spend reaches it");
        assertEquals(60_000, tier.get("trailingYearSpend").get("amount").asLong());
        assertEquals("VIP2", tier.get("next").get("tier").asText());
        assertEquals(140_000, tier.get("next").get("spendToGo").get("amount").asLong());
        assertEquals(NOW.minus(Duration.ofDays(30)).plus(Duration.ofDays(365)).toString(),
                tier.get("heldUntil").asText(), "held for a year from the payment that qualified");
        assertEquals("active", view.get("membership").get("status").asText());
    }

    @Test
    void aMemberNotEvaluatedYetShowsTheArchivesInputsAndNoScores() {
        register("c-1", "ann@example.com", null);
        members.apply(Events.orderPlaced("c-1", "o-1").at(NOW.minus(Duration.ofDays(10))));
        members.apply(Events.orderPaid("c-1", "o-1").amount(12_000).at(NOW.minus(Duration.ofDays(10))));

        JsonNode rfm = ok(get("/members/c-1")).get("rfm");

        assertEquals(10, rfm.get("recencyDays").asLong());
        assertEquals(1, rfm.get("frequency").asInt());
        assertEquals(12_000, rfm.get("monetary").get("amount").asLong());
        assertFalse(rfm.get("scored").asBoolean());
        assertTrue(rfm.get("scores").isNull() && rfm.get("segment").isNull(), "no invented numbers");
    }

    @Test
    void anEvaluatedMemberShowsTheScoresSegmentAndAudiencesRfmFunctionStored() {
        register("c-1", "ann@example.com", null);
        members.apply(Events.orderPaid("c-1", "o-1").amount(12_000).at(NOW.minus(Duration.ofDays(10))));
        Instant evaluated = NOW.minus(Duration.ofDays(1));
        rfm.put("c-1", new RfmState("c-1", 3, new RfmInputs(NOW.minus(Duration.ofDays(10)), 1, 12_000, 0, 1, 0),
                new RfmScores(5, 1, 3), "new", List.of("bought-360d"), List.of("o-1"), Optional.empty(), evaluated));

        JsonNode shown = ok(get("/members/c-1")).get("rfm");

        assertTrue(shown.get("scored").asBoolean());
        JsonNode scores = shown.get("scores");
        assertEquals(List.of(5, 1, 3),
                List.of(scores.get("r").asInt(), scores.get("f").asInt(), scores.get("m").asInt()));
        assertEquals("new", shown.get("segment").asText());
        assertEquals("bought-360d", shown.get("audiences").get(0).asText());
        assertEquals(evaluated.toString(), shown.get("evaluatedAt").asText());
        assertEquals(1, shown.get("frequency").asInt(), "the archive's inputs as before");
    }

    @Test
    void ordersPageWithACursorThroughEveryOrderOnce() {
        register("c-1", "ann@example.com", null);
        for (int i = 0; i < 23; i++) {
            String order = String.format("o-%03d", i);
            members.apply(Events.orderPlaced("c-1", order).at(NOW.minus(Duration.ofDays(40 - i))));
            members.apply(Events.orderPaid("c-1", order).amount(1_000).at(NOW.minus(Duration.ofDays(40 - i))));
        }
        JsonNode first = ok(get("/members/c-1")).get("orders");
        assertEquals(MemberViewService.ORDERS, first.get("items").size());
        assertEquals("o-022", first.get("items").get(0).get("orderId").asText(), "the greatest order id first");
        List<String> seen = new ArrayList<>(orderIds(first));
        JsonNode page = first;
        while (!page.get("next").isNull()) {
            page = ok(get("/members/c-1/orders").query("next", page.get("next").asText()));
            seen.addAll(orderIds(page));
        }
        assertEquals(23, seen.size());
        assertEquals(23, new HashSet<>(seen).size(), "no order twice");
        assertEquals("paid", first.get("items").get(0).get("state").asText());
    }

    @Test
    void theLedgerPagesNewestFirstAndNeverSplitsARevision() {
        register("c-1", "ann@example.com", null);
        List<LedgerEntry> entries = new ArrayList<>();
        long balance = 0;
        for (int sequence = 1; sequence <= 15; sequence++) {
            for (int index = 0; index < 2; index++) {
                balance += 10;
                entries.add(new LedgerEntry("c-1", sequence, index, new Posting(EntryKind.EARNED, 10,
                        Lots.of(LocalDate.of(2028, 1, 1), 10), "order:o-" + sequence, Optional.empty(), 0,
                        Optional.empty(), Optional.empty()), balance, NOW));
            }
        }
        file.entries.put("c-1", entries);

        JsonNode first = ok(get("/members/c-1/points").query("limit", "5"));
        assertEquals(List.of(15L, 15L, 14L, 14L), sequences(first), "the page ends on a whole revision");
        JsonNode second = ok(get("/members/c-1/points").query("limit", "5").query("before",
                first.get("next").asText()));
        assertEquals(List.of(13L, 13L, 12L, 12L), sequences(second));
        assertEquals(300, first.get("entries").get(0).get("balanceAfter").asLong());
        assertEquals("earned", first.get("entries").get(0).get("kind").asText());
    }

    @Test
    void mailPagesLatestFirstAndTheViewStatesItsLimits() {
        register("c-1", "ann@example.com", null);
        List<MemberFile.Mail> mails = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            mails.add(new MemberFile.Mail("K#" + i, "win-back", "win-back-1", "MARKETING", "SENT", Optional.empty(),
                    NOW.minus(Duration.ofHours(25 - i)), Optional.empty(), Optional.empty()));
        }
        file.mails.put("c-1", mails);

        JsonNode view = ok(get("/members/c-1"));
        assertEquals(MemberViewService.MAILS, view.get("mail").get("items").size());
        assertEquals("K#24", view.get("mail").get("items").get(0).get("businessKey").asText());
        JsonNode rest = ok(get("/members/c-1/mail").query("next", view.get("mail").get("next").asText()));
        assertEquals(5, rest.get("items").size());
        assertTrue(rest.get("next").isNull());
        assertEquals(MemberViewService.MAILS, view.get("limits").get("mail").asInt());
    }

    @Test
    void aRequestWithoutACallerReadsNothing() {
        register("c-1", "ann@example.com", null);
        APIGatewayV2HTTPResponse refused = StaffDoors.serve(FunctionUrlEvent.get("/members/c-1").event(),
                MemberViewService.GROUPS, service::handle);
        assertEquals(403, refused.getStatusCode());
        assertFalse(refused.getBody().contains("ann@example.com"));
    }

    private void register(String customerId, String email, String phone) {
        var event = Events.memberRegistered(customerId).name("Member " + customerId)
                .at(NOW.minus(Duration.ofDays(100)));
        if (email != null) {
            event.email(email);
        }
        if (phone != null) {
            event.phone(phone);
        }
        members.apply(event);
        file.index(customerId);
    }

    private static FunctionUrlEvent get(String path) {
        return FunctionUrlEvent.get(path);
    }

    private APIGatewayV2HTTPResponse call(FunctionUrlEvent request) {
        return StaffDoors.serve(request.agent().event(), MemberViewService.GROUPS, service::handle);
    }

    private JsonNode ok(FunctionUrlEvent request) {
        APIGatewayV2HTTPResponse response = call(request);
        assertEquals(200, response.getStatusCode(), response.getBody());
        try {
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> ids(JsonNode found) {
        return StreamSupport.stream(found.get("members").spliterator(), false)
                .map(m -> m.get("customerId").asText()).toList();
    }

    private static List<String> orderIds(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false).map(o -> o.get("orderId").asText())
                .toList();
    }

    private static List<Long> sequences(JsonNode page) {
        return StreamSupport.stream(page.get("entries").spliterator(), false).map(e -> e.get("sequence").asLong())
                .toList();
    }
}
