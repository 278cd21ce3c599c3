package dev.storecrm.greetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.triggers.ScheduledEvents;
import dev.storecrm.localcloud.FreshLocalCloud;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.SentMail;
import dev.storecrm.localcloud.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Lunar birthdays (农历生日) walked through 2027 and 2028 hour by hour, through the real handlers
 * (member archive, greeting run, sender) against the local cloud: each greeting on the Gregorian
 * date its lunar date falls on that lunar year, at 09:00 in the member's zone, once per lunar year,
 * with the gift; the dates are those of the official calendar (the Hong Kong Observatory's and the
 * Purple Mountain Observatory's tables), 2027's Spring Festival included, where ICU4J alone is a day late.
 */
@ExtendWith(FreshLocalCloud.class)
class GreetingsLunarIT {

    private static final Instant START = Instant.parse("2026-12-02T00:00:00Z");
    private static final Instant END = Instant.parse("2029-01-01T00:00:00Z");
    private static final Path EVENTS = Template.projectRoot().resolve("events/greetings");
    private static final Map<String, String> ZONES = Map.of("c-1031", "Asia/Shanghai", "c-1032", "America/New_York",
            "c-spring", "Asia/Shanghai", "c-eve", "Asia/Shanghai", "c-changer", "Asia/Shanghai");

    @Test
    void twoYearsOfLunarBirthdaysEachOnItsGregorianDayOnceALunarYear(LocalCloud cloud) throws IOException {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2026-12-01T02:00:00Z"));
        LocalFunctions functions =
                cloud.functions(clock, Map.of("GREETING_SHARDS", "1", "GREETING_OCCASIONS", "birthday"));
        // 二月初二, with a Gregorian birthday (20 May) too: the lunar one wins.
        publish(cloud, Files.readString(EVENTS.resolve("member-registered-lunar-birthday.json")), clock);
        publish(cloud, Events.memberRegistered("c-1032").at("2026-11-30T00:00:00Z").name("Sample c-1032")
                .timeZone("America/New_York").json(), clock);
        // 闰五月三十: no fifth leap month in 2027 (the ordinary one, of 29 days: its last day);
        // 2028 has one, of 29 days (its last day again).
        publish(cloud, Files.readString(EVENTS.resolve("member-updated-lunar-leap-month.json")), clock);
        register(cloud, clock, "c-spring", 1, 1);
        register(cloud, clock, "c-eve", 12, 30);
        register(cloud, clock, "c-changer", 8, 15);
        functions.drainAll();

        // Every hour is greeted (a run catches up to 48 hours), hour by hour around the days that matter
        // (a greeting due on another day would go late, at midnight UTC, or not at all: the test sees either).
        for (Instant hour = START; hour.isBefore(END); hour = hour.plus(Duration.ofHours(hot(hour) ? 1 : 24))) {
            clock.set(hour);
            changes(cloud, clock, hour);
            Object report = functions.invoke("GreetingsFunction", ScheduledEvents.asMap(hour));
            if (((Number) ((Map<?, ?>) report).get("greeted")).intValue() > 0
                    || cloud.queueDepth("MemberArchiveQueue") > 0) {
                functions.drainAll();
            }
        }
        functions.drainAll();

        TreeSet<String> expected = new TreeSet<>(List.of(
                "c-1031 2027-03-09 BIRTHDAY#c-1031#2027", "c-1031 2028-02-26 BIRTHDAY#c-1031#2028",
                "c-1032 2027-07-03 BIRTHDAY#c-1032#2027", "c-1032 2028-07-21 BIRTHDAY#c-1032#2028",
                "c-spring 2027-02-06 BIRTHDAY#c-spring#2027", "c-spring 2028-01-26 BIRTHDAY#c-spring#2028",
                // 腊月三十 of lunar 2026 is New Year's Eve 2027, 5 February (腊月 has 29 days that year).
                "c-eve 2027-02-05 BIRTHDAY#c-eve#2026", "c-eve 2028-01-25 BIRTHDAY#c-eve#2027",
                "c-changer 2028-03-28 BIRTHDAY#c-changer#2028"));
        Map<String, Map<String, AttributeValue>> ledgerByMessage = new HashMap<>();
        cloud.dynamoDb().scan(sc -> sc.tableName(cloud.tableName("SendLedgerTable"))).items().stream()
                .filter(item -> item.containsKey("messageId") && item.get("businessKey").s().startsWith("BIRTHDAY#"))
                .forEach(item -> ledgerByMessage.put(item.get("messageId").s(), item));
        TreeSet<String> actual = new TreeSet<>();
        List<SentMail> birthdayMail = cloud.sentMail().stream()
                .filter(m -> ledgerByMessage.containsKey(m.messageId())).toList();
        for (SentMail sent : birthdayMail) {
            var entry = ledgerByMessage.get(sent.messageId());
            String customer = entry.get("customerId").s();
            var local = Instant.parse(entry.get("settledAt").s()).atZone(ZoneId.of(ZONES.get(customer)));
            actual.add(customer + " " + local.toLocalDate() + " " + entry.get("businessKey").s());
            assertEquals(9, local.getHour(), customer + " greeted at " + local.toLocalTime() + " local");
            assertTrue(sent.html().contains("BIRT-"), "a gift for a birthday given long before: " + customer);
            assertTrue(sent.html().contains("2 times the points") || sent.html().contains("2 倍积分"),
                    "double points on the day: " + customer);
        }
        assertEquals(expected, actual);
        assertEquals(expected.size(), birthdayMail.size(), "no lunar birthday greeted twice");
    }

    /** The expected days and the days a wrong rule would pick (the Gregorian birthdays, the old lunar date). */
    private static final List<LocalDate> DAYS = Stream.of("2027-03-09", "2028-02-26", "2027-07-03", "2028-07-21",
            "2027-02-06", "2028-01-26", "2027-02-05", "2028-01-25", "2028-03-28", "2027-05-20", "2028-05-20",
            "2027-09-15", "2028-10-01", "2027-02-07", "2028-07-22").map(LocalDate::parse).toList();

    private static boolean hot(Instant hour) {
        LocalDate utc = hour.atZone(ZoneOffset.UTC).toLocalDate();
        return DAYS.stream().anyMatch(day -> !utc.isBefore(day.minusDays(1)) && !utc.isAfter(day.plusDays(1)));
    }

    /**
     * c-changer moves the lunar birthday from 八月十五 to 三月初三 (passed already in 2027: no greeting
     * that year), then clears it after the 2028 greeting: the Gregorian birthday (1 October) takes
     * over, and is not greeted in 2028, which already had its birthday greeting.
     */
    private static void changes(LocalCloud cloud, SimulatedClock clock, Instant hour) {
        if (hour.equals(Instant.parse("2027-06-01T00:00:00Z"))) {
            publish(cloud, Events.memberUpdated("c-changer").at(hour.toString()).birthdayLunar(3, 3, false).json(),
                    clock);
        }
        if (hour.equals(Instant.parse("2028-05-01T00:00:00Z"))) {
            publish(cloud, Events.memberUpdated("c-changer").at(hour.toString()).set("profile.birthdayLunar", null)
                    .json(), clock);
        }
    }

    private static void register(LocalCloud cloud, SimulatedClock clock, String id, int month, int day) {
        publish(cloud, Events.memberRegistered(id).at("2026-12-01T02:00:00Z").name("Sample " + id)
                .timeZone(ZONES.get(id)).birthday("--10-01").birthdayLunar(month, day, false).json(), clock);
    }

    private static void publish(LocalCloud cloud, String event, SimulatedClock clock) {
        cloud.eventBus().publish(event, "test", clock.instant());
    }
}
