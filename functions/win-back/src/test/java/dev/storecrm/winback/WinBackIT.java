package dev.storecrm.winback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.winback.WinBackJournal;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.localcloud.LocalStore;
import dev.storecrm.localcloud.SentMail;
import dev.storecrm.platform.dynamodb.DynamoDbWinBackJournal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Members walked through a year of silence, with the real member archive (which arms the win-back
 * timer), timer sweep, win-back function and sender, asserting the mail the SES emulator received.
 */
class WinBackIT {

    /** 10:00 in Shanghai: every step falls due at that local time, outside quiet hours. */
    private static final Instant START = Instant.parse("2026-01-05T02:00:00Z");

    // Holdouts off (HOLDOUT_PERCENT 0): these tests follow named members through every step; holdouts are
    // HoldoutIT's subject.
    @RegisterExtension
    final LocalStore local = LocalStore.at(START.minus(Duration.ofDays(1))).with(Map.of("HOLDOUT_PERCENT", "0"));

    @Test
    void aSilentMemberGetsEachStepOnceThenIsDormant() {
        member("c-walker");
        paid("evt-walker-1", "c-walker", "o-walker-1", START);
        walkTo(START.plus(Duration.ofDays(400)));
        assertEquals(List.of("day 60: c-walker, we miss you", "day 90: c-walker, something new for you and 10% off",
                "day 180: c-walker, our best offer to welcome you back"), steps("c-walker"));
        List<WinBackJournal.Entry> journal = journal("c-walker");
        assertEquals(List.of(1, 2, 3, 0), journal.stream().map(WinBackJournal.Entry::step).toList(),
                "steps, then dormant");
        assertEquals(360, Duration.between(START, journal.getLast().enteredAt()).toDays(), "dormant at 360 days");
        assertTrue(journal.get(0).couponCode().orElseThrow().startsWith("WINB-"));
    }

    @Test
    void anOrderBetweenStepsEndsTheEpisodeAndALaterLapseStartsANewOne() {
        member("c-returner");
        paid("evt-returner-1", "c-returner", "o-returner-1", START);
        walkTo(START.plus(Duration.ofDays(75)));
        paid("evt-returner-2", "c-returner", "o-returner-2", START.plus(Duration.ofDays(75)));
        walkTo(START.plus(Duration.ofDays(136)));
        assertEquals(List.of("day 60: c-returner, we miss you", "day 135: c-returner, we miss you"),
                steps("c-returner"), "no step 2 of the first episode; the new silence starts over at step 1");
    }

    @Test
    void duplicatedAndLateOrderEventsNeitherReviveNorDoubleAStep() {
        member("c-dup");
        paid("evt-dup-2", "c-dup", "o-dup-2", START);
        walkTo(START.plus(Duration.ofDays(30)));
        paid("evt-dup-2", "c-dup", "o-dup-2", START);
        walkTo(START.plus(Duration.ofDays(61)));
        // An older order's payment, delivered late: the last order is still the one that began the silence.
        paid("evt-dup-1", "c-dup", "o-dup-1", START.minus(Duration.ofDays(20)));
        paid("evt-dup-2", "c-dup", "o-dup-2", START);
        walkTo(START.plus(Duration.ofDays(200)));
        assertEquals(List.of("day 60: c-dup, we miss you", "day 90: c-dup, something new for you and 10% off",
                "day 180: c-dup, our best offer to welcome you back"), steps("c-dup"));
    }

    @Test
    void aPaymentSentAgainDaysLaterIsTheSamePurchaseAndStartsNoNewEpisode() {
        member("c-resent");
        paid("evt-resent-1", "c-resent", "o-resent-1", START);
        walkTo(START.plus(Duration.ofDays(10)));
        // The platform sends the same order's payment again, ten days later, with its own id and time.
        paid("evt-resent-2", "c-resent", "o-resent-1", START.plus(Duration.ofDays(10)));
        walkTo(START.plus(Duration.ofDays(200)));
        assertEquals(List.of("day 60: c-resent, we miss you", "day 90: c-resent, something new for you and 10% off",
                "day 180: c-resent, our best offer to welcome you back"), steps("c-resent"),
                "the steps follow the real purchase; the payment sent again neither restarts nor moves them");
        assertEquals(List.of(START, START, START), journal("c-resent").stream().limit(3)
                .map(WinBackJournal.Entry::episode).toList(), "one episode, named by the real purchase");
    }

    @Test
    void frozenMembersAndMembersWithAnOpenDisputeGetNoWinBackMail() {
        member("c-frozen");
        member("c-disputing");
        paid("evt-frozen-1", "c-frozen", "o-frozen-1", START);
        paid("evt-disputing-1", "c-disputing", "o-disputing-1", START);
        walkTo(START.plus(Duration.ofDays(10)));
        local.publish(Events.memberUpdated("c-frozen").id("evt-freeze")
                .at(START.plus(Duration.ofDays(10)))
                .status("frozen", "review").json());
        local.cloud().dynamoDb().putItem(p -> p.tableName(local.cloud().tableName("DisputesTable")).item(Map.of(
                "disputeId", AttributeValue.fromS("d-1"), "openCustomerId", AttributeValue.fromS("c-disputing"))));
        walkTo(START.plus(Duration.ofDays(100)));
        assertEquals(List.of(), steps("c-frozen"));
        assertEquals(List.of(), steps("c-disputing"));
        assertEquals(List.of("membership frozen", "membership frozen"),
                journal("c-frozen").stream().map(e -> e.skipped().orElse("")).toList());
    }

    @Test
    void anImportedSilenceGetsTheStepItReachedOnceWithinTheRampAndLaterOrdersRunAsBefore() {
        // The store goes live at START and imports its past then; each member is silent as long as the name says.
        local.redeploy(Map.of("GO_LIVE_AT", START.toString(), "GO_LIVE_RAMP_DAYS", "14"));
        local.clock().set(START);
        for (int days : List.of(30, 100, 200, 400)) {
            member("c-silent-" + days);
            paid("evt-past-" + days, "c-silent-" + days, "o-past-" + days, START.minus(Duration.ofDays(days)));
        }
        member("c-live");
        paid("evt-live-1", "c-live", "o-live-1", START.plus(Duration.ofDays(1)));
        walkTo(START.plus(Duration.ofDays(120)));

        List<String> hundred = steps("c-silent-100");
        assertEquals(2, hundred.size(), hundred.toString());
        assertTrue(hundred.getFirst().endsWith("something new for you and 10% off"),
                "silent past step 2 at go-live: step 2, never step 1: " + hundred);
        assertTrue(day(hundred.getFirst()) >= 1 && day(hundred.getFirst()) <= 14, "within the 14-day ramp: " + hundred);
        assertTrue(hundred.get(1).endsWith("our best offer to welcome you back"), hundred.toString());
        assertEquals(90, day(hundred.get(1)) - day(hundred.getFirst()), "step 3 keeps its 90 days after step 2");

        List<String> twoHundred = steps("c-silent-200");
        assertEquals(1, twoHundred.size(), "silent past the last step: it once, not steps 1 to 3: " + twoHundred);
        assertTrue(twoHundred.getFirst().endsWith("our best offer to welcome you back"), twoHundred.toString());
        assertTrue(day(twoHundred.getFirst()) <= 14, twoHundred.toString());

        assertEquals(List.of(), steps("c-silent-400"), "dormant before go-live: recorded dormant, no mail");
        assertEquals(List.of(0), journal("c-silent-400").stream().map(WinBackJournal.Entry::step).toList());
        assertEquals(List.of("day 30: c-silent-30, we miss you",
                "day 60: c-silent-30, something new for you and 10% off"), steps("c-silent-30"),
                "a step still to come at go-live keeps its day");
        assertEquals(List.of("day 61: c-live, we miss you", "day 91: c-live, something new for you and 10% off"),
                steps("c-live"), "an order after go-live: the sequence as before");
    }

    // ------------------------------------------------------------------ helpers

    private static int day(String step) {
        return Integer.parseInt(step.substring("day ".length(), step.indexOf(':')));
    }

    private void member(String customerId) {
        local.publish(Events.memberRegistered(customerId).at("2025-06-01T00:00:00Z")
                .name(customerId).json());
        local.functions().drainAll();
    }

    /** A payment at {@code at}, published then (an event is never from the consumer's future). */
    private void paid(String eventId, String customerId, String orderId, Instant at) {
        if (at.isAfter(local.clock().instant())) {
            local.clock().set(at);
        }
        local.publish(Events.orderPaid(customerId, orderId).id(eventId).at(at).json());
        local.functions().drainAll();
    }

    /** Moves time on day by day, at the local 10:00 of each day, running the sweep and every queue. */
    private void walkTo(Instant end) {
        for (Instant day = local.clock().instant().plus(Duration.ofDays(1)); !day.isAfter(end);
             day = day.plus(Duration.ofDays(1))) {
            local.advanceTo(day.plusSeconds(60));
        }
    }

    /** The win-back mail a member received, as "day N: subject" (days since START). */
    private List<String> steps(String customerId) {
        List<String> steps = new ArrayList<>();
        var ledger = local.cloud().dynamoDb().scan(s -> s.tableName(local.cloud().tableName("SendLedgerTable")))
                .items();
        for (SentMail mail : local.cloud().sentMail()) {
            if (!mail.to().contains(customerId + "@example.com")) {
                continue;
            }
            Instant sent = ledger.stream().filter(i -> mail.messageId().equals(i.get("messageId") == null ? null
                    : i.get("messageId").s())).map(i -> Instant.parse(i.get("settledAt").s())).findFirst()
                    .orElseThrow();
            steps.add("day " + Duration.between(START, sent).toDays() + ": " + mail.subject().replace("[AD] ", ""));
        }
        return steps;
    }

    private List<WinBackJournal.Entry> journal(String customerId) {
        DynamoDbWinBackJournal journal = new DynamoDbWinBackJournal(local.cloud().dynamoDb(),
                local.cloud().tableName("WinBackTable"));
        List<WinBackJournal.Entry> entries = new ArrayList<>();
        for (YearMonth month = YearMonth.of(2026, 1); !month.isAfter(YearMonth.of(2027, 3));
             month = month.plusMonths(1)) {
            journal.enteredIn(month).stream().filter(e -> e.customerId().equals(customerId)).forEach(entries::add);
        }
        return entries;
    }
}
