package dev.storecrm.disputes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalCloudExtension;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.SentMail;
import dev.storecrm.localcloud.SimulatedClock;
import dev.storecrm.localcloud.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each dispute reason walked through its typical path in the local cloud, with the real
 * DisputeFunction, TimerSweepFunction (time travel), SenderFunction and the SES emulator: reminders
 * before each deadline, the escalation at breach and the customer's messages arrive at the right
 * times, exactly once each, and a dispute that moves on stops the chase of what no longer applies.
 */
@ExtendWith(LocalCloudExtension.class)
class DisputeChaseIT {

    static final String AGENTS = "care@example.com";
    static final String ESCALATION = "care-lead@example.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalCloud cloud;
    private SimulatedClock clock;
    private LocalFunctions functions;

    @BeforeEach
    void reset(LocalCloud cloud) {
        cloud.reset();
        this.cloud = cloud;
        this.clock = new SimulatedClock(Instant.parse("2026-11-01T00:00:00Z"));
        this.functions = cloud.functions(clock, Map.of("DISPUTE_AGENT_LOCALE", "en"));
    }

    @AfterEach
    void nothingLost() {
        for (String queue : cloud.queues()) {
            if (queue.endsWith("DeadLetterQueue")) {
                assertEquals(0, cloud.queueDepth(queue), queue + " must stay empty");
            }
        }
    }

    @Test
    void notReceivedOnAliExpressIsChasedToThePlatformsDaySevenThenResolved() {
        member("c-1004", "member.1004@example.com");
        at("2026-11-11T19:00:30Z", () -> publishSample("dispute-opened.json", e -> { }));
        assertEquals(List.of("We received your dispute about order o-7001"), subjects("member.1004@example.com"));
        assertTrue(mailTo("member.1004@example.com").getFirst().text().contains("2026-11-14 03:00 Asia/Shanghai"),
                "the acknowledgement says when the seller answers at the latest (48 hours)");

        advanceTo("2026-11-12T18:59:00Z");
        assertEquals(List.of(), subjects(AGENTS), "no reminder 72 hours before a 48-hour deadline");
        advanceTo("2026-11-12T19:01:30Z");
        assertEquals(List.of("[24h left] Seller response to the dispute: dispute d-4001"), subjects(AGENTS));

        at("2026-11-13T02:00:30Z", () -> publishSample("dispute-updated.json", e -> { }));
        List<SentMail> customer = mailTo("member.1004@example.com");
        assertEquals("Update on your dispute about order o-7001", customer.get(1).subject());
        assertTrue(customer.get(1).text().contains("Parcel is at customs"), customer.get(1).text());

        advanceTo("2026-11-13T19:05:00Z");
        assertEquals(1, subjects(AGENTS).size(), "the seller answered: no 4-hour reminder of the seller response");
        assertEquals(List.of(), subjects(ESCALATION), "and no breach");

        advanceTo("2026-11-14T16:01:30Z");
        advanceTo("2026-11-16T16:01:30Z");
        advanceTo("2026-11-17T12:01:30Z");
        assertEquals(List.of("[24h left] Seller response to the dispute: dispute d-4001",
                "[72h left] Settle before the platform steps in: dispute d-4001",
                "[24h left] Settle before the platform steps in: dispute d-4001",
                "[4h left] Settle before the platform steps in: dispute d-4001"), subjects(AGENTS));
        assertEquals(List.of(), subjects(ESCALATION));
        advanceTo("2026-11-17T15:59:00Z");
        assertEquals(List.of(), subjects(ESCALATION), "day 7 (18 November in Shanghai) has not begun");
        advanceTo("2026-11-17T16:01:30Z");
        assertEquals(List.of("[BREACHED] Settle before the platform steps in: dispute d-4001"), subjects(ESCALATION));

        at("2026-11-18T01:00:30Z", () -> publishSample("dispute-escalated.json", e -> { }));
        at("2026-11-20T02:00:30Z", () -> publishSample("dispute-resolved-refunded.json", e -> { }));
        advanceTo("2026-12-01T00:00:00Z");
        assertEquals(List.of("We received your dispute about order o-7001",
                "Update on your dispute about order o-7001",
                "Update on your dispute about order o-7001",
                "Your dispute about order o-7001 is closed"), subjects("member.1004@example.com"));
        assertTrue(mailTo("member.1004@example.com").get(2).text().contains("The platform is now reviewing"));
        assertTrue(mailTo("member.1004@example.com").get(3).text().contains("you are refunded"));
        assertEquals(4, subjects(AGENTS).size(), "nothing more once resolved");
        assertEquals(1, subjects(ESCALATION).size());
    }

    // ------------------------------------------------------------------ helpers

    /** Registers a member with marketing consent, in English, in Shanghai. */
    void member(String customerId, String email) {
        ObjectNode event = JSON.createObjectNode();
        event.put("id", "reg-" + customerId).put("type", "MemberRegistered").put("version", 1)
                .put("occurredAt", "2026-10-01T00:00:00Z");
        ObjectNode profile = event.putObject("body").put("customerId", customerId).putObject("profile");
        profile.put("email", email).put("name", "Sample " + customerId).put("locale", "en").put("timeZone", "Asia/Shanghai");
        profile.putObject("marketingConsent").put("granted", true).put("at", "2026-10-01T00:00:00Z").put("source", "test");
        publish(event.toString());
        functions.drainAll();
    }

    /** A sample of events/disputes/, changed by {@code edit}, published on the store's bus. */
    void publishSample(String file, Consumer<ObjectNode> edit) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(
                    Template.projectRoot().resolve("events/disputes/" + file)));
            edit.accept(event);
            publish(event.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void publish(String event) {
        cloud.eventBus().publish(event, "test", clock.instant());
    }

    /** Goes to a moment (sweeping timers on the way), does something there, and lets everything it caused run. */
    void at(String instant, Runnable action) {
        advanceTo(instant);
        action.run();
        functions.drainAll();
    }

    void advanceTo(String instant) {
        functions.advanceTo("TimerSweepFunction", Instant.parse(instant));
    }

    List<SentMail> mailTo(String address) {
        return cloud.sentMail().stream().filter(m -> m.to().contains(address)).toList();
    }

    List<String> subjects(String address) {
        return mailTo(address).stream().map(SentMail::subject).toList();
    }
}
