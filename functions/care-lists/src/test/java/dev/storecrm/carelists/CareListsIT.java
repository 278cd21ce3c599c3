package dev.storecrm.carelists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.campaign.LiftAttribution;
import dev.storecrm.domain.campaign.LiftRecorder;
import dev.storecrm.domain.campaign.Settled;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.referral.Referral;
import dev.storecrm.domain.referral.ReferralStatus;
import dev.storecrm.domain.rfm.RfmState;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.events.MemberRegisteredBuilder;
import dev.storecrm.fixtures.events.OrderPlacedBuilder;
import dev.storecrm.fixtures.triggers.ScheduledEvents;
import dev.storecrm.localcloud.CapacityRecorder;
import dev.storecrm.localcloud.FunctionUrlRequest;
import dev.storecrm.localcloud.FunctionUrlSigV4;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalCloudExtension;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.LocalStaffApi;
import dev.storecrm.localcloud.LocalStaffDoor;
import dev.storecrm.platform.dynamodb.DynamoDbLiftBook;
import dev.storecrm.platform.dynamodb.DynamoDbReferralBook;
import dev.storecrm.platform.dynamodb.DynamoDbRfmBook;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The staff's lists, read through the signed function URL after the real greeting, win-back,
 * sender and member archive functions did a month's work against the local cloud.
 */
@ExtendWith(LocalCloudExtension.class)
class CareListsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LISTS = "CareListsFunction";

    private LocalCloud cloud;
    private SimulatedClock clock;
    private LocalFunctions functions;

    @BeforeEach
    void reset(LocalCloud cloud) {
        cloud.reset();
        this.cloud = cloud;
    }

    @Test
    void thisMonthsBirthdayMembersWithGreetingAndCouponUse() throws Exception {
        start(Instant.parse("2026-05-31T00:00:00Z"));
        register("c-ann", "Ann Lee", "Asia/Shanghai", "1990-06-10", true, "+8613800001001", "phone");
        register("c-bob", "Bob Stone", "America/New_York", "--06-25", true, "+14155550100", "email");
        register("c-cat", "Cat Wu", "Asia/Shanghai", "--07-01", true, null, "email");
        register("c-dan", "Dan Ma", "Asia/Shanghai", "--06-12", false, null, "sms");
        register("c-eve", "=HYPERLINK(\"http://evil.example\")", "Europe/Berlin", "--06-05", true, null, "email");
        functions.drainAll();
        hourlyUntil(Instant.parse("2026-06-11T00:00:00Z"));
        String annCoupon = row(birthdays("month=2026-06&format=json"), "c-ann").get("giftCoupon");
        order("c-ann", "o-ann-1", annCoupon, clock.instant());
        hourlyUntil(Instant.parse("2026-06-15T00:00:00Z"));

        List<Map<String, String>> june = birthdays("month=2026-06&format=json");
        assertEquals(List.of("c-eve 2026-06-05", "c-ann 2026-06-10", "c-dan 2026-06-12", "c-bob 2026-06-25"),
                june.stream().map(r -> r.get("customerId") + " " + r.get("localDate")).toList(),
                "June's birthdays by local date; c-cat's is in July");
        Map<String, String> ann = row(june, "c-ann");
        assertEquals("no", ann.get("greeted"), "Ann prefers the phone: no marketing e-mail, the staff call her");
        assertEquals("skipped: PREFERS_ANOTHER_CHANNEL", ann.get("greetingDetail"));
        assertTrue(ann.get("giftCoupon").startsWith("BIRT-"), ann.toString());
        assertEquals("yes", ann.get("couponUsed"));
        assertEquals("o-ann-1", ann.get("couponOrderId"));
        assertEquals("phone", ann.get("contactPreference"));
        assertEquals("+8613800001001", ann.get("phone"));
        assertEquals("MEMBER", ann.get("tier"));
        Map<String, String> dan = row(june, "c-dan");
        assertEquals("no", dan.get("greeted"), "no marketing consent: the sender skipped the greeting");
        assertTrue(dan.get("greetingDetail").startsWith("skipped"), dan.toString());
        assertEquals("no", dan.get("marketingConsent"));
        Map<String, String> bob = row(june, "c-bob");
        assertEquals("not yet", bob.get("greeted"));
        assertEquals("", bob.get("giftCoupon"));
        assertEquals("no", row(june, "c-eve").get("couponUsed"));

        APIGatewayV2HTTPResponse csv = sample("birthdays-csv.json");
        assertEquals(200, csv.getStatusCode());
        assertEquals("text/csv; charset=utf-8", csv.getHeaders().get("Content-Type"));
        assertEquals("attachment; filename=\"birthdays-2026-06.csv\"", csv.getHeaders().get("Content-Disposition"));
        assertEquals("no-store", csv.getHeaders().get("Cache-Control"));
        assertTrue(csv.getBody().startsWith("\uFEFFcustomerId,name,phone,"), csv.getBody());
        assertTrue(csv.getBody().contains("c-eve,\"'=HYPERLINK(\"\"http://evil.example\"\")\","), csv.getBody());
        assertEquals(5, csv.getBody().split("\r\n").length, "a header and four members");
        APIGatewayV2HTTPResponse asSamInvokes = (APIGatewayV2HTTPResponse) functions.invoke(LISTS,
                FunctionUrlRequest.event("care-lists/birthdays-csv.json"));
        assertEquals(csv.getBody(), asSamInvokes.getBody(),
                "the sample event as sam local invoke passes it: the same list");

        assertEquals(List.of("c-cat 2026-07-01"), birthdays("month=2026-07&format=json").stream()
                .map(r -> r.get("customerId") + " " + r.get("localDate")).toList());
    }

    @Test
    void lunarBirthdaysAreListedOnTheirGregorianDayWithTheLunarDateBeside() throws Exception {
        start(Instant.parse("2027-01-20T00:00:00Z"));
        for (String[] lunar : new String[][] {{"c-spring", "1", "1"}, {"c-eve", "12", "30"}, {"c-mid", "12", "15"}}) {
            cloud.eventBus().publish(Events.memberRegistered(lunar[0]).at("2025-03-01T00:00:00Z").name(lunar[0])
                    .birthday("--07-01").birthdayLunar(Integer.parseInt(lunar[1]), Integer.parseInt(lunar[2]), false)
                    .json(), "test", clock.instant());
        }
        register("c-greg", "Greg Li", "Asia/Shanghai", "--02-10", true, null, "email");
        functions.drainAll();
        hourlyUntil(Instant.parse("2027-02-07T00:00:00Z"));

        assertEquals(List.of("c-eve 2027-02-05 腊月三十 yes", "c-spring 2027-02-06 正月初一 yes", "c-greg 2027-02-10  not yet"),
                lunarRows("month=2027-02"), "New Year's Eve 2027 is 5 February: 腊月 has 29 days in lunar 2026");
        assertEquals(List.of("c-mid 2027-01-22 腊月十五 yes"), lunarRows("month=2027-01"), "lunar 2026's 腊月十五");
        assertEquals(List.of("c-mid 2028-01-11 腊月十五 not yet", "c-eve 2028-01-25 腊月三十 not yet",
                "c-spring 2028-01-26 正月初一 not yet"), lunarRows("month=2028-01"), "filed for the next lunar year");
        assertEquals(List.of(), lunarRows("month=2027-07"), "the Gregorian birthday gives way to the lunar one");
    }

    private List<String> lunarRows(String query) throws Exception {
        return birthdays(query + "&format=json").stream()
                .map(r -> r.get("customerId") + " " + r.get("localDate") + " " + r.get("lunarDate") + " "
                        + r.get("greeted")).toList();
    }

    @Test
    void consoleUsersPageTheListAndTheCallsTheyMarkAreShownBack() throws Exception {
        start(Instant.parse("2026-05-31T00:00:00Z"));
        register("c-ann", "Ann Lee", "Asia/Shanghai", "1990-06-10", true, "+8613800001001", "phone");
        register("c-bob", "Bob Stone", "America/New_York", "--06-25", true, "+14155550100", "email");
        register("c-dan", "Dan Ma", "Asia/Shanghai", "--06-12", false, null, "sms");
        functions.drainAll();
        LocalStaffDoor door = LocalStaffDoor.open(cloud, functions, clock);
        LocalStaffApi api = door.api();
        Map<String, String> marketer = door.as("marketer");

        APIGatewayV2HTTPResponse first =
                api.invoke("GET", "/birthdays", "month=2026-06&format=json&limit=2", marketer, null);
        JsonNode page = JSON.readTree(first.getBody());
        assertEquals(List.of("c-ann", "c-dan"), List.of(page.get("rows").get(0).get("customerId").asText(),
                page.get("rows").get(1).get("customerId").asText()));
        APIGatewayV2HTTPResponse second = api.invoke("GET", "/birthdays", "month=2026-06&format=json&limit=2&next="
                + page.get("next").asText(), marketer, null);
        assertEquals(List.of("c-bob"), rows(second).stream().map(r -> r.get("customerId")).toList());
        assertFalse(JSON.readTree(second.getBody()).has("next"), "the last page has no cursor");
        APIGatewayV2HTTPResponse csvPage = api.invoke("GET", "/birthdays", "month=2026-06&limit=1", marketer, null);
        assertTrue(csvPage.getHeaders().containsKey("X-Next-Cursor"), csvPage.getHeaders().toString());
        assertEquals(2, csvPage.getBody().split("\r\n").length, "a header and one member");

        APIGatewayV2HTTPResponse marked = api.invoke("POST", "/follow-ups", "", marketer,
                "{\"list\":\"birthdays\",\"month\":\"2026-06\",\"customerId\":\"c-dan\",\"outcome\":\"reached\","
                        + "\"note\":\"Happy with <b>the</b> gift\"}");
        assertEquals(200, marked.getStatusCode(), marked.getBody());
        Map<String, String> dan =
                row(rows(api.invoke("GET", "/birthdays", "month=2026-06&format=json", marketer, null)), "c-dan");
        assertEquals("reached", dan.get("followUp"));
        assertEquals("Happy with <b>the</b> gift", dan.get("followUpNote"));
        assertEquals("console:marketer", dan.get("followUpBy"));
        assertEquals("2026-05-31T08:00:00", dan.get("followUpAt"), "in the store's time zone");

        assertEquals(400, api.invoke("POST", "/follow-ups", "", marketer,
                "{\"list\":\"birthdays\",\"month\":\"2026-06\","
                        + "\"customerId\":\"c-dan\",\"outcome\":\"maybe\"}").getStatusCode(), "an unknown outcome");
        assertEquals(400, api.invoke("GET", "/birthdays", "month=2026-06&limit=0", marketer, null).getStatusCode());
        assertEquals(400, api.invoke("GET", "/birthdays", "month=2026-06&next=%21%21", marketer, null).getStatusCode());
        List<Map<String, String>> may = rows(api.invoke("GET", "/carts", "from=2026-05-01&to=2026-05-31&format=json",
                marketer, null));
        assertEquals(31, may.size(), "a row per day, quiet days too");
        assertEquals("0", may.getFirst().get("abandoned"));
        assertEquals(400, api.invoke("GET", "/carts", "from=2026-06-01&to=2026-05-31", marketer, null).getStatusCode());
        Map<String, String> agent = door.as("agent");
        assertEquals(403, api.invoke("GET", "/birthdays", "month=2026-06", agent, null).getStatusCode(),
                "the lists are the marketers' and admins'");
        assertEquals(403, api.invoke("POST", "/follow-ups", "", agent, "{}").getStatusCode());
    }

    @Test
    void dormantFollowUpListAndWakeUpRate() throws Exception {
        Instant lastOrder = Instant.parse("2026-01-05T02:00:00Z");
        start(lastOrder.minus(Duration.ofDays(1)));
        register("c-back", "Back Again", "Asia/Shanghai", null, true, "+8613800002002", "email");
        register("c-quiet", "Still Quiet", "Asia/Shanghai", null, true, null, "email");
        functions.drainAll();
        order("c-back", "o-back-1", null, lastOrder);
        order("c-quiet", "o-quiet-1", null, lastOrder);
        dailyUntil(lastOrder.plus(Duration.ofDays(65)));
        String coupon = row(dormant("month=2026-03&format=json"), "c-back").get("coupon");
        order("c-back", "o-back-2", coupon, clock.instant());
        dailyUntil(lastOrder.plus(Duration.ofDays(100)));

        List<Map<String, String>> march = rows(sample("dormant-json.json"));
        assertEquals(List.of("c-back 1", "c-quiet 1"),
                march.stream().map(r -> r.get("customerId") + " " + r.get("step")).sorted().toList());
        Map<String, String> back = row(march, "c-back");
        assertEquals("sent", back.get("message"));
        assertEquals("yes", back.get("couponUsed"));
        assertEquals("yes", back.get("cameBack"));
        assertEquals("o-back-2", back.get("cameBackOrderId"));
        assertEquals("email", back.get("contactPreference"), "a member who prefers the phone gets no win-back mail");
        Map<String, String> quiet = row(march, "c-quiet");
        assertEquals("no", quiet.get("cameBack"));
        assertEquals("no", quiet.get("couponUsed"));
        assertEquals(List.of("c-quiet 2"), dormant("month=2026-04&format=json").stream()
                .map(r -> r.get("customerId") + " " + r.get("step")).toList(), "c-back's episode ended with the order");

        List<Map<String, String>> rate = rows(sample("wake-up-json.json"));
        Map<String, String> first = row(rate, "1", "step");
        assertEquals("2", first.get("sent"));
        assertEquals("1", first.get("woken"));
        assertEquals("50.0%", first.get("wakeUpRate"));
        assertEquals("19900", first.get("revenueMinor"));
        assertEquals("995", first.get("couponDiscountMinor"), "step 1's coupon: 5% of 199.00");
        assertEquals("18905", first.get("netRevenueMinor"));
        Map<String, String> second = row(rate, "2", "step");
        assertEquals("1", second.get("sent"));
        assertEquals("0", second.get("woken"));
        assertEquals("0.0%", second.get("wakeUpRate"));
        Map<String, String> all = row(rate, "all", "step");
        assertEquals("3", all.get("sent"));
        assertEquals("14", all.get("windowDays"));
    }

    @Test
    void onlySignedRequestsAreServedAndBadParametersAreExplained() throws Exception {
        start(Instant.parse("2026-06-01T00:00:00Z"));
        assertEquals(403, functions.invokeUrl("CareListsFunction", "GET", "/birthdays", "month=2026-06", Map.of(), null)
                .getStatusCode(), "a function URL with AWS_IAM refuses unsigned requests");
        APIGatewayV2HTTPResponse badMonth = get("/birthdays", "month=June");
        assertEquals(400, badMonth.getStatusCode());
        assertEquals("month must be a calendar month such as 2026-06, not 'June'",
                JSON.readTree(badMonth.getBody()).get("error").asText());
        APIGatewayV2HTTPResponse backwards = get("/wake-up", "from=2026-05-01&to=2026-04-01");
        assertEquals(400, backwards.getStatusCode());
        assertTrue(backwards.getBody().contains("'to' (2026-04-01) is before 'from' (2026-05-01)"),
                backwards.getBody());
        assertEquals(400, get("/dormant", "format=xlsx").getStatusCode());
        APIGatewayV2HTTPResponse unknown = get("/vip", "");
        assertEquals(404, unknown.getStatusCode());
        assertTrue(unknown.getBody().contains("/birthdays, /dormant, /wake-up"), unknown.getBody());
        assertEquals(405, functions.invokeSignedUrl("CareListsFunction", "POST", "/birthdays", "", Map.of(), "{}")
                .getStatusCode());
        APIGatewayV2HTTPResponse empty = get("/birthdays", "");
        assertEquals(200, empty.getStatusCode());
        assertEquals("attachment; filename=\"birthdays-2026-06.csv\"", empty.getHeaders().get("Content-Disposition"),
                "the month defaults to the current one in the store's time zone");
    }

    @Test
    void aSignedRequestWithoutAnIamCallerGetsNothingIfTheUrlWereOpenedByMistake() throws Exception {
        start(Instant.parse("2026-06-01T00:00:00Z"));
        register("c-ann", "Ann Lee", "Asia/Shanghai", "1990-06-10", true, "+8613800001001", "phone");
        functions.drainAll();
        Map<String, String> signed = FunctionUrlSigV4.sign("GET", functions.url(LISTS, "/birthdays", "month=2026-06"),
                Map.of(), null, LocalCloud.ACCESS_KEY, LocalCloud.SECRET_KEY, cloud.template().region(),
                clock.instant());
        CapacityRecorder.reset();

        APIGatewayV2HTTPResponse refused = functions.invokeUrlAsIfAuthTypeNone(LISTS, "GET", "/birthdays",
                "month=2026-06", signed, null);
        assertEquals(403, refused.getStatusCode(),
                "AuthType NONE delivers no IAM caller: the function refuses by itself");
        assertFalse(refused.getBody().contains("Ann Lee"), refused.getBody());
        assertEquals(List.of(), CapacityRecorder.usage().stream().filter(u -> u.function().equals(LISTS)).toList(),
                "nothing was read");

        APIGatewayV2HTTPResponse served =
                functions.invokeUrl(LISTS, "GET", "/birthdays", "month=2026-06", signed, null);
        assertEquals(200, served.getStatusCode(), "the same signed request through the IAM URL is served");
        assertTrue(served.getBody().contains("Ann Lee"), served.getBody());
    }

    @Test
    void theReferralListPagesThroughTheIndexWithACursorAndFiltersByReferrer() throws Exception {
        start(Instant.parse("2027-03-20T00:00:00Z"));
        DynamoDbReferralBook book = new DynamoDbReferralBook(cloud.dynamoDb(), cloud.tableName("ReferralsTable"));
        for (String[] r : new String[][] {{"c-b", "c-a", "2027-03-02T01:00:00Z"},
                {"c-c", "c-a", "2027-03-03T01:00:00Z"}, {"c-d", "c-z", "2027-03-04T01:00:00Z"},
                {"c-e", "c-a", "2027-04-01T01:00:00Z"}}) {
            Instant at = Instant.parse(r[2]);
            book.save(new Referral(r[0], r[1], ReferralStatus.PENDING, Optional.of("o-" + r[0]), Optional.of(at),
                    Optional.of(at.plus(Duration.ofDays(30))), Optional.empty(), 500, 0, false, at, Optional.empty()),
                    OptionalLong.empty());
        }
        List<String> march = new ArrayList<>();
        String query = "month=2027-03&limit=2&format=json";
        for (int page = 0; page < 5; page++) {
            JsonNode answer = JSON.readTree(get("/referrals", query).getBody());
            answer.path("rows").forEach(row -> march.add(row.path("refereeId").asText()));
            if (!answer.hasNonNull("next")) {
                break;
            }
            query = "month=2027-03&limit=2&format=json&next=" + answer.path("next").asText();
        }
        assertEquals(List.of("c-b", "c-c", "c-d"), march, "three in March, two a page, oldest first");
        assertEquals(List.of("c-b", "c-c", "c-e"), rows(get("/referrals", "referrerId=c-a&format=json")).stream()
                .map(r -> r.get("refereeId")).toList());
    }

    @Test
    void aSegmentsMembersPageWithACursorAsRfmFunctionPlacedThem() throws Exception {
        start(Instant.parse("2027-03-01T02:00:00Z"));
        for (int n = 1; n <= 7; n++) {
            register("c-s" + n, "Member " + n, "Asia/Shanghai", null, true, null, "email");
        }
        functions.drainAll();
        for (int n = 1; n <= 7; n++) {
            for (int o = 0; o < n % 3 + 1; o++) {
                order("c-s" + n, "o-s" + n + "-" + o, null, clock.instant().plus(Duration.ofHours(1)));
            }
        }
        DynamoDbRfmBook book = new DynamoDbRfmBook(cloud.dynamoDb(), cloud.tableName("RfmTable"), 4);
        Map<String, List<String>> bySegment = new TreeMap<>();
        for (int n = 1; n <= 7; n++) {
            RfmState state = book.find("c-s" + n, true).orElseThrow();
            bySegment.computeIfAbsent(state.segment(), s -> new ArrayList<>()).add(state.customerId());
        }
        for (Map.Entry<String, List<String>> segment : bySegment.entrySet()) {
            List<String> listed = new ArrayList<>();
            String query = "limit=2&format=json";
            for (int page = 0; page < 6; page++) {
                JsonNode answer = JSON.readTree(get("/segments/" + segment.getKey(), query).getBody());
                answer.path("rows").forEach(row -> {
                    listed.add(row.path("customerId").asText());
                    assertEquals(segment.getKey(), row.path("segment").asText());
                    assertTrue(row.path("r").asInt() >= 1 && row.path("r").asInt() <= 5, row.toString());
                });
                if (!answer.hasNonNull("next")) {
                    break;
                }
                query = "limit=2&format=json&next=" + answer.path("next").asText();
            }
            assertEquals(segment.getValue(), listed, "every member of " + segment.getKey() + " once, by id, 2 a page");
        }
        List<Map<String, String>> bought = rows(get("/audiences/bought-360d", "format=json"));
        assertEquals(7, bought.size(), "all seven bought in the last 360 days (one page: 100 by default)");
        assertEquals("3", row(bought, "c-s2").get("orders"));
        assertEquals(List.of(), rows(get("/segments/nobody-here", "format=json")), "a segment without members");
        APIGatewayV2HTTPResponse bad = get("/segments/NotAName", "format=json");
        assertEquals(400, bad.getStatusCode(), bad.getBody());
        assertEquals(400, get("/segments/lost", "limit=0").getStatusCode(), "a limit from 1");
        assertEquals(200, get("/segments/lost", "limit=5000").getStatusCode(), "capped at 1000, not refused");
    }

    @Test
    void theLiftReportShowsEachCellAgainstItsHoldoutAsJsonAndCsv() throws Exception {
        start(Instant.parse("2026-12-05T00:00:00Z"));
        Instant sent = Instant.parse("2026-12-01T02:00:00Z");
        LiftRecorder recorder = new LiftRecorder(new DynamoDbLiftBook(cloud.dynamoDb(), cloud.tableName("LiftTable")),
                new LiftAttribution(Duration.ofDays(7)), ZoneId.of("Asia/Shanghai"), Duration.ofDays(60));
        recorder.assigned("CART#k-1#reminder", "c-1", "cart", "-", Settled.SENT, 0, sent);
        recorder.assigned("CART#k-2#reminder", "c-2", "cart", "-", Settled.SENT, 0, sent);
        recorder.assigned("CART#k-3#reminder", "c-3", "cart", "-", Settled.HELD_OUT, 0, sent);
        recorder.assigned("CART#k-4#reminder", "c-4", "cart", "-", Settled.HELD_OUT, 0, sent);
        recorder.paid("o-1", "c-1", 10_000, sent.plus(Duration.ofDays(1)));
        recorder.paid("o-3", "c-3", 5_000, sent.plus(Duration.ofDays(1)));
        recorder.refunded("o-3", "c-3", "r-3", 1_000, sent.plus(Duration.ofDays(2)));
        LocalStaffDoor door = LocalStaffDoor.open(cloud, functions, clock);
        LocalStaffApi api = door.api();
        Map<String, String> marketer = door.as("marketer");

        List<Map<String, String>> week = rows(api.invoke("GET", "/lift", "format=json", marketer, null));
        assertEquals(1, week.size(), "this week and the three before: one cell, the cart reminder of 2026-W49");
        Map<String, String> cell = week.getFirst();
        assertEquals(List.of("cart", "reminder", "-", "2026-W49", "4", "2", "0", "2", "1", "1", "10000", "4000"),
                List.of(cell.get("journey"), cell.get("step"), cell.get("variant"), cell.get("period"),
                        cell.get("eligible"), cell.get("sent"), cell.get("skipped"), cell.get("heldOut"),
                        cell.get("treatedConverters"), cell.get("heldOutConverters"), cell.get("treatedRevenue"),
                        cell.get("heldOutRevenue")));
        assertEquals("0.14", cell.get("sendCost"), "2 mails at the template's 0.07 fen");
        assertEquals("0.00", cell.get("incrementalConversions"), "(1/2 - 1/2) x 2");
        assertEquals("6000.00", cell.get("incrementalRevenue"), "(10000/2 - 4000/2) x 2");
        assertTrue(Double.parseDouble(cell.get("incrementalRevenueLow")) < 6000
                && Double.parseDouble(cell.get("incrementalRevenueHigh")) > 6000, cell.toString());
        assertEquals("12856.14", cell.get("roi"), "(6000 x 0.3 - 0.14) / 0.14");

        APIGatewayV2HTTPResponse csv = api.invoke("GET", "/lift", "from=2026-W49&to=2026-W49", marketer, null);
        assertEquals(200, csv.getStatusCode(), csv.getBody());
        String[] lines = csv.getBody().split("\r\n");
        assertEquals(2, lines.length, "a header and the cell");
        assertTrue(lines[1].startsWith("cart,reminder,'-,2026-W49,4,2,0,2,"), lines[1]);
        assertEquals(List.of(), rows(api.invoke("GET", "/lift", "from=2026-W40&to=2026-W48&format=json", marketer,
                null)), "weeks without assignments");
        assertEquals(400, api.invoke("GET", "/lift", "from=2026-W01&to=2026-W49", marketer, null).getStatusCode(),
                "at most 13 weeks");
        assertEquals(400, api.invoke("GET", "/lift", "to=2026-12", marketer, null).getStatusCode());
        assertEquals(403, api.invoke("GET", "/lift", "", door.as("agent"), null).getStatusCode(),
                "marketers' and admins'");
    }

    @Test
    void theLiftReportPoolsTheWeeksPerJourneyOrStepBeforeTheStatistics() throws Exception {
        start(Instant.parse("2026-12-05T00:00:00Z"));
        Instant lastWeek = Instant.parse("2026-11-24T02:00:00Z");
        Instant thisWeek = Instant.parse("2026-12-01T02:00:00Z");
        LiftRecorder recorder = new LiftRecorder(new DynamoDbLiftBook(cloud.dynamoDb(), cloud.tableName("LiftTable")),
                new LiftAttribution(Duration.ofDays(7)), ZoneId.of("Asia/Shanghai"), Duration.ofDays(60));
        recorder.assigned("BROADCAST#spring#c-1", "c-1", "broadcast", "A", Settled.SENT, 0, lastWeek);
        recorder.assigned("BROADCAST#spring#c-2", "c-2", "broadcast", "B", Settled.SKIPPED, 0, lastWeek);
        recorder.assigned("BROADCAST#spring#c-3", "c-3", "broadcast", "A", Settled.HELD_OUT, 0, lastWeek);
        recorder.assigned("BROADCAST#autumn#c-4", "c-4", "broadcast", "A", Settled.SENT, 0, thisWeek);
        recorder.assigned("BROADCAST#autumn#c-5", "c-5", "broadcast", "A", Settled.HELD_OUT, 0, thisWeek);
        recorder.paid("o-1", "c-1", 10_000, lastWeek.plus(Duration.ofDays(1)));
        recorder.paid("o-4", "c-4", 3_000, thisWeek.plus(Duration.ofDays(1)));
        LocalStaffDoor door = LocalStaffDoor.open(cloud, functions, clock);
        Map<String, String> marketer = door.as("marketer");

        List<Map<String, String>> journey = rows(door.api().invoke("GET", "/lift", "by=journey&format=json",
                marketer, null));
        assertEquals(1, journey.size(), journey.toString());
        assertEquals(List.of("broadcast", "all", "all", "2026-W46/2026-W49", "5", "2", "1", "2", "2", "0", "13000"),
                List.of(journey.getFirst().get("journey"), journey.getFirst().get("step"),
                        journey.getFirst().get("variant"), journey.getFirst().get("period"),
                        journey.getFirst().get("eligible"), journey.getFirst().get("sent"),
                        journey.getFirst().get("skipped"), journey.getFirst().get("heldOut"),
                        journey.getFirst().get("treatedConverters"), journey.getFirst().get("heldOutConverters"),
                        journey.getFirst().get("treatedRevenue")));
        assertEquals("2.00", journey.getFirst().get("incrementalConversions"), "(2/3 - 0/2) x 3");

        List<Map<String, String>> steps = rows(door.api().invoke("GET", "/lift", "by=step&format=json", marketer,
                null));
        assertEquals(Map.of("spring", "3", "autumn", "2"), steps.stream().collect(java.util.stream.Collectors.toMap(
                row -> row.get("step"), row -> row.get("eligible"))), "a campaign's variants pooled: " + steps);
        assertEquals(400, door.api().invoke("GET", "/lift", "by=member", marketer, null).getStatusCode());
    }

    // ------------------------------------------------------------------ helpers

    private void start(Instant at) {
        clock = new SimulatedClock(at);
        functions = cloud.functions(clock);
    }

    private APIGatewayV2HTTPResponse get(String path, String query) {
        return functions.invokeSignedUrl("CareListsFunction", "GET", path, query, Map.of(), null);
    }

    /** A sample of events/care-lists/, sent signed as a staff member's tool sends it. */
    private APIGatewayV2HTTPResponse sample(String name) {
        return functions.invokeSignedUrl(LISTS, FunctionUrlRequest.sample("care-lists/" + name));
    }

    private List<Map<String, String>> birthdays(String query) throws Exception {
        return rows(get("/birthdays", query));
    }

    private List<Map<String, String>> dormant(String query) throws Exception {
        return rows(get("/dormant", query));
    }

    private static List<Map<String, String>> rows(APIGatewayV2HTTPResponse response) throws Exception {
        assertEquals(200, response.getStatusCode(), response.getBody());
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode row : JSON.readTree(response.getBody()).get("rows")) {
            Map<String, String> cells = new LinkedHashMap<>();
            row.fields().forEachRemaining(f -> cells.put(f.getKey(), f.getValue().asText()));
            rows.add(cells);
        }
        return rows;
    }

    private static Map<String, String> row(List<Map<String, String>> rows, String customerId) {
        return row(rows, customerId, "customerId");
    }

    private static Map<String, String> row(List<Map<String, String>> rows, String value, String column) {
        return rows.stream().filter(r -> value.equals(r.get(column))).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + column + " " + value + " in " + rows));
    }

    private void register(String id, String name, String zone, String birthday, boolean consent, String phone,
                          String preference) throws Exception {
        MemberRegisteredBuilder event = Events.memberRegistered(id).at("2025-03-01T00:00:00Z").name(name).timeZone(zone)
                .contactPreference(preference).consent(consent);
        if (birthday != null) {
            event.birthday(birthday);
        }
        if (phone != null) {
            event.phone(phone);
        }
        cloud.eventBus().publish(event.json(), "test", clock.instant());
    }

    /** An order placed (with a coupon code, if given) and paid, 199.00 CNY, published when it happens. */
    private void order(String customerId, String orderId, String couponCode, Instant at) {
        if (at.isAfter(clock.instant())) {
            clock.set(at);
        }
        OrderPlacedBuilder placed = Events.orderPlaced(customerId, orderId).id("placed-" + orderId).at(at);
        if (couponCode != null) {
            placed.couponCodes(couponCode);
        }
        cloud.eventBus().publish(placed.json(), "test", clock.instant());
        cloud.eventBus().publish(Events.orderPaid(customerId, orderId).id("paid-" + orderId).at(at).json(),
                "test", clock.instant());
        functions.drainAll();
    }

    /** Hour by hour, as the schedules run: the greeting run at the top of each hour, the timer sweep, every queue. */
    private void hourlyUntil(Instant end) {
        for (Instant hour = clock.instant().plus(Duration.ofHours(1)); !hour.isAfter(end);
             hour = hour.plus(Duration.ofHours(1))) {
            clock.set(hour);
            functions.invoke("GreetingsFunction", ScheduledEvents.asMap(hour));
            functions.advanceTo("TimerSweepFunction", hour);
        }
    }

    /** Day by day at 10:00 in Shanghai (outside quiet hours): the timer sweep and every queue. */
    private void dailyUntil(Instant end) {
        for (Instant day = clock.instant().plus(Duration.ofDays(1)); !day.isAfter(end);
             day = day.plus(Duration.ofDays(1))) {
            functions.advanceTo("TimerSweepFunction", day.plusSeconds(60));
        }
    }
}
