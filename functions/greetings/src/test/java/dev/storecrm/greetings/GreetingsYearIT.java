package dev.storecrm.greetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.events.MemberRegisteredBuilder;
import dev.storecrm.fixtures.triggers.ScheduledEvents;
import dev.storecrm.localcloud.FreshLocalCloud;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.SentMail;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A synthetic membership walked through 2026 hour by hour, every hourly greeting run executed twice
 * at once (two function instances), greetings sent by the real sender into the SES emulator. The
 * test asserts exactly the greetings a person would expect, each on the member's local date at the
 * greeting hour, each once.
 */
@ExtendWith(FreshLocalCloud.class)
class GreetingsYearIT {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2027-01-01T00:00:00Z");

    /** Who, where, born when; and what greeting each expects in 2026 (kind, local date). */
    private record Member(String id, String zone, String birthday, String wedding, String registeredAt) {}

    private static final List<Member> MEMBERS = List.of(
            new Member("c-kiritimati", "Pacific/Kiritimati", "1990-06-15", null, "2025-03-10T00:00:00Z"),
            new Member("c-honolulu", "Pacific/Honolulu", "--06-15", null, "2025-03-10T00:00:00Z"),
            new Member("c-shanghai", "Asia/Shanghai", "1985-12-31", "2016-10-01", "2025-03-10T00:00:00Z"),
            new Member("c-berlin-spring", "Europe/Berlin", "--03-29", null, "2025-03-10T00:00:00Z"),
            new Member("c-berlin-autumn", "Europe/Berlin", "1970-10-25", null, "2025-03-10T00:00:00Z"),
            new Member("c-leap", "Asia/Tokyo", "2000-02-29", null, "2025-03-10T00:00:00Z"),
            new Member("c-mover", "America/Los_Angeles", "--08-01", null, "2025-03-10T00:00:00Z"),
            new Member("c-newcomer", "Asia/Shanghai", "--05-05", null, "2026-04-20T00:00:00Z"));

    @Test
    void aYearOfGreetingsEachOnItsLocalDateAndOnlyOnce(LocalCloud cloud) throws Exception {
        SimulatedClock clock = new SimulatedClock(START);
        // Holdouts off: every named member's every greeting is the subject here (holdouts are HoldoutIT's).
        Map<String, String> oneShard = Map.of("GREETING_SHARDS", "1", "HOLDOUT_PERCENT", "0");
        LocalFunctions functions = cloud.functions(clock, oneShard);
        LocalFunctions secondInstance = cloud.functions(clock, oneShard);
        for (Member member : MEMBERS) {
            if (Instant.parse(member.registeredAt()).isBefore(START)) {
                register(cloud, member);
            }
        }
        functions.drainAll();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (Instant hour = START; hour.isBefore(END); hour = hour.plus(Duration.ofHours(1))) {
            clock.set(hour);
            events(cloud, hour);
            Map<String, Object> schedule = ScheduledEvents.asMap(hour);
            Future<Object> first = pool.submit(() -> functions.invoke("GreetingsFunction", schedule));
            Future<Object> second = pool.submit(() -> secondInstance.invoke("GreetingsFunction", schedule));
            int greeted = greeted(first.get()) + greeted(second.get());
            if (greeted > 0 || cloud.queueDepth("MemberArchiveQueue") > 0) {
                functions.drainAll();
            }
        }
        pool.shutdown();
        functions.drainAll();

        // Joined at 2025-03-10T00:00Z: that is 9 March in Honolulu and Los Angeles, so their
        // anniversaries are on 9 March.
        TreeSet<String> expected = new TreeSet<>(List.of(
                "c-kiritimati birthday 2026-06-15",
                "c-honolulu birthday 2026-06-15",
                "c-shanghai birthday 2026-12-31",
                "c-shanghai wedding 2026-10-01",
                "c-berlin-spring birthday 2026-03-29",
                "c-berlin-autumn birthday 2026-10-25",
                "c-leap birthday 2026-02-28",
                "c-mover birthday 2026-09-15",
                "c-newcomer birthday 2026-05-05",
                "c-kiritimati membership 2026-03-10",
                "c-honolulu membership 2026-03-09",
                "c-shanghai membership 2026-03-10",
                "c-berlin-spring membership 2026-03-10",
                "c-berlin-autumn membership 2026-03-10",
                "c-leap membership 2026-03-10",
                "c-mover membership 2026-03-09"));
        Map<String, Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> ledgerByMessage =
                new HashMap<>();
        cloud.dynamoDb().scan(sc -> sc.tableName(cloud.tableName("SendLedgerTable"))).items().stream()
                .filter(item -> item.containsKey("messageId"))
                .forEach(item -> ledgerByMessage.put(item.get("messageId").s(), item));
        TreeSet<String> actual = new TreeSet<>();
        List<SentMail> mail = cloud.sentMail();
        for (SentMail sent : mail) {
            var entry = ledgerByMessage.get(sent.messageId());
            assertTrue(entry != null, "every mail is in the ledger: " + sent.subject() + " to " + sent.to());
            String key = entry.get("businessKey").s();
            String customer = entry.get("customerId").s();
            String kind = key.startsWith("BIRTHDAY#") ? "birthday" : key.split("#")[1];
            Member member = MEMBERS.stream().filter(m -> m.id().equals(customer)).findFirst().orElseThrow();
            var local = Instant.parse(entry.get("settledAt").s()).atZone(ZoneId.of(member.zone()));
            actual.add(customer + " " + kind + " " + local.toLocalDate());
            assertEquals(9, local.getHour(), key + " sent at " + local.toLocalTime() + " local");
            assertTrue(local.toLocalTime().isBefore(LocalTime.of(9, 5)), key + " sent at " + local.toLocalTime());
        }
        assertEquals(expected, actual);
        assertEquals(expected.size(), mail.size(), "no greeting twice, though every run ran twice at once");

        SentMail newcomer = mail.stream().filter(m -> m.to().contains("c-newcomer@example.com")).findFirst()
                .orElseThrow();
        assertFalse(newcomer.html().contains("BIRT-"), "birthday given 15 days before it: greeted without a gift");
        SentMail kiritimati = mail.stream().filter(m -> m.to().contains("c-kiritimati@example.com")
                && m.subject().contains("birthday")).findFirst().orElseThrow();
        assertTrue(kiritimati.html().contains("BIRT-"), "a gift code for a birthday given long before");
        assertTrue(kiritimati.html().contains("2 times the points"), kiritimati.html());
    }

    /** What happens to the membership during the year, at the hour it happens. */
    private static void events(LocalCloud cloud, Instant hour) {
        if (hour.equals(Instant.parse("2026-04-20T00:00:00Z"))) {
            register(cloud, MEMBERS.getLast());
        }
        if (hour.equals(Instant.parse("2026-07-01T00:00:00Z"))) {
            // c-mover moves the birthday from 1 August to 15 September, a month before the old date.
            update(cloud, "evt-mover-1", "c-mover", hour, "--09-15");
        }
        if (hour.equals(Instant.parse("2026-09-20T00:00:00Z"))) {
            // ... and after being greeted on 15 September, to 1 December: no second birthday this year.
            update(cloud, "evt-mover-2", "c-mover", hour, "--12-01");
        }
    }

    private static void register(LocalCloud cloud, Member member) {
        MemberRegisteredBuilder event = Events.memberRegistered(member.id()).at(member.registeredAt())
                .name("Sample " + member.id()).timeZone(member.zone()).birthday(member.birthday());
        if (member.wedding() != null) {
            event.anniversary("wedding", member.wedding());
        }
        cloud.eventBus().publish(event.json(), "test", Instant.parse(member.registeredAt()));
    }

    private static void update(LocalCloud cloud, String eventId, String customerId, Instant at, String birthday) {
        cloud.eventBus().publish(Events.memberUpdated(customerId).id(eventId).at(at).birthday(birthday).json(),
                "test", at);
    }

    private static int greeted(Object report) {
        return ((Number) ((Map<?, ?>) report).get("greeted")).intValue();
    }
}
