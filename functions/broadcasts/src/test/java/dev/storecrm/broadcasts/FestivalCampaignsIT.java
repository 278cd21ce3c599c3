package dev.storecrm.broadcasts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.triggers.ScheduledEvents;
import dev.storecrm.localcloud.FreshLocalCloud;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.SentMail;
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
 */
@ExtendWith(FreshLocalCloud.class)
class FestivalCampaignsIT {

    private static final Instant START = Instant.parse("2027-01-25T00:00:00Z");
    private static final String CAMPAIGNS = """
            [{"festival": "spring-festival", "id": "cny", "daysBefore": 0, "send": {"from": "10:00", "to": "20:00"},
              "name": "春节", "audience": {"audience": "bought-360d"}, "holdoutPercent": "0",
              "variants": [{"name": "A", "share": 100, "content": {"en": {"headline": "Happy Spring Festival",
                                                                          "message": "A red envelope for you."}}}],
              "coupon": {"value": "CNY:888", "validDays": 7}}]""";
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
        this.functions = cloud.functions(clock, Map.of("FESTIVAL_CAMPAIGNS", CAMPAIGNS));
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
        assertEquals(MEMBERS.size(), ledgerSent(), "the ledger: one SENT per member under the campaign's key");
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

    private long ledgerSent() {
        List<Map<String, AttributeValue>> items = cloud.dynamoDb().scan(s -> s.tableName(cloud.tableName(
                "SendLedgerTable")).consistentRead(true)).items();
        return items.stream().filter(i -> i.get("businessKey").s().startsWith("BROADCAST#cny-2027#")
                && "SENT".equals(i.get("status").s())).count();
    }
}
