package dev.storecrm.carelists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.domain.golive.GoLivePolicy;
import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.care.FollowUpBook;
import dev.storecrm.domain.care.FollowUpCall;
import dev.storecrm.domain.coupon.Coupon;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.messaging.Timers.Timer;
import dev.storecrm.domain.money.Money;
import dev.storecrm.domain.occasion.GreetingCalendar;
import dev.storecrm.domain.occasion.Occasions;
import dev.storecrm.domain.referral.Referral;
import dev.storecrm.domain.referral.ReferralStatus;
import dev.storecrm.domain.rfm.RfmInputs;
import dev.storecrm.domain.rfm.RfmScores;
import dev.storecrm.domain.rfm.RfmState;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.domain.winback.WinBackTimer;
import dev.storecrm.fixtures.StorePolicies;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.events.MemberRegisteredBuilder;
import dev.storecrm.fixtures.memory.InMemoryCoupons;
import dev.storecrm.fixtures.memory.InMemoryCouponOutcomes;
import dev.storecrm.fixtures.memory.InMemoryMailOutcomes;
import dev.storecrm.fixtures.memory.InMemoryMembers;
import dev.storecrm.fixtures.memory.InMemoryOccasionDiary;
import dev.storecrm.fixtures.memory.InMemoryReferrals;
import dev.storecrm.fixtures.memory.InMemoryRfmBook;
import dev.storecrm.fixtures.memory.InMemorySendLedger;
import dev.storecrm.fixtures.memory.InMemoryTimers;
import dev.storecrm.fixtures.memory.InMemoryWinBackJournal;
import dev.storecrm.fixtures.memory.RecordingOutbox;
import dev.storecrm.fixtures.time.TimeTravel;
import dev.storecrm.fixtures.triggers.FunctionUrlEvent;
import dev.storecrm.greetings.GreetingService;
import dev.storecrm.platform.http.StaffDoors;
import dev.storecrm.winback.WinBackService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The staff's lists with in-memory ports, filled by the real greeting run and win-back sequence (the
 * sender's part played by marking their messages sent): what care staff read in them, and what a bad
 * request gets.
 */
class CareListsServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StorePolicies STORE = StorePolicies.defaults();

    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-01T00:00:00Z"));
    private final InMemoryMembers members = new InMemoryMembers(STORE.members(), clock);
    private final GreetingCalendar calendar = new GreetingCalendar(STORE.occasions());
    private final InMemoryOccasionDiary diary = new InMemoryOccasionDiary(calendar, 2);
    private final InMemorySendLedger ledger = new InMemorySendLedger();
    private final InMemoryCoupons coupons = new InMemoryCoupons();
    private final InMemoryWinBackJournal journal = new InMemoryWinBackJournal();
    private final InMemoryTimers timers = new InMemoryTimers();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final Map<String, FollowUpCall> calls = new java.util.HashMap<>();
    private final FollowUpBook followUpBook = new FollowUpBook() {
        @Override
        public void record(FollowUpCall call) {
            calls.put(call.listMonth() + "|" + call.customerId(), call);
        }

        @Override
        public java.util.Optional<FollowUpCall> find(String list, YearMonth month, String customerId) {
            return java.util.Optional.ofNullable(calls.get(list + "#" + month + "|" + customerId));
        }
    };
    private final FollowUpColumns followUps = new FollowUpColumns(followUpBook, StorePolicies.STORE_ZONE);
    private final InMemoryExportStore exportStore = new InMemoryExportStore();
    private final InMemoryReferrals referralBook = new InMemoryReferrals();
    private final List<String> queued = new java.util.ArrayList<>();
    private final BirthdayList birthdays = new BirthdayList(diary, calendar, members, STORE.members(), ledger,
            coupons, InMemoryCoupons.CODES, followUps, clock);
    private final DormantList dormant = new DormantList(journal, members, STORE.members(), ledger, coupons,
            members.orders(), StorePolicies.STORE_ZONE, followUps, clock);
    private final InMemoryRfmBook rfm = new InMemoryRfmBook();
    private final InMemoryMailOutcomes mailOutcomes = new InMemoryMailOutcomes();
    private final InMemoryCouponOutcomes couponOutcomes = new InMemoryCouponOutcomes(StorePolicies.STORE_ZONE);
    private final CareListsService lists = new CareListsService(birthdays, dormant,
            new WakeUpReport(journal, ledger, coupons, members.orders(), STORE.winBack().wakeUpWindow(),
                    StorePolicies.STORE_ZONE, clock),
            new FollowUps(followUpBook, clock), new CartReport((from, to) -> List.of()), new MailReport(mailOutcomes,
                    couponOutcomes),
            new ReferralList(referralBook),
            new SegmentList(rfm, clock),
            new ExportJobs(exportStore, queued::add, Duration.ofMinutes(15), Duration.ofMinutes(35), clock),
            null, StorePolicies.STORE_ZONE, clock);
    private final ListExportService exportWriter = new ListExportService(new ListExport(exportStore), exportStore,
            birthdays, dormant, clock);

    @Test
    void theBirthdayListShowsWhoWasGreetedAndWhoUsedTheGift() {
        member(Events.memberRegistered("c-1").name("Wang").phone("+8613800001001").contactPreference("sms")
                .birthday("1990-03-15"));
        member(Events.memberRegistered("c-2").birthday("1985-03-20"));
        member(Events.memberRegistered("c-3").birthday("1985-04-02"));
        greetingRunAt("2027-03-15T01:00:30Z");
        ledger.sent("BIRTHDAY#c-1#2027", clock.instant());
        Coupon gift = coupons.forKey("BIRTHDAY#c-1#2027").orElseThrow();
        coupons.redeem(gift.code(), "o-9", "c-1", Money.of(19_900, "CNY"), clock.instant().plus(Duration.ofDays(1)));

        List<Map<String, String>> rows = rows(call(FunctionUrlEvent.get("/birthdays").query("month", "2027-03")
                .query("format", "json")));

        assertEquals(List.of("c-1", "c-2"), rows.stream().map(r -> r.get("customerId")).toList(),
                "March only, by date");
        assertEquals(Map.of("name", "Wang", "phone", "+8613800001001", "contactPreference", "sms", "greeted", "yes",
                "giftCoupon", gift.code(), "couponUsed", "yes", "couponOrderId", "o-9"),
                pick(rows.get(0), "name", "phone", "contactPreference", "greeted", "giftCoupon", "couponUsed",
                        "couponOrderId"));
        assertEquals("not yet", rows.get(1).get("greeted"));
    }

    @Test
    void theMailsOutcomesArePerDayJourneyAndOutcomeAtMostAQuarterAtATime() {
        LocalDate day = LocalDate.parse("2027-03-01");
        mailOutcomes.count(day, "birthday", "SENT");
        mailOutcomes.count(day, "birthday", "SENT");
        mailOutcomes.count(day, "birthday", "NO_MARKETING_CONSENT");
        mailOutcomes.count(day.plusDays(1), "cart", "HELD_OUT");
        mailOutcomes.count(day.plusDays(40), "cart", "SENT");

        List<Map<String, String>> rows = rows(call(FunctionUrlEvent.get("/mail-outcomes").query("from", "2027-03-01")
                .query("to", "2027-03-31").query("format", "json")));

        assertEquals(List.of(Map.of("day", "2027-03-01", "journey", "birthday", "outcome", "NO_MARKETING_CONSENT",
                        "messages", "1"), Map.of("day", "2027-03-01", "journey", "birthday", "outcome", "SENT",
                        "messages", "2"), Map.of("day", "2027-03-02", "journey", "cart", "outcome", "HELD_OUT",
                        "messages", "1")), rows, "April's mail is outside the period");
        APIGatewayV2HTTPResponse tooLong = call(FunctionUrlEvent.get("/mail-outcomes").query("from", "2027-01-01")
                .query("to", "2027-04-03"));
        assertEquals(400, tooLong.getStatusCode());
        assertTrue(tooLong.getBody().contains("at most 92 days"), tooLong.getBody());
    }

    @Test
    void theCouponsIssuedAndRedeemedArePerStoreDayAndJourneyAtMostAQuarterAtATime() {
        couponOutcomes.issued("birthday", Instant.parse("2027-03-01T01:00:00Z"));
        couponOutcomes.issued("birthday", Instant.parse("2027-03-01T15:59:00Z"));
        couponOutcomes.issued("birthday", Instant.parse("2027-03-01T16:01:00Z"));
        couponOutcomes.redeemed("spring-teas", 1_500, Instant.parse("2027-03-02T03:00:00Z"));

        List<Map<String, String>> rows = rows(call(FunctionUrlEvent.get("/coupon-outcomes").query("from",
                "2027-03-01").query("to", "2027-03-31").query("format", "json")));

        assertEquals(List.of(Map.of("day", "2027-03-01", "journey", "birthday", "issued", "2", "redeemed", "0",
                        "discount", "0"), Map.of("day", "2027-03-02", "journey", "birthday", "issued", "1",
                        "redeemed", "0", "discount", "0"), Map.of("day", "2027-03-02", "journey", "spring-teas",
                        "issued", "0", "redeemed", "1", "discount", "1500")), rows,
                "16:01 UTC is the next day in Shanghai");
        APIGatewayV2HTTPResponse tooLong = call(FunctionUrlEvent.get("/coupon-outcomes").query("from", "2027-01-01")
                .query("to", "2027-04-03"));
        assertEquals(400, tooLong.getStatusCode());
        assertTrue(tooLong.getBody().contains("at most 92 days"), tooLong.getBody());
    }

    @Test
    void listsAreSpreadsheetFilesUnlessJsonIsAskedForAndTheMonthIsTheStoresCurrentOne() {
        clock.set(Instant.parse("2027-02-28T17:00:00Z"));
        APIGatewayV2HTTPResponse csv = call(FunctionUrlEvent.get("/birthdays"));
        assertEquals(200, csv.getStatusCode());
        assertEquals("attachment; filename=\"birthdays-2027-03.csv\"", csv.getHeaders().get("Content-Disposition"),
                "already 1 March in Shanghai");
        assertTrue(csv.getBody().startsWith("\uFEFFcustomerId,name,"), "with the byte order mark spreadsheets need");
    }

    @Test
    void theDormantListAndTheWakeUpRateShowWhoCameBackAfterTheirMessage() {
        Instant paid = Instant.parse("2027-01-10T02:00:00Z");
        for (String customerId : List.of("c-1", "c-2")) {
            member(Events.memberRegistered(customerId));
            paid(customerId, "o-1-" + customerId, paid);
        }
        winBack().to(paid.plus(Duration.ofDays(61)));
        journal.enteredIn(YearMonth.of(2027, 3))
                .forEach(e -> ledger.sent(e.messageKey().orElseThrow(), e.enteredAt()));
        paid("c-1", "o-2", paid.plus(Duration.ofDays(65)));
        clock.set(paid.plus(Duration.ofDays(90)).minusSeconds(60));

        List<Map<String, String>> dormant = rows(call(FunctionUrlEvent.get("/dormant").query("month", "2027-03")
                .query("format", "json")));
        assertEquals(List.of(Map.of("customerId", "c-1", "step", "1", "message", "sent", "cameBack", "yes",
                        "cameBackOrderId", "o-2"), Map.of("customerId", "c-2", "step", "1", "message", "sent",
                        "cameBack", "no", "cameBackOrderId", "")),
                dormant.stream().map(r -> pick(r, "customerId", "step", "message", "cameBack", "cameBackOrderId"))
                        .toList());

        List<Map<String, String>> wakeUp = rows(call(FunctionUrlEvent.get("/wake-up").query("from", "2027-03-01")
                .query("to", "2027-03-31").query("format", "json")));
        assertEquals(Map.of("step", "1", "sent", "2", "woken", "1", "wakeUpRate", "50.0%"),
                pick(wakeUp.getFirst(), "step", "sent", "woken", "wakeUpRate"));
    }

    @Test
    void theReferralListShowsEachReferralsConversionAndRewardAPageAtATime() {
        referralBook.save(referral("c-b", "c-a", ReferralStatus.REWARDED, Optional.empty(), "2027-03-02T01:00:00Z"),
                OptionalLong.empty());
        referralBook.save(referral("c-c", "c-c", ReferralStatus.REFUSED, Optional.of("self-referral"),
                "2027-03-05T01:00:00Z"), OptionalLong.empty());
        referralBook.save(referral("c-d", "c-a", ReferralStatus.PENDING, Optional.empty(), "2027-04-01T01:00:00Z"),
                OptionalLong.empty());

        APIGatewayV2HTTPResponse first = call(FunctionUrlEvent.get("/referrals").query("month", "2027-03")
                .query("limit", "1").query("format", "json"));
        assertEquals(List.of(Map.of("refereeId", "c-b", "referrerId", "c-a", "status", "rewarded", "firstOrderId",
                "o-c-b", "referrerPoints", "500", "rewarded", "true")), rows(first).stream()
                .map(r -> pick(r, "refereeId", "referrerId", "status", "firstOrderId", "referrerPoints", "rewarded"))
                .toList());
        String next = json(first.getBody()).path("next").asText();
        List<Map<String, String>> second = rows(call(FunctionUrlEvent.get("/referrals").query("month", "2027-03")
                .query("limit", "1").query("next", next).query("format", "json")));
        assertEquals(List.of(Map.of("refereeId", "c-c", "status", "refused", "reason", "self-referral")),
                second.stream().map(r -> pick(r, "refereeId", "status", "reason")).toList());

        List<Map<String, String>> byReferrer = rows(call(FunctionUrlEvent.get("/referrals").query("referrerId", "c-a")
                .query("format", "json")));
        assertEquals(List.of("c-b", "c-d"), byReferrer.stream().map(r -> r.get("refereeId")).toList(),
                "a referrer's referees, whatever the month");
        assertEquals(400, call(FunctionUrlEvent.get("/referrals").query("referrerId", "a\"b")).getStatusCode());
    }

    @Test
    void aSegmentIsAlwaysServedAPageAtATimeAndNeverMoreThanTheCap() {
        Instant ordered = clock.instant().minus(Duration.ofDays(40));
        for (int n = 0; n < 1205; n++) {
            String id = String.format("c-%04d", n);
            rfm.put(new RfmState(id, 1, new RfmInputs(ordered, 4, 80_000, 0, 3, 2), new RfmScores(5, 4, 3),
                    n % 2 == 0 ? "champions" : "loyal", List.of("bought-360d"), List.of(), Optional.empty(), ordered));
        }
        JsonNode first = json(call(FunctionUrlEvent.get("/segments/champions").query("format", "json")).getBody());
        assertEquals(SegmentList.DEFAULT_PAGE, first.path("rows").size(), "a page without a limit: the default");
        assertEquals(Map.of("customerId", "c-0000", "segment", "champions", "r", "5", "f", "4", "m", "3", "orders",
                "4", "spendMinor", "80000", "daysSinceLastOrder", "40", "audiences", "bought-360d"),
                rows(call(FunctionUrlEvent.get("/segments/champions").query("format", "json"))).getFirst());
        List<Map<String, String>> second = rows(call(FunctionUrlEvent.get("/segments/champions")
                .query("next", first.path("next").asText()).query("limit", "2").query("format", "json")));
        assertEquals(List.of("c-0200", "c-0202"), second.stream().map(r -> r.get("customerId")).toList());
        JsonNode capped = json(call(FunctionUrlEvent.get("/audiences/bought-360d").query("limit", "5000")
                .query("format", "json")).getBody());
        assertEquals(SegmentList.MAX_PAGE, capped.path("rows").size(), "never more than the cap");
        JsonNode last = json(call(FunctionUrlEvent.get("/audiences/bought-360d").query("limit", "5000")
                .query("next", capped.path("next").asText()).query("format", "json")).getBody());
        assertEquals(205, last.path("rows").size());
        assertTrue(last.path("next").isMissingNode(), "the last page has no cursor");
        assertEquals(400, call(FunctionUrlEvent.get("/segments/At Risk")).getStatusCode());
    }

    private static Referral referral(String referee, String referrer, ReferralStatus status, Optional<String> reason,
                                     String recordedAt) {
        Instant at = Instant.parse(recordedAt);
        return new Referral(referee, referrer, status, Optional.of("o-" + referee), Optional.of(at),
                Optional.of(at.plus(Duration.ofDays(30))), reason, 500, 0, status == ReferralStatus.REWARDED, at,
                Optional.empty());
    }

    @Test
    void theSampleRequestsOfEventsAreAnsweredWithTheirLists() {
        Map<String, String> files = Map.of("care-lists/birthdays-csv.json", "birthdays-2026-06.csv",
                "care-lists/dormant-json.json", "dormant-2026-03.json",
                "care-lists/wake-up-json.json", "wake-up-2026-03-01-to-2026-04-30.json");
        files.forEach((sample, file) -> {
            APIGatewayV2HTTPResponse answer = StaffDoors.serve(FunctionUrlEvent.sample(sample), CareListsService.GROUPS,
                    lists::handle);
            assertEquals(200, answer.getStatusCode(), sample + ": " + answer.getBody());
            assertTrue(answer.getHeaders().get("Content-Disposition").endsWith("filename=\"" + file + "\""), sample);
        });
    }

    @Test
    void aBadRequestIsAnsweredWithWhatWasWrong() {
        assertEquals(400, call(FunctionUrlEvent.get("/birthdays").query("month", "2027-13")).getStatusCode());
        assertEquals(400, call(FunctionUrlEvent.get("/birthdays").query("kind", "Wedding!")).getStatusCode());
        assertEquals(400, call(FunctionUrlEvent.get("/birthdays").query("format", "xlsx")).getStatusCode());
        APIGatewayV2HTTPResponse backwards = call(FunctionUrlEvent.get("/wake-up").query("from", "2027-03-31")
                .query("to", "2027-03-01"));
        assertEquals(400, backwards.getStatusCode());
        assertTrue(backwards.getBody().contains("is before"), backwards.getBody());
        assertEquals(400, call(FunctionUrlEvent.get("/wake-up").query("from", "2024-01-01").query("to", "2027-03-01"))
                .getStatusCode(), "at most two years");
        assertEquals(404, call(FunctionUrlEvent.get("/everyone")).getStatusCode());
        assertEquals(405, call(FunctionUrlEvent.post("/birthdays")).getStatusCode());
    }

    @Test
    void aWholeMonthIsExportedPageByPageToOneFileAndFollowedUntilItsLinkIsReady() {
        for (int i = 0; i < 1_001; i++) {
            member(Events.memberRegistered(String.format("c-%04d", i)).name("Member " + i)
                    .birthday(String.format("1990-05-%02d", 1 + i % 28)));
        }
        APIGatewayV2HTTPResponse asked = call(FunctionUrlEvent.post("/exports")
                .body("{\"list\":\"birthdays\",\"month\":\"2027-05\"}"));

        assertEquals(202, asked.getStatusCode(), asked.getBody());
        JsonNode job = json(asked.getBody());
        assertEquals("running", job.get("status").asText());
        assertEquals("birthdays-2027-05.csv", job.get("file").asText());
        String statusUrl = job.get("statusUrl").asText();
        assertEquals("/exports/" + job.get("id").asText(), statusUrl);
        assertEquals("running", json(call(FunctionUrlEvent.get(statusUrl)).getBody()).get("status").asText(),
                "nothing is written before ListExportFunction takes the message");
        assertEquals(1, queued.size());

        assertEquals("EXPORTED", exportWriter.handle(queued.getFirst()));
        clock.advance(Duration.ofMinutes(1));
        APIGatewayV2HTTPResponse followed = call(FunctionUrlEvent.get(statusUrl));
        assertEquals(200, followed.getStatusCode(), followed.getBody());
        JsonNode done = json(followed.getBody());
        assertEquals("done", done.get("status").asText());
        assertEquals(1_001, done.get("rows").asInt());
        assertEquals(clock.instant().plus(Duration.ofMinutes(15)).toString(), done.get("expiresAt").asText(),
                "a fresh link each time the export is followed");
        String file = exportStore.file(done.get("url").asText());
        assertEquals(done.get("bytes").asInt(), file.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        String firstPage = call(FunctionUrlEvent.get("/birthdays").query("month", "2027-05").query("limit", "1000"))
                .getBody();
        assertTrue(file.startsWith(firstPage), "the file begins with the list's first page, header and all");
        assertEquals(1_002, file.split("\r\n").length, "a header and every member");
        assertEquals(3, exportStore.writes.size(), "the header, then pages of 1,000 and 1 row as they are made");
        assertEquals("EXPORTED", exportWriter.handle(queued.getFirst()), "a message delivered twice");
        assertEquals(file, exportStore.file(json(call(FunctionUrlEvent.get(statusUrl)).getBody()).get("url")
                .asText()), "writes the same file again");

        assertEquals(400, call(FunctionUrlEvent.post("/exports").body("{\"list\":\"everyone\"}")).getStatusCode());
        assertEquals(400, call(FunctionUrlEvent.post("/exports").body("{\"list\":\"birthdays\",\"limit\":\"5\"}"))
                .getStatusCode(), "an unknown field");
        assertEquals(1, queued.size(), "a refused request queues nothing");
        assertEquals(404, call(FunctionUrlEvent.get("/exports/5b0e8d6e-0000-4000-8000-000000000000")).getStatusCode());
        assertEquals(404, call(FunctionUrlEvent.get("/exports/../birthdays")).getStatusCode(), "not an export id");
        assertEquals(405, call(FunctionUrlEvent.post(statusUrl)).getStatusCode());
        assertEquals(List.of(), exportStore.aborted);
    }

    @Test
    void anExportNotDoneWhenItsRetriesAreSpentIsAnsweredAsFailed() {
        String statusUrl = json(call(FunctionUrlEvent.post("/exports").body("{\"list\":\"dormant\"}")).getBody())
                .get("statusUrl").asText();
        clock.advance(Duration.ofMinutes(35));
        assertEquals("running", json(call(FunctionUrlEvent.get(statusUrl)).getBody()).get("status").asText());

        clock.advance(Duration.ofSeconds(1));
        JsonNode failed = json(call(FunctionUrlEvent.get(statusUrl)).getBody());
        assertEquals("failed", failed.get("status").asText());
        assertTrue(failed.get("error").asText().contains("did not finish within 35 minutes"), failed.toString());
    }

    /** A member registered now, with the occasions the member archive files for them. */
    private void member(MemberRegisteredBuilder registration) {
        Revisioned<MemberRecord> saved = members.apply(registration.at(clock.instant()));
        String customerId = saved.value().customerId();
        diary.refile(customerId, List.of(), Occasions.of(saved.value(), members.summary(customerId),
                STORE.occasions(), StorePolicies.STORE_ZONE), saved.revision(), clock.instant());
    }

    /** A paid order, and the win-back timer the member archive arms for the silence after it. */
    private void paid(String customerId, String orderId, Instant at) {
        clock.set(at);
        members.apply(Events.orderPaid(customerId, orderId).at(at));
        timers.schedule(new Timer(WinBackTimer.timerId(customerId),
                WinBackTimer.TARGET, new WinBackTimer(customerId, at, 1).toJson(),
                at.plus(STORE.winBack().first().orElseThrow().after())));
    }

    private void greetingRunAt(String hour) {
        clock.set(Instant.parse(hour));
        diary.completedRun(clock.instant().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS));
        new GreetingService(diary, members, STORE.members(), STORE.occasions(), StorePolicies.STORE_ZONE, coupons,
                outbox, GoLivePolicy.none(), Holdout.NONE, clock).run();
    }

    private TimeTravel winBack() {
        WinBackService service = new WinBackService(members, STORE.members(), STORE.winBack(), journal, coupons,
                outbox, timers, StorePolicies.STORE_ZONE, GoLivePolicy.none(), Holdout.NONE, clock);
        return new TimeTravel(clock, timers)
                .on(WinBackTimer.TARGET, body -> service.fired(WinBackTimer.read(json(body))));
    }

    private APIGatewayV2HTTPResponse call(FunctionUrlEvent request) {
        return StaffDoors.serve(request.agent().event(), CareListsService.GROUPS, lists::handle);
    }

    private static List<Map<String, String>> rows(APIGatewayV2HTTPResponse response) {
        assertEquals(200, response.getStatusCode(), response.getBody());
        return StreamSupport.stream(json(response.getBody()).get("rows").spliterator(), false)
                .map(row -> JSON.convertValue(row, Map.class)).map(CareListsServiceTest::strings).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> strings(Map<?, ?> row) {
        return (Map<String, String>) row;
    }

    private static Map<String, String> pick(Map<String, String> row, String... columns) {
        return Arrays.stream(columns).collect(Collectors.toMap(c -> c, row::get));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
