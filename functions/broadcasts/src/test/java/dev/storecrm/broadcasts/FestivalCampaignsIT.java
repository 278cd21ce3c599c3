package dev.storecrm.broadcasts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.triggers.ScheduledEvents;
import dev.storecrm.localcloud.FreshLocalCloud;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.SentMail;
import dev.storecrm.platform.sqs.SqsMessageOutbox;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A Spring Festival campaign by time travel across 春节 2027, which falls on 6 February (the official date; ICU4J
 * alone says the 7th): the daily run starts the year's broadcast once, two days ahead, so that the window opens on
 * time even at UTC+14; each member gets the mail at 10:00 on 6 February in their own zone; later runs start nothing.
 * A member-day campaign goes on each member day (the 18th) once, in each member's zone; and a campaign's own
 * {@code capPriority} wins a member's cap slot in the real sender from a lower-priority journey's message.
 */
@ExtendWith(FreshLocalCloud.class)
class FestivalCampaignsIT {

    private static final Instant START = Instant.parse("2027-01-25T00:00:00Z");
    private static final String CAMPAIGNS = """
            [{"festival": "spring-festival", "id": "cny", "daysBefore": 0, "send": {"from": "10:00", "to": "20:00"},
              "name": "春节", "audience": {"audience": "bought-360d"}, "holdoutPercent": "0",
              "variants": [{"name": "A", "share": 100, "content": {"en": {"headline": "Happy Spring Festival",
                                                                          "message": "A red envelope for you."}}}],
              "coupon": {"value": "CNY:888", "validDays": 7}},
             {"festival": "member-day", "id": "md", "send": {"from": "10:00", "to": "20:00"}, "name": "会员日",
              "audience": {"audience": "bought-360d"}, "holdoutPercent": "0",
              "variants": [{"name": "A", "share": 100, "content": {"en": {"headline": "It is member day",
                                                                          "message": "More points today."}}}]},
             {"festival": "valentines-day", "id": "val-first", "capPriority": "win-back", "name": "Valentine",
              "send": {"from": "10:00", "to": "12:00"}, "audience": {"members": ["c-cap-first"]},
              "holdoutPercent": "0", "variants": [{"name": "A", "share": 100, "content": {"en": {
                  "headline": "Valentine first", "message": "For two."}}}]},
             {"festival": "valentines-day", "id": "val-plain", "name": "Valentine",
              "send": {"from": "10:00", "to": "12:00"}, "audience": {"members": ["c-cap-plain"]},
              "holdoutPercent": "0", "variants": [{"name": "A", "share": 100, "content": {"en": {
                  "headline": "Valentine plain", "message": "For two."}}}]}]""";
    /** The store's member days: the 18th of every month. */
    private static final String MEMBER_DAYS = "day=date:*-18";
    /** Members and their zones: the earliest zone on Earth, the store's, and one a day behind it. */
    private static final Map<String, String> MEMBERS = new LinkedHashMap<>(Map.of(
            "c-f-kiritimati", "Pacific/Kiritimati", "c-f-shanghai-1", "Asia/Shanghai",
            "c-f-shanghai-2", "Asia/Shanghai", "c-f-los-angeles", "America/Los_Angeles"));

    private LocalCloud cloud;
    private SimulatedClock clock;
    private LocalFunctions functions;

    @BeforeEach
    void reset(LocalCloud cloud) {
        this.cloud = cloud;
        this.clock = new SimulatedClock(START);
        this.functions = cloud.functions(clock, Map.of("FESTIVAL_CAMPAIGNS", CAMPAIGNS, "MEMBER_DAYS", MEMBER_DAYS));
        MEMBERS.forEach((customerId, zone) -> {
            cloud.eventBus().publish(Events.memberRegistered(customerId).timeZone(zone)
                    .at(START.minus(Duration.ofDays(20))).json(), "test", clock.instant());
            cloud.eventBus().publish(Events.orderPaid(customerId, "o-" + customerId)
                    .at(START.minus(Duration.ofDays(2))).json(), "test", clock.instant());
            functions.drainAll();
        });
    }

    @Test
    void theSpringFestivalBroadcastStartsOnceTwoDaysAheadAndReachesEachMemberAtTenOnTheDayInTheirZone() {
        Map<LocalDate, List<?>> startedOn = new TreeMap<>();
        for (LocalDate day = LocalDate.of(2027, 1, 26); day.isBefore(LocalDate.of(2027, 2, 5)); day = day.plusDays(1)) {
            startedOn.put(day, dailyRun(day));
        }
        assertEquals(List.of("cny-2027"), startedOn.get(LocalDate.of(2027, 2, 4)), "started on 4 February");
        startedOn.remove(LocalDate.of(2027, 2, 4));
        assertTrue(startedOn.values().stream().allMatch(List::isEmpty), "and on no other day: " + startedOn);
        assertEquals(List.of(), dailyRunAt(Instant.parse("2027-02-04T06:00:00Z")), "a second run the same day");

        Map<String, Instant> mailed = new TreeMap<>();
        for (Instant at = Instant.parse("2027-02-05T00:01:00Z"); at.isBefore(Instant.parse("2027-02-07T12:00:00Z"));
             at = at.plus(Duration.ofMinutes(30))) {
            functions.advanceTo("TimerSweepFunction", at);
            if (at.atOffset(ZoneOffset.UTC).getHour() == 0 && at.atOffset(ZoneOffset.UTC).getMinute() == 1) {
                assertEquals(List.of(), dailyRunAt(at), "the runs after it start nothing: " + at);
            }
            for (SentMail mail : cloud.sentMail()) {
                mailed.putIfAbsent(mail.to().getFirst(), at);
            }
        }
        Map<String, Instant> expected = new TreeMap<>(Map.of(
                "c-f-kiritimati@example.com", Instant.parse("2027-02-05T20:01:00Z"),
                "c-f-shanghai-1@example.com", Instant.parse("2027-02-06T02:01:00Z"),
                "c-f-shanghai-2@example.com", Instant.parse("2027-02-06T02:01:00Z"),
                "c-f-los-angeles@example.com", Instant.parse("2027-02-06T18:01:00Z")));
        assertEquals(expected, mailed, "each at 10:00 on 6 February in their own zone (the first sweep after it)");
        assertEquals(MEMBERS.size(), cloud.sentMail().size(), "once each");
        assertTrue(cloud.sentMail().stream().allMatch(m -> m.subject().contains("Happy Spring Festival")
                && m.text().contains("CNY")), "the campaign's content and coupon");
        assertEquals(MEMBERS.size(), ledgerSent("cny-2027#"), "the ledger: one SENT per member under its key");
    }

    @Test
    void aRunThatComesLateWhileTheWindowIsOpenSomewhereStillStartsItAndEveryOpenWindowIsServed() {
        // Every run before was lost: at 03:00 UTC on 6 February the window is open in Shanghai and at UTC+14.
        assertEquals(List.of("cny-2027"), dailyRunAt(Instant.parse("2027-02-06T03:00:00Z")));
        functions.advanceTo("TimerSweepFunction", Instant.parse("2027-02-06T03:01:00Z"));
        assertEquals(List.of("c-f-kiritimati@example.com", "c-f-shanghai-1@example.com",
                "c-f-shanghai-2@example.com"), recipients(), "the open windows at once");
        functions.advanceTo("TimerSweepFunction", Instant.parse("2027-02-06T18:01:00Z"));
        assertEquals(MEMBERS.size(), recipients().size(), "Los Angeles at its own 10:00");
        assertEquals(List.of(), dailyRunAt(Instant.parse("2027-02-07T00:00:00Z")), "started once");
    }

    @Test
    void aMemberDayCampaignSendsOnTwoConsecutiveMemberDaysOnceEachAtTenInEachMembersZone() {
        Map<LocalDate, List<?>> startedOn = new TreeMap<>();
        Map<String, List<Instant>> mailed = new TreeMap<>();
        for (LocalDate day = LocalDate.of(2027, 3, 14); day.isBefore(LocalDate.of(2027, 4, 21));
             day = day.plusDays(1)) {
            startedOn.put(day, dailyRun(day));
            collectNewMail(mailed, day.atStartOfDay(ZoneOffset.UTC).toInstant());
            if (day.getDayOfMonth() == 17 || day.getDayOfMonth() == 18) {
                for (int hour = 0; hour < 24; hour++) {
                    Instant at = day.atTime(hour, 1).toInstant(ZoneOffset.UTC);
                    functions.advanceTo("TimerSweepFunction", at);
                    collectNewMail(mailed, at);
                }
            }
        }
        assertEquals(List.of("md-2027-03-18"), startedOn.remove(LocalDate.of(2027, 3, 16)), "two days ahead");
        assertEquals(List.of("md-2027-04-18"), startedOn.remove(LocalDate.of(2027, 4, 16)), "the next member day");
        assertTrue(startedOn.values().stream().allMatch(List::isEmpty), "and on no other day: " + startedOn);
        Map<String, List<Instant>> expected = new TreeMap<>(Map.of(
                "c-f-kiritimati@example.com", List.of(Instant.parse("2027-03-17T20:01:00Z"),
                        Instant.parse("2027-04-17T20:01:00Z")),
                "c-f-shanghai-1@example.com", List.of(Instant.parse("2027-03-18T02:01:00Z"),
                        Instant.parse("2027-04-18T02:01:00Z")),
                "c-f-shanghai-2@example.com", List.of(Instant.parse("2027-03-18T02:01:00Z"),
                        Instant.parse("2027-04-18T02:01:00Z")),
                "c-f-los-angeles@example.com", List.of(Instant.parse("2027-03-18T17:01:00Z"),
                        Instant.parse("2027-04-18T17:01:00Z"))));
        assertEquals(expected, mailed, "at 10:00 on the 18th of March and of April in their own zone, once each");
        assertTrue(cloud.sentMail().stream().allMatch(m -> m.subject().contains("It is member day")));
        assertEquals(2 * MEMBERS.size(), ledgerSent("md-2027-"), "the ledger: one SENT per member and member day");
    }

    @Test
    void aCampaignsCapPriorityTakesTheSlotFromALowerPriorityJourneyInTheSenderWhereTheBroadcastKindWouldExpire() {
        for (String customerId : List.of("c-cap-first", "c-cap-plain")) {
            cloud.eventBus().publish(Events.memberRegistered(customerId).timeZone("Asia/Shanghai")
                    .at(START.minus(Duration.ofDays(20))).json(), "test", clock.instant());
        }
        functions.drainAll();
        assertEquals(List.of("val-first-2027", "val-plain-2027"), dailyRun(LocalDate.of(2027, 2, 12)).stream()
                .sorted().toList());
        // 09:30 on 14 February in Shanghai: a follow-up of the order-feedback journey (ranked before broadcasts, after
        // win-back) takes each member's 16-hour slot before the Valentine's window opens at 10:00.
        Instant halfPastNine = Instant.parse("2027-02-14T01:30:00Z");
        functions.advanceTo("TimerSweepFunction", halfPastNine);
        SqsMessageOutbox outbox = new SqsMessageOutbox(cloud.sqs(), cloud.queueUrl("OutboxQueue"),
                cloud.queueUrl("OutboxPriorityQueue"));
        for (String customerId : List.of("c-cap-first", "c-cap-plain")) {
            outbox.enqueue(MessageRequest.marketing("FEEDBACK#o-" + customerId, "order-feedback", customerId,
                    "store-news", Map.of("headline", "How was your order?", "message", "Tell us",
                            "link", "https://shop.example.com/feedback"), halfPastNine));
        }
        for (Instant at = halfPastNine.plus(Duration.ofMinutes(31)); at.isBefore(Instant.parse("2027-02-14T06:00:00Z"));
             at = at.plus(Duration.ofMinutes(30))) {
            functions.advanceTo("TimerSweepFunction", at);
        }
        assertEquals(List.of("[AD] How was your order?", "[AD] Valentine first"), subjects("c-cap-first@example.com"),
                "capPriority win-back outranks the follow-up's slot: the broadcast takes it at 10:00");
        assertEquals(List.of("[AD] How was your order?"), subjects("c-cap-plain@example.com"),
                "as the broadcast kind (last) it cannot");
        assertEquals("SENT", ledger("BROADCAST#val-first-2027#c-cap-first").get("status").s());
        Map<String, AttributeValue> plain = ledger("BROADCAST#val-plain-2027#c-cap-plain");
        assertEquals("EXPIRED_UNDER_CAP", plain.get("reason").s(), "the plain one expired under the cap: " + plain);
    }

    /** Records, under {@code at}, the recipients of the mail sent since the last call. */
    private void collectNewMail(Map<String, List<Instant>> mailed, Instant at) {
        List<SentMail> sent = cloud.sentMail();
        int seen = mailed.values().stream().mapToInt(List::size).sum();
        for (SentMail mail : sent.subList(seen, sent.size())) {
            mailed.computeIfAbsent(mail.to().getFirst(), to -> new ArrayList<>()).add(at);
        }
    }

    private List<String> subjects(String address) {
        return cloud.sentMailTo(address).stream().map(SentMail::subject).toList();
    }

    private Map<String, AttributeValue> ledger(String businessKey) {
        return cloud.dynamoDb().getItem(g -> g.tableName(cloud.tableName("SendLedgerTable")).consistentRead(true)
                .key(Map.of("businessKey", AttributeValue.fromS(businessKey)))).item();
    }

    private List<String> recipients() {
        return cloud.sentMail().stream().map(m -> m.to().getFirst()).sorted().toList();
    }

    private List<?> dailyRun(LocalDate day) {
        Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        functions.advanceTo("TimerSweepFunction", midnight);
        return dailyRunAt(midnight);
    }

    private List<?> dailyRunAt(Instant at) {
        clock.set(at);
        Map<?, ?> report = (Map<?, ?>) functions.invoke("FestivalCampaignsFunction", ScheduledEvents.asMap(at));
        functions.drainAll();
        return new ArrayList<>((List<?>) report.get("started"));
    }

    private long ledgerSent(String campaignIdPrefix) {
        List<Map<String, AttributeValue>> items = cloud.dynamoDb().scan(s -> s.tableName(cloud.tableName(
                "SendLedgerTable")).consistentRead(true)).items();
        return items.stream().filter(i -> i.get("businessKey").s().startsWith("BROADCAST#" + campaignIdPrefix)
                && "SENT".equals(i.get("status").s())).count();
    }
}
