package dev.storecrm.carelists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.domain.care.FollowUpCall;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.occasion.GreetingCalendar;
import dev.storecrm.domain.occasion.OccasionPolicy;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.load.BulkMembers;
import dev.storecrm.localcloud.CapacityRecorder;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalCloudExtension;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.LocalStaffApi;
import dev.storecrm.localcloud.LocalStaffDoor;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.OccasionSettings;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.dynamodb.DynamoDbFollowUpBook;
import dev.storecrm.platform.dynamodb.DynamoDbOccasionDiary;
import dev.storecrm.platform.dynamodb.DynamoDbWinBackJournal;
import dev.storecrm.domain.winback.WinBackJournal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A birthday month too big for any response, exported whole through the staff API (the real
 * handler against the local cloud and its S3): the link downloads every row, the link stops working
 * when it expires, and only the groups of the lists may ask. The month's members are loaded with the
 * member archive's own mappers ({@link BulkMembers}: the event pipeline takes ~36 ms a member here);
 * the small cases register through it. {@code -Dstorecrm.export.members} sets the month's size (20,000).
 */
@ExtendWith(LocalCloudExtension.class)
class CareListsExportIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LISTS = "CareListsFunction";
    private static final String WRITER = "ListExportFunction";
    private static final int MEMBERS = Integer.getInteger("storecrm.export.members", 20_000);
    private static final int RESPONSE_LIMIT = 6 * 1024 * 1024;

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalCloud cloud;
    private SimulatedClock clock;
    private LocalFunctions functions;
    private LocalStaffDoor staff;
    private LocalStaffApi api;

    @BeforeEach
    void reset(LocalCloud cloud) {
        cloud.reset();
        this.cloud = cloud;
        // The SDK signs links with this machine's clock; the local S3 checks them against this one, from now on.
        clock = new SimulatedClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        cloud.checkLinksAgainst(clock);
        functions = cloud.functions(clock);
        staff = LocalStaffDoor.open(cloud, functions, clock, Duration.ofHours(1));
        api = staff.api();
    }

    @Test
    void aBirthdayMonthTooBigForAResponseIsExportedWholeAndItsLinkExpires() throws Exception {
        YearMonth month = YearMonth.from(clock.instant().atZone(ZoneId.of("Asia/Shanghai"))).plusMonths(1);
        long seeding = System.nanoTime();
        Settings settings = new Settings(functions.spec(LISTS).environment());
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        List<MemberRecord> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(BulkMembers.member(String.format("c-%06d", i), "Member 会员 " + i,
                    "+86138" + (10_000_000 + i),
                    MonthDay.of(month.getMonth(), 1 + i % 28), shanghai, Instant.parse("2025-03-01T00:00:00Z")));
        }
        OccasionPolicy occasions = OccasionSettings.from(settings);
        BulkMembers.load(cloud.dynamoDb(), cloud.tableName("MembersTable"), new DynamoDbOccasionDiary(cloud.dynamoDb(),
                        cloud.tableName("OccasionsTable"), new GreetingCalendar(occasions),
                        (int) settings.longValue("GREETING_SHARDS", 4)), members, MemberPolicySettings.from(settings),
                occasions, OccasionSettings.storeZone(settings), clock.instant());
        // Every call of the month noted, as a worked 回访表 is: the rows as wide as the staff make them.
        DynamoDbFollowUpBook calls = new DynamoDbFollowUpBook(cloud.dynamoDb(), cloud.tableName("FollowUpsTable"));
        String note = "客户很满意生日礼券，说下周会来店里用；希望以后短信提醒，不要电话。".repeat(4);
        for (MemberRecord member : members) {
            calls.record(new FollowUpCall("birthdays", month, member.customerId(), FollowUpCall.Outcome.reached,
                    Optional.of(note), "console:marketer", clock.instant()));
        }
        System.out.printf("loaded %d members and their calls in %d ms%n", MEMBERS,
                (System.nanoTime() - seeding) / 1_000_000);
        Map<String, String> marketer = staff.as("marketer");
        CapacityRecorder.reset();

        long started = System.nanoTime();
        APIGatewayV2HTTPResponse asked = api.invoke("POST", "/exports", "", marketer,
                "{\"list\":\"birthdays\",\"month\":\"" + month + "\"}");
        long askedMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(202, asked.getStatusCode(), asked.getBody());
        String statusUrl = JSON.readTree(asked.getBody()).get("statusUrl").asText();
        assertEquals("running", status(marketer, statusUrl).get("status").asText());
        assertEquals(0, CapacityRecorder.usage().stream().filter(u -> u.function().equals(LISTS))
                .mapToDouble(u -> u.readUnits()).sum(), "asking reads no list: the staff API answers at once");
        functions.drainAll(); // ListExportFunction takes the queued export
        long millis = (System.nanoTime() - started) / 1_000_000;

        JsonNode answer = status(marketer, statusUrl);
        assertEquals("done", answer.get("status").asText(), answer.toString());
        assertEquals(MEMBERS, answer.get("rows").asInt());
        assertEquals("birthdays-" + month + ".csv", answer.get("file").asText());
        assertTrue(answer.toString().length() < 2_000, "the answer is a link, whatever the list's size");
        System.out.printf("asked in %d ms%n", askedMillis);
        Map<String, Double> byTable = new TreeMap<>();
        CapacityRecorder.usage().stream().filter(u -> u.function().equals(WRITER))
                .forEach(u -> byTable.merge(u.table(), u.readUnits(), Double::sum));
        double readUnits = byTable.values().stream().mapToDouble(Double::doubleValue).sum();
        long bytes = answer.get("bytes").asLong();
        System.out.printf("exported %d rows, %d bytes (%d bytes a row) in %d ms; %.1f read units, %.1f per 1,000 rows"
                + " %s%n", MEMBERS, bytes, bytes / MEMBERS, millis, readUnits, readUnits * 1_000 / MEMBERS, byTable);
        // Per row: the member, the greeting's ledger entry and the follow-up call (0.5 each, eventually
        // consistent), the gift coupon (1, strongly consistent); plus the month's diary, ~0.01 a row.
        assertTrue(readUnits * 1_000 / MEMBERS <= 2_550, "read units follow the rows, nothing unrelated: "
                + readUnits + " " + byTable);
        assertTrue(readUnits * 1_000 / MEMBERS >= 2_500, "every row's reads are ListExportFunction's, also those "
                + "its page threads make: " + byTable);
        URI link = URI.create(answer.get("url").asText());
        Instant signed = Instant.now(); // the SDK signed the link with this machine's clock, a moment ago
        clock.set(signed);
        HttpResponse<byte[]> file = fetch(link);
        assertEquals(200, file.statusCode());
        assertEquals("attachment; filename=\"birthdays-" + month + ".csv\"",
                file.headers().firstValue("Content-Disposition").orElse(""));
        String csv = new String(file.body(), StandardCharsets.UTF_8);
        assertEquals(answer.get("bytes").asLong(), file.body().length);
        if (MEMBERS >= 20_000) {
            assertTrue(file.body().length > RESPONSE_LIMIT, "more than a function URL could answer, in parts of "
                    + "5 MiB: " + file.body().length);
        }
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        assertEquals(MEMBERS + 1, lines.size(), "a header and every member");
        String firstPage = api.invoke("GET", "/birthdays", "month=" + month + "&limit=1", marketer, null).getBody();
        assertEquals(firstPage.split("\r\n")[0], lines.getFirst(), "the same header as the list's pages");
        assertEquals(firstPage.split("\r\n")[1], lines.get(1), "and the same first row");
        Set<String> ids = new HashSet<>();
        lines.subList(1, lines.size()).forEach(line -> ids.add(line.substring(0, line.indexOf(','))));
        assertEquals(MEMBERS, ids.size(), "every member once");

        HttpResponse<byte[]> tampered = fetch(URI.create(link.toString().replaceAll("X-Amz-Expires=\\d+",
                "X-Amz-Expires=86400")));
        assertEquals(403, tampered.statusCode(), "a link made to last longer no longer matches its signature");
        assertTrue(new String(tampered.body(), StandardCharsets.UTF_8).contains("SignatureDoesNotMatch"));
        clock.set(signed.plus(Duration.ofMinutes(14)));
        assertEquals(200, fetch(link).statusCode(), "still valid after 14 minutes");
        clock.set(signed.plus(Duration.ofMinutes(15)).plusSeconds(5));
        HttpResponse<byte[]> late = fetch(link);
        assertEquals(403, late.statusCode(), "the link lasts 15 minutes");
        assertTrue(new String(late.body(), StandardCharsets.UTF_8).contains("Request has expired"));
    }

    @Test
    void onlyTheListsGroupsMayExportAndBadRequestsAreExplained() throws Exception {
        cloud.eventBus().publish(Events.memberRegistered("c-1").at("2025-03-01T00:00:00Z").name("Ann Lee")
                .timeZone("Asia/Shanghai").birthday("--06-10").json(), "test", clock.instant());
        functions.drainAll();
        String body = "{\"list\":\"birthdays\",\"month\":\"2027-06\"}";
        APIGatewayV2HTTPResponse agent = api.invoke("POST", "/exports", "", staff.as("agent"), body);
        assertEquals(403, agent.getStatusCode(), "care agents do not get the lists");

        Map<String, String> admin = staff.as("admin");
        JsonNode small = exported(admin, body);
        assertEquals(1, small.get("rows").asInt());
        String csv = new String(fetch(URI.create(small.get("url").asText())).body(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFcustomerId,name,") && csv.contains("c-1,Ann Lee,"), csv);
        JsonNode empty = exported(admin, "{\"list\":\"dormant\",\"month\":\"2027-05\"}");
        assertEquals(0, empty.get("rows").asInt());
        assertEquals(1, new String(fetch(URI.create(empty.get("url").asText())).body(), StandardCharsets.UTF_8)
                .split("\r\n").length, "an empty month is a header alone");
        Instant dormantSince = Instant.parse("2027-06-03T01:00:00Z");
        new DynamoDbWinBackJournal(cloud.dynamoDb(), cloud.tableName("WinBackTable")).record(new WinBackJournal.Entry(
                "c-1", dormantSince, 0, dormantSince, Optional.empty(), Optional.empty(), Optional.empty()));
        JsonNode dormant = exported(admin, "{\"list\":\"dormant\",\"month\":\"2027-06\"}");
        assertEquals(1, dormant.get("rows").asInt());
        String dormantCsv = new String(fetch(URI.create(dormant.get("url").asText())).body(), StandardCharsets.UTF_8);
        assertTrue(dormantCsv.contains("c-1,Ann Lee,") && dormantCsv.contains(",dormant,"), dormantCsv);

        String queue = cloud.queueUrl("ListExportQueue");
        cloud.sqs().sendMessage(m -> m.queueUrl(queue).messageBody("{\"id\":\"../../etc\",\"list\":\"birthdays\"}"));
        functions.drainAll();
        List<String> rejected = cloud.dynamoDb().scan(r -> r.tableName(cloud.tableName("RejectsTable"))).items()
                .stream().map(item -> item.get("reason").s()).toList();
        assertEquals(List.of("SCHEMA_VIOLATION"), rejected, "a message that is no export is kept, not retried");
        assertEquals(403, api.invoke("GET", small.get("statusUrl").asText(), "", staff.as("agent"),
                null).getStatusCode(), "nor do they follow an export");

        assertEquals(400, api.invoke("POST", "/exports", "", admin, "{\"list\":\"vip\"}").getStatusCode());
        assertEquals(400, api.invoke("POST", "/exports", "", admin, "{\"list\":\"birthdays\",\"month\":\"June\"}")
                .getStatusCode());
        assertEquals(400, api.invoke("POST", "/exports", "", admin, "[]").getStatusCode());
        APIGatewayV2HTTPResponse gone = api.invoke("GET", "/exports/5b0e8d6e-0000-4000-8000-000000000000", "",
                admin, null);
        assertEquals(404, gone.getStatusCode(), "an export kept no longer (or never asked for) is not found, "
                + "not an error: " + gone.getBody());
        assertEquals(405, functions.invokeSignedUrl(LISTS, "GET", "/exports", "", Map.of(), null).getStatusCode());
        APIGatewayV2HTTPResponse signed = functions.invokeSignedUrl(LISTS, "POST", "/exports", "", Map.of(), body);
        assertEquals(202, signed.getStatusCode(), "the IAM-signed function URL serves the same export");
        functions.drainAll();
        String statusUrl = JSON.readTree(signed.getBody()).get("statusUrl").asText();
        JsonNode followed = JSON.readTree(functions.invokeSignedUrl(LISTS, "GET", statusUrl, "", Map.of(), null)
                .getBody());
        assertEquals("done", followed.get("status").asText(), followed.toString());
        assertEquals(1, followed.get("rows").asInt());
    }

    /** An export asked for, written by ListExportFunction, and followed until done. */
    private JsonNode exported(Map<String, String> caller, String body) throws Exception {
        APIGatewayV2HTTPResponse asked = api.invoke("POST", "/exports", "", caller, body);
        assertEquals(202, asked.getStatusCode(), asked.getBody());
        functions.drainAll();
        JsonNode done = status(caller, JSON.readTree(asked.getBody()).get("statusUrl").asText());
        assertEquals("done", done.get("status").asText(), done.toString());
        return done;
    }

    private JsonNode status(Map<String, String> caller, String statusUrl) throws Exception {
        APIGatewayV2HTTPResponse answer = api.invoke("GET", statusUrl, "", caller, null);
        assertEquals(200, answer.getStatusCode(), answer.getBody());
        return JSON.readTree(answer.getBody());
    }

    private HttpResponse<byte[]> fetch(URI link) throws Exception {
        return http.send(HttpRequest.newBuilder(link).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
