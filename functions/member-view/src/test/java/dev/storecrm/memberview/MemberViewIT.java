package dev.storecrm.memberview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.localcloud.FunctionUrlRequest;
import dev.storecrm.localcloud.LocalStaffDoor;
import dev.storecrm.localcloud.LocalStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The member view through the real handler against the local cloud, with IAM enforced from
 * template.yaml (the function may only read what its policy grants) and the staff API's JWT
 * authorizer: a member the archive, the points ledger, the sender and the dispute workflow wrote
 * is found by id, by an address and a number written another way, and shown with every part.
 */
class MemberViewIT {

    private static final Instant NOW = Instant.parse("2026-11-16T02:00:30Z");
    private static final int ORDERS = 13;

    private LocalStaffDoor staff;

    @RegisterExtension
    final LocalStore local = LocalStore.at(NOW).with(Map.of("DISPUTE_AGENT_LOCALE", "en"));

    @BeforeEach
    void setUp() {
        this.staff = LocalStaffDoor.open(local.cloud(), local.functions(), local.clock(), Duration.ofHours(1));
        publish(Events.memberRegistered("c-1001").name("<b>Li</b> & Co").email("member.1001@example.com")
                .phone("+8613800001001").at(NOW.minus(Duration.ofDays(200))).json());
        publish(Events.memberRegistered("c-2002").name("Someone else").email("other@example.com")
                .phone("+8613800002002").at(NOW.minus(Duration.ofDays(200))).json());
        for (int i = 0; i < ORDERS; i++) {
            String order = String.format("o-%03d", i);
            Instant at = NOW.minus(Duration.ofDays(150 - 10L * i));
            publish(Events.orderPlaced("c-1001", order).at(at).json());
            publish(Events.orderPaid("c-1001", order).amount(10_000).at(at).json());
        }
        publish(Events.cartUpdated("cart-1001").customerId("c-1001")
                .at(NOW.minus(Duration.ofMinutes(30))).json());
        local.cloud().eventBus().publishSample("disputes/dispute-opened-store-return.json", e -> { }, "test", NOW);
        local.functions().drainAll();
    }

    @Test
    void aMemberIsFoundByIdByAnAddressInAnotherCaseAndByANumberInAnotherFormat() {
        String agent = "agent";
        assertEquals(List.of("c-1001"), ids(read(call("/members", query("id", "c-1001"), agent), 200)));
        assertEquals(List.of("c-1001"), ids(read(call("/members", query("email", " MEMBER.1001@example.COM"), agent),
                200)));
        assertEquals(List.of("c-1001"), ids(read(call("/members", query("phone", "0086 138-0000-1001"), agent),
                200)));
        assertEquals(List.of(), ids(read(call("/members", query("email", "nobody@example.com"), agent), 200)));
        assertTrue(read(call("/members", query("phone", "138 0000 1001"), agent), 400).get("reason").asText()
                .contains("country code"));
    }

    @Test
    void theViewShowsEveryPartWrittenByTheOtherFunctions() {
        JsonNode view = read(call("/members/c-1001", "", "agent"), 200);

        assertEquals("<b>Li</b> & Co", view.get("profile").get("name").asText(), "data, for the console to escape");
        assertEquals("active", view.get("membership").get("status").asText());
        JsonNode tier = view.get("tier");
        assertEquals("VIP1", tier.get("name").asText(), "13 orders of 100.00 CNY in the trailing year");
        assertEquals("spend", tier.get("basis").asText());
        assertEquals(ORDERS * 10_000L, tier.get("trailingYearSpend").get("amount").asLong());
        assertEquals(ORDERS, view.get("rfm").get("frequency").asInt());
        JsonNode rfm = view.get("rfm");
        assertTrue(rfm.get("scored").asBoolean(), "RfmFunction evaluated the member after the archive's recheck");
        assertTrue(rfm.get("segment").isTextual() && rfm.get("scores").get("f").asInt() >= 1, rfm.toString());
        JsonNode points = view.get("points");
        assertEquals(view.get("purchases").get("pointsEarnedByOrders").asLong(), points.get("balance").asLong(),
                "the ledger's balance, earned by the orders");
        assertTrue(points.get("balance").asLong() > 0);
        assertEquals("earned", points.get("entries").get(0).get("kind").asText());
        assertEquals("d-4003", view.get("disputes").get(0).get("disputeId").asText());
        JsonNode mail = view.get("mail").get("items");
        assertTrue(StreamSupport.stream(mail.spliterator(), false)
                .anyMatch(m -> m.get("template").asText().equals("dispute-acknowledged")), mail.toString());
        JsonNode cart = view.get("journeys").get("carts").get(0);
        assertEquals("cart-1001", cart.get("cartId").asText(), "the open cart");
        assertEquals(1, cart.get("lineCount").asInt());
    }

    @Test
    void ordersPageOnWithTheCursorTheViewGives() {
        String agent = "agent";
        JsonNode page = read(call("/members/c-1001", "", agent), 200).get("orders");
        List<String> seen = new ArrayList<>(orderIds(page));
        assertEquals(MemberViewService.ORDERS, seen.size());
        while (!page.get("next").isNull()) {
            page = read(call("/members/c-1001/orders", query("next", page.get("next").asText()), agent), 200);
            seen.addAll(orderIds(page));
        }
        assertEquals(ORDERS, seen.size());
        assertEquals(ORDERS, new HashSet<>(seen).size());
        assertEquals("o-012", seen.getFirst());
        assertEquals(3, read(call("/members/c-1001/orders", "limit=3", agent), 200).get("items").size());
    }

    @Test
    void anUnknownMemberIs404AndACallerWithoutTheGroupIsRefused() {
        assertEquals(404, call("/members/c-nobody", "", "admin").getStatusCode());
        APIGatewayV2HTTPResponse marketer = call("/members/c-1001", "", "marketer");
        assertEquals(403, marketer.getStatusCode());
        assertTrue(marketer.getBody().contains("admins or agents"), marketer.getBody());
        assertFalse(marketer.getBody().contains("member.1001"), "nothing read");
        assertEquals(401, call("/members/c-1001", "", null).getStatusCode());
    }

    @Test
    void scriptsUseTheIamSignedFunctionUrlAndUnsignedRequestsAreRefused() {
        APIGatewayV2HTTPResponse found = local.functions().invokeSignedUrl("MemberViewFunction",
                FunctionUrlRequest.sample("member-view/find-by-email.json"));
        assertEquals(List.of("c-1001"), ids(read(found, 200)));
        JsonNode view = read(local.functions().invokeSignedUrl("MemberViewFunction",
                FunctionUrlRequest.sample("member-view/get-member.json")), 200);
        assertEquals("c-1001", view.get("customerId").asText());
        assertEquals(403, local.functions().invokeUrl("MemberViewFunction", "GET", "/members/c-1001", "", Map.of(),
                null)
                .getStatusCode(), "Lambda refuses an unsigned request");
        assertEquals(403, local.functions().invokeUrlAsIfAuthTypeNone("MemberViewFunction", "GET", "/members/c-1001",
                "",
                Map.of(), null).getStatusCode(), "the handler refuses a request that names no caller");
    }

    private void publish(String json) {
        local.cloud().eventBus().publish(json, "test", NOW);
    }

    /** A GET by one of the documented local users, or with no token at all when {@code user} is null. */
    private APIGatewayV2HTTPResponse call(String path, String query, String user) {
        return user == null ? staff.api().invoke("GET", path, query, Map.of(), null)
                : staff.invoke(user, "GET", path, query, null);
    }

    private static String query(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode read(APIGatewayV2HTTPResponse response, int status) {
        return LocalStaffDoor.read(response, status, "the member view");
    }

    private static List<String> ids(JsonNode found) {
        return StreamSupport.stream(found.get("members").spliterator(), false)
                .map(m -> m.get("customerId").asText()).toList();
    }

    private static List<String> orderIds(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false).map(o -> o.get("orderId").asText())
                .toList();
    }
}
