package dev.storecrm.broadcasts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.broadcast.Broadcast;
import dev.storecrm.domain.broadcast.BroadcastJson;
import dev.storecrm.domain.broadcast.BroadcastPage;
import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalCloudExtension;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.LocalStaffApi;
import dev.storecrm.localcloud.LocalTokenIssuer;
import dev.storecrm.localcloud.SentMail;
import dev.storecrm.platform.sqs.SqsMessageOutbox;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Broadcasts through the real member archive, RFM, broadcast, timer sweep and sender functions, defined and
 * started by a marketer through the staff API: a segment's members get their variant once each within their local
 * window, the held out and those without consent get nothing, a page handled again sends nothing more; a
 * broadcast cancelled while sending stops at its next page.
 */
@ExtendWith(LocalCloudExtension.class)
class BroadcastIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** 10:00 on 1 March 2027 in Shanghai, where the members live. */
    private static final Instant START = Instant.parse("2027-03-01T02:00:00Z");
    private static final String SPRING = """
            {"campaignId": "spring-teas", "name": "Spring teas", "audience": {"audience": "bought-360d"},
             "variants": [{"name": "A", "share": 50, "content": {"en": {"headline": "Spring teas are in",
                                                                         "message": "Longjing, picked in March."}}},
                          {"name": "B", "share": 50, "content": {"en": {"headline": "First flush, 10 off",
                                                                         "message": "Longjing is back."}}}],
             "window": {"start": "2027-03-02T10:00", "end": "2027-03-02T20:00"},
             "coupon": {"value": "CNY:1000", "validDays": 14}, "holdoutPercent": "25"}""";
    private static final List<String> NO_CONSENT = List.of("c-b-03", "c-b-07");

    private LocalCloud cloud;
    private SimulatedClock clock;
    private LocalFunctions functions;
    private LocalStaffApi api;
    private Map<String, String> marketer;

    @BeforeEach
    void reset(LocalCloud cloud) {
        cloud.reset();
        this.cloud = cloud;
        this.clock = new SimulatedClock(START);
        this.functions = cloud.functions(clock, Map.of("BROADCAST_PAGE_SIZE", "5"));
        String[] pool = LocalStaffApi.issuerAndAudience(cloud.template(), "StaffApi");
        LocalTokenIssuer issuer = new LocalTokenIssuer(pool[0], pool[1], Duration.ofDays(30), clock);
        this.api = new LocalStaffApi(cloud.template(), "StaffApi", functions, clock, issuer.jwks());
        this.marketer = Map.of("authorization", "Bearer " + issuer.signIn("marketer", "marketer-local-1")
                .orElseThrow(), "content-type", "application/json");
    }

    @AfterEach
    void nothingLost() {
        assertEquals(0, cloud.queueDepth("BroadcastDeadLetterQueue"), "no page dead-lettered");
        assertEquals(0, cloud.queueDepth("OutboxDeadLetterQueue"), "no message request dead-lettered");
    }

    @Test
    void aSegmentBroadcastSendsEachMemberItsVariantOnceInTheWindowAndNothingToTheHeldOutOrUnconsenting()
            throws IOException {
        List<String> members = IntStream.range(0, 24).mapToObj(i -> String.format("c-b-%02d", i)).toList();
        members.forEach(this::customer);
        Broadcast spring = BroadcastJson.read(SPRING, Holdout.NONE);
        List<String> heldOut = members.stream().filter(spring::holdsOut).toList();
        // A member whose cap slot a birthday greeting takes at 09:59 on the day: held past the window's end.
        String capped = members.stream().filter(m -> !spring.holdsOut(m) && !NO_CONSENT.contains(m)).findFirst()
                .orElseThrow();
        Map<String, String> expected = members.stream().filter(m -> !spring.holdsOut(m) && !NO_CONSENT.contains(m)
                        && !m.equals(capped))
                .collect(Collectors.toMap(m -> m + "@example.com", m -> "[AD] " + spring.variantOf(m).content()
                        .get("en").get("headline"), (a, b) -> a, TreeMap::new));
        assertTrue(!heldOut.isEmpty() && expected.containsValue("[AD] Spring teas are in")
                && expected.containsValue("[AD] First flush, 10 off"), "the draw gives this test all its cases");

        assertEquals(201, call("POST", "/broadcasts", SPRING).getStatusCode());
        assertEquals("draft", view("spring-teas").get("status").asText());
        assertEquals(409, call("POST", "/broadcasts", SPRING).getStatusCode(), "one campaign per id");
        assertEquals("scheduled", json(call("POST", "/broadcasts/spring-teas/schedule", "")).get("status").asText());
        assertEquals(409, call("POST", "/broadcasts/spring-teas/schedule", "").getStatusCode(), "started once");

        functions.advanceTo("TimerSweepFunction", Instant.parse("2027-03-02T01:59:00Z"));
        assertEquals(List.of(), cloud.sentMail(), "nothing before 10:00 in Shanghai");
        new SqsMessageOutbox(cloud.sqs(), cloud.queueUrl("OutboxQueue"), cloud.queueUrl("OutboxPriorityQueue"))
                .enqueue(MessageRequest.marketing("BIRTHDAY#" + capped + "#2027", "birthday", capped, "store-news",
                        Map.of("headline", "Happy birthday", "message", "A gift", "link", "https://shop.example.com/"),
                        clock.instant()));
        functions.advanceTo("TimerSweepFunction", Instant.parse("2027-03-02T02:01:00Z"));

        assertEquals(expected, broadcastMail().stream().collect(Collectors.toMap(m -> m.to().getFirst(),
                SentMail::subject, (a, b) -> a + " AND " + b, TreeMap::new)), "each its variant, once");
        assertTrue(broadcastMail().stream().allMatch(m -> m.text().contains("CNY")), "each with its coupon");
        Map<String, String> ledger = ledger();
        heldOut.forEach(m -> assertEquals("HELD_OUT", ledger.get(spring.businessKey(m)), m));
        List<String> unconsenting = NO_CONSENT.stream().filter(m -> !spring.holdsOut(m)).toList();
        unconsenting.forEach(m -> assertEquals("NO_MARKETING_CONSENT", ledger.get(spring.businessKey(m)), m));
        assertEquals("EXPIRED_UNDER_CAP", ledger.get(spring.businessKey(capped)));
        assertEquals(members.size(), ledger.size(), "one ledger entry per member");

        JsonNode sent = view("spring-teas");
        assertEquals("sent", sent.get("status").asText());
        assertEquals(5, sent.get("pagesDone").asInt(), "24 members, 5 a page");
        assertEquals(24, sent.get("counts").get("members").asInt());
        assertEquals(heldOut.size(), sent.get("counts").get("heldOut").asInt());
        assertEquals(24 - heldOut.size(), sent.get("counts").get("queued").get("A").asInt()
                + sent.get("counts").get("queued").get("B").asInt());
        JsonNode delivery = sent.get("delivery");
        Map<String, Integer> notSent = new TreeMap<>(Map.of("EXPIRED_UNDER_CAP", 1));
        if (!unconsenting.isEmpty()) {
            notSent.put("NO_MARKETING_CONSENT", unconsenting.size());
        }
        assertEquals(List.of(expected.size(), notSent, heldOut.size(), 0), List.of(delivery.get("sent").asInt(),
                        JSON.convertValue(delivery.get("notSent"), TreeMap.class), delivery.get("heldOut").asInt(),
                        delivery.get("waiting").asInt()),
                "sent, not sent by reason (the cap, no consent), held out, none waiting: " + delivery);
        for (String variant : List.of("A", "B")) {
            long mailed = expected.values().stream().filter(subject -> subject.equals("[AD] " + spring.variants()
                    .stream().filter(v -> v.name().equals(variant)).findFirst().orElseThrow().content().get("en")
                    .get("headline"))).count();
            assertEquals(mailed, delivery.get("variants").get(variant).get("sent").asLong(), variant);
        }

        // The trigger again: every page delivered once more, as a retry or a duplicate would.
        for (int page = 1; page <= 5; page++) {
            Optional<String> after = page == 1 ? Optional.empty() : Optional.of(members.get(page * 5 - 6));
            BroadcastPage again = new BroadcastPage("spring-teas", page, after);
            cloud.sqs().sendMessage(m -> m.queueUrl(cloud.queueUrl("BroadcastQueue")).messageBody(again.json()));
        }
        functions.advanceTo("TimerSweepFunction", Instant.parse("2027-03-02T03:00:00Z"));
        assertEquals(expected.size(), broadcastMail().size(), "still once per member");
        assertEquals(sent.get("counts"), view("spring-teas").get("counts"), "counted once");
        assertEquals(delivery, view("spring-teas").get("delivery"), "each message's outcome counted once");
    }

    @Test
    void aBroadcastCancelledWhileSendingStopsAtItsNextPage() throws IOException {
        List<String> members = IntStream.range(0, 12).mapToObj(i -> String.format("c-b-%02d", i + 10)).toList();
        members.forEach(this::customer);
        String definition = """
                {"campaignId": "flash-sale", "audience": {"members": [%s]}, "holdoutPercent": "0",
                 "variants": [{"name": "A", "share": 100, "content": {"en": {"headline": "Flash sale",
                                                                             "message": "Today only."}}}],
                 "window": {"start": "2027-03-01T09:00", "end": "2027-03-01T21:00"}}"""
                .formatted(members.stream().map(m -> '"' + m + '"').collect(Collectors.joining(",")));
        APIGatewayV2HTTPResponse created = call("POST", "/broadcasts", definition);
        assertEquals(201, created.getStatusCode(), created.getBody());
        call("POST", "/broadcasts/flash-sale/schedule", "");

        functions.pollOnce("BroadcastPagesFunction");
        JsonNode cancelled = json(call("POST", "/broadcasts/flash-sale/cancel", ""));
        functions.drainAll();

        assertEquals("cancelled", cancelled.get("status").asText());
        assertEquals("console:marketer", cancelled.get("cancelledBy").asText(), "who cancelled it is recorded");
        assertEquals(members.subList(0, 5).stream().map(m -> m + "@example.com").toList(), cloud.sentMail().stream()
                .map(m -> m.to().getFirst()).sorted().toList(), "the first page went; no page after the cancel");
        JsonNode after = view("flash-sale");
        assertEquals(1, after.get("pagesDone").asInt());
        assertEquals(5, after.get("counts").get("queued").get("A").asInt());
        assertEquals(409, call("POST", "/broadcasts/flash-sale/cancel", "").getStatusCode(), "cancelled once");
    }

    @Test
    void aBadDefinitionIsRefusedWithTheFieldAndTheRule() throws IOException {
        String ids = IntStream.range(0, 1_001).mapToObj(i -> "\"c-" + i + "\"").collect(Collectors.joining(","));
        APIGatewayV2HTTPResponse tooMany = call("POST", "/broadcasts", SPRING.replace(
                "{\"audience\": \"bought-360d\"}",
                "{\"members\": [" + ids + "]}"));
        assertEquals(400, tooMany.getStatusCode());
        assertEquals("audience.members names at most 1000 members (1001 given): use a segment or an audience for"
                + " more", json(tooMany).get("reason").asText());
        assertEquals(404, call("GET", "/broadcasts/no-such", "").getStatusCode());

        cloud.sqs().sendMessage(m -> m.queueUrl(cloud.queueUrl("BroadcastQueue")).messageBody("{\"page\": 0}"));
        functions.drainAll();
        assertEquals(List.of("broadcast-pages"), cloud.dynamoDb().scan(r -> r.tableName(cloud.tableName(
                "RejectsTable"))).items().stream().map(i -> i.get("consumer").s()).toList(), "a bad page is kept");
    }

    @Test
    void theStoresBroadcastsAreListedNewestFirstAPageAtATimeWithoutTheirContent() throws IOException {
        for (String id : List.of("winter-sale", "spring-teas", "summer-list")) {
            String body = SPRING.replace("\"spring-teas\"", "\"" + id + "\"");
            if (id.equals("summer-list")) {
                body = body.replace("{\"audience\": \"bought-360d\"}", "{\"members\": [\"c-1\", \"c-2\"]}");
            }
            assertEquals(201, call("POST", "/broadcasts", body).getStatusCode());
            clock.advance(Duration.ofMinutes(5));
        }
        call("POST", "/broadcasts/winter-sale/cancel", "");

        JsonNode first = json(api.invoke("GET", "/broadcasts", "limit=2", marketer, null));
        assertEquals(List.of("summer-list", "spring-teas"), ids(first), "newest first");
        JsonNode summer = first.get("broadcasts").get(0);
        assertEquals(2, summer.get("audience").get("members").asInt(), "a member list as its size");
        assertTrue(!summer.get("variants").get(0).has("content") && summer.get("variants").get(0).has("share"),
                summer.toString());
        assertEquals("draft", summer.get("status").asText());
        JsonNode second = json(api.invoke("GET", "/broadcasts", "limit=2&next=" + first.get("next").asText(),
                marketer, null));
        assertEquals(List.of("winter-sale"), ids(second));
        assertEquals("cancelled", second.get("broadcasts").get(0).get("status").asText());
        assertEquals(List.of("summer-list", "spring-teas", "winter-sale"), ids(json(call("GET", "/broadcasts", ""))));
        assertEquals(400, api.invoke("GET", "/broadcasts", "next=bm90LWEtY3Vyc29y", marketer, null)
                .getStatusCode(), "a cursor no page gave");
        assertEquals(400, api.invoke("GET", "/broadcasts", "limit=26", marketer, null).getStatusCode());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new java.util.ArrayList<>();
        page.get("broadcasts").forEach(b -> ids.add(b.get("campaignId").asText()));
        return ids;
    }

    @Test
    void aPageThatComesBeforeTheWindowOpensAnywhereWaitsAsATimer() throws IOException {
        assertEquals(201, call("POST", "/broadcasts", SPRING).getStatusCode());
        call("POST", "/broadcasts/spring-teas/schedule", "");
        BroadcastPage first = BroadcastPage.first("spring-teas");
        cloud.sqs().sendMessage(m -> m.queueUrl(cloud.queueUrl("BroadcastQueue")).messageBody(first.json()));
        functions.drainAll();

        assertEquals(List.of("broadcast#spring-teas#1"), cloud.dynamoDb().scan(r -> r.tableName(cloud.tableName(
                "TimersTable"))).items().stream().map(i -> i.get("timerId").s()).distinct().toList(),
                "one timer for the first page, armed by the schedule and again by the early page");
        assertEquals("scheduled", json(call("GET", "/broadcasts/spring-teas", "")).get("status").asText());
    }

    /** A member in Shanghai, with marketing consent unless listed, and one paid order (RFM: bought-360d). */
    private void customer(String customerId) {
        var registered = Events.memberRegistered(customerId).at(START.minus(Duration.ofDays(20)));
        if (NO_CONSENT.contains(customerId)) {
            registered.withoutConsent();
        }
        cloud.eventBus().publish(registered.json(), "test", clock.instant());
        cloud.eventBus().publish(Events.orderPaid(customerId, "o-" + customerId).at(START.minus(Duration.ofDays(2)))
                .json(), "test", clock.instant());
        functions.drainAll();
    }

    private APIGatewayV2HTTPResponse call(String method, String path, String body) {
        return api.invoke(method, path, "", marketer, body);
    }

    private JsonNode view(String campaignId) throws IOException {
        APIGatewayV2HTTPResponse response = call("GET", "/broadcasts/" + campaignId, "");
        assertEquals(200, response.getStatusCode(), response.getBody());
        return json(response);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws IOException {
        return JSON.readTree(response.getBody());
    }

    /** The mail sent but the birthday greeting. */
    private List<SentMail> broadcastMail() {
        return cloud.sentMail().stream().filter(m -> !m.subject().contains("Happy birthday")).toList();
    }

    /** The send ledger's broadcast entries: business key to status, or to the reason for what did not go. */
    private Map<String, String> ledger() {
        Map<String, String> entries = new TreeMap<>();
        for (Map<String, AttributeValue> item : cloud.dynamoDb().scan(s -> s.tableName(cloud.tableName(
                "SendLedgerTable")).consistentRead(true)).items()) {
            if (item.get("businessKey").s().startsWith("BROADCAST#")) {
                entries.put(item.get("businessKey").s(), "SENT".equals(item.get("status").s()) ? "SENT"
                        : item.get("reason").s());
            }
        }
        return entries;
    }
}
