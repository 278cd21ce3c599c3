package dev.storecrm.domain.dispute;

import static dev.storecrm.domain.dispute.DisputeFixtures.opened;
import static dev.storecrm.domain.dispute.DisputeFixtures.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.event.DisputeEvent.Reason;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Deadlines as data: the bundled rule packs, calendar-day counting, reminders, overrides. */
class ChasePlannerTest {

    private final ChasePlanner planner = new ChasePlanner(DisputeFixtures.bundled(), DisputeFixtures.SHANGHAI);

    private static Dispute apply(DisputeChange... changes) {
        Optional<Dispute> dispute = Optional.empty();
        for (DisputeChange change : changes) {
            if (DisputeLifecycle.apply(dispute, change) instanceof DisputeLifecycle.Outcome.Applied applied) {
                dispute = Optional.of(applied.after());
            }
        }
        return dispute.orElseThrow();
    }

    @Test
    void aliExpressStepsInOnDaySevenCountingTheOpeningDay() {
        // Opened at 23:30 on 12 November in Shanghai: day 1 is the 12th, day 7 begins on the 18th.
        Dispute dispute = apply(opened("d-1", "2026-11-12T15:30:00Z", "aliexpress", Reason.not_received, false));
        List<Deadline> deadlines = planner.deadlines(dispute);
        assertEquals(List.of("seller-response", "platform-step-in"), deadlines.stream().map(Deadline::name).toList());
        assertEquals(Instant.parse("2026-11-14T15:30:00Z"), deadlines.get(0).due(), "48 hours");
        assertEquals(Instant.parse("2026-11-17T16:00:00Z"), deadlines.get(1).due(), "00:00 on 18 November, Shanghai");
    }

    @Test
    void remindersCome72And24And4HoursBeforeButNeverBeforeTheDeadlineExists() {
        Dispute dispute = apply(opened("d-1", "2026-11-12T15:30:00Z", "aliexpress", Reason.not_received, false));
        List<String> steps = planner.steps(dispute).stream()
                .map(s -> s.deadline().name() + "@" + s.name() + "@" + s.at())
                .toList();
        assertEquals(List.of(
                "seller-response@24h@2026-11-13T15:30:00Z",
                "seller-response@4h@2026-11-14T11:30:00Z",
                "seller-response@breach@2026-11-14T15:30:00Z",
                "platform-step-in@72h@2026-11-14T16:00:00Z",
                "platform-step-in@24h@2026-11-16T16:00:00Z",
                "platform-step-in@4h@2026-11-17T12:00:00Z",
                "platform-step-in@breach@2026-11-17T16:00:00Z"), steps, "no 72-hour reminder of a 48-hour deadline");
    }

    @Test
    void theReturnDeadlineRunsFromTheAgreementAndAResolvedDisputeHasNone() {
        Dispute agreed = apply(opened("d-1", "2026-11-12T02:00:00Z", "aliexpress", Reason.not_as_described, true),
                status("d-1", "2026-11-13T02:00:00Z", "e-agree", DisputeStatus.awaiting_return_shipment, null));
        Deadline shipping = planner.deadlines(agreed).getFirst();
        assertEquals("return-shipment", shipping.name());
        assertEquals(Instant.parse("2026-11-23T02:00:00Z"), shipping.due(), "10 days");
        assertEquals(DeadlineRule.Responsible.customer, shipping.rule().responsible());
        Dispute resolved = apply(opened("d-1", "2026-11-12T02:00:00Z", "aliexpress", Reason.not_as_described, true),
                status("d-1", "2026-11-13T02:00:00Z", "e-done", DisputeStatus.resolved, Resolution.refunded));
        assertEquals(List.of(), planner.steps(resolved));
    }

    @Test
    void addingAMarketplaceIsConfigurationAndAnUnknownChannelGetsTheDefaultPack() {
        String lazada = """
                {"lazada": {"timeZone": "Asia/Singapore", "reminders": ["PT12H"], "deadlines": [
                  {"name": "seller-response", "while": ["awaiting_seller_confirmation"], "from": "opened", "onDay": 3,
                   "responsible": "agent"}]}}""";
        ChasePlanner withLazada = new ChasePlanner(RulePacks.load(DisputeFixtures::read, lazada,
                RulePacks.hours("48,6")), DisputeFixtures.SHANGHAI);
        Dispute dispute = apply(opened("d-1", "2026-11-12T02:00:00Z", "lazada", Reason.other, false));
        Deadline deadline = withLazada.deadlines(dispute).getFirst();
        assertEquals(Instant.parse("2026-11-13T16:00:00Z"), deadline.due(), "day 3 begins on the 14th in Singapore");
        assertEquals(List.of(Duration.ofHours(48), Duration.ofHours(6)), deadline.reminders(),
                "the store-wide reminder hours apply to every pack");
        Dispute unknown = apply(opened("d-2", "2026-11-12T02:00:00Z", "woocommerce", Reason.other, false));
        assertEquals(Instant.parse("2026-11-13T02:00:00Z"), planner.deadlines(unknown).getFirst().due(),
                "the default pack answers within 24 hours");
    }

    @Test
    void aPackThatDoesNotReadStopsStartUpWithItsName() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> RulePacks.load(
                DisputeFixtures::read,
                "{\"broken\": {\"deadlines\": [{\"name\": \"x\", \"while\": [\"resolved\"], \"within\": \"PT1H\"}]}}",
                Optional.empty()));
        assertTrue(error.getMessage().contains("rule pack broken") && error.getMessage().contains("open statuses"),
                error.getMessage());
        assertThrows(IllegalStateException.class, () -> RulePacks.hours("72,soon"));
    }

    @Test
    void dayCountingFollowsTheLocalCalendarAcrossDaylightSavingTime() {
        Instant opened = Instant.parse("2026-10-30T12:00:00Z"); // Friday in Los Angeles; DST ends on 1 November
        Instant day7 = ChasePlanner.startOfDay(opened, 7, ZoneId.of("America/Los_Angeles"));
        assertEquals(Instant.parse("2026-11-05T08:00:00Z"), day7, "midnight PST on 5 November, not 07:00 UTC");
    }
}
