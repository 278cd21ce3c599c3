package dev.storecrm.sesfeedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.messaging.Category;
import dev.storecrm.domain.messaging.EngagementCounts;
import dev.storecrm.domain.messaging.SendLedger;
import dev.storecrm.domain.messaging.SuppressionList;
import dev.storecrm.domain.reputation.ReputationGuard;
import dev.storecrm.domain.reputation.ReputationPolicy;
import dev.storecrm.domain.reputation.SendingReputation;
import dev.storecrm.fixtures.events.SesEvents;
import dev.storecrm.fixtures.memory.InMemoryEngagementCounts;
import dev.storecrm.fixtures.memory.InMemorySendLedger;
import dev.storecrm.fixtures.memory.InMemorySendingReputation;
import dev.storecrm.fixtures.memory.InMemorySuppressions;
import dev.storecrm.sesfeedback.SesFeedbackService.Outcome;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * SES's reports of our mail with in-memory ports, with the template's defaults: three soft bounces
 * within 30 days suppress an address; a hard bounce or a complaint at once; marketing pauses at 0.08 %
 * complaints or 4 % hard bounces of at least 1000 sends in the last 168 hours.
 */
class SesFeedbackServiceTest {

    private static final String KEY = "ORDER#o-5001#follow-up";
    private static final String ADDRESS = "member.1001@example.com";
    private static final Instant AT = Instant.parse("2026-11-23T04:00:00Z");

    private final InMemorySuppressions suppressions = new InMemorySuppressions();
    private final InMemorySendLedger ledger = new InMemorySendLedger();
    private final InMemorySendingReputation reputation = new InMemorySendingReputation();
    private final ReputationGuard guard = new ReputationGuard(reputation, new ReputationPolicy(0.08, 4, 1000,
            Duration.ofHours(168)), Clock.fixed(AT.plus(Duration.ofHours(2)), ZoneOffset.UTC));
    private final InMemoryEngagementCounts engagement = new InMemoryEngagementCounts();
    private final SesFeedbackService service = new SesFeedbackService(suppressions, ledger, 3, Duration.ofDays(30),
            guard, Map.of("SesAccountComplaintRateAlarm", ReputationGuard.Reason.ACCOUNT_COMPLAINT_RATE), engagement);

    @Test
    void theSendReportSettlesAMessageWhoseSenderStoppedBeforeRecordingIt() {
        ledger.claim(KEY, "sender-1", AT, Duration.ofMinutes(5), new SendLedger.Facts("order", Category.transactional,
                "order-follow-up", Optional.of("c-1001")));

        assertEquals(Outcome.CONFIRMED_SENT, service.handle(SesEvents.of("email-sent.json").businessKey(KEY).json()));

        SendLedger.Entry entry = ledger.find(KEY, true).orElseThrow();
        assertEquals(SendLedger.Status.SENT, entry.status());
        assertEquals("010001sample-message-id", entry.messageId());
        assertEquals(Outcome.CONFIRMED_SENT, service.handle(SesEvents.of("email-sent.json").businessKey(KEY).json()),
                "SES may report it again: still sent, once");
        assertEquals(SendLedger.Status.SENT, ledger.find(KEY, true).orElseThrow().status());
    }

    @Test
    void mailThatDidNotComeFromTheSenderIsIgnored() {
        assertEquals(Outcome.IGNORED, service.handle(SesEvents.of("email-sent.json").untagged().json()));
        assertTrue(ledger.find(KEY, true).isEmpty());
    }

    @Test
    void aDeliveryIsRecordedOnTheMessagesEntry() {
        ledger.sent(KEY, AT);
        assertEquals(Outcome.DELIVERY_RECORDED,
                service.handle(SesEvents.of("email-delivered.json").businessKey(KEY).json()));
        assertEquals(Optional.of(Instant.parse("2026-11-23T04:00:03.500Z")), ledger.deliveredAt(KEY));
    }

    @Test
    void aHardBounceStopsAllMailToTheAddressWhateverItsCase() {
        ledger.sent(KEY, AT);
        assertEquals(Outcome.SUPPRESSED, service.handle(SesEvents.of("email-bounced-permanent.json").businessKey(KEY)
                .recipient("Member.1001@EXAMPLE.com").json()));

        SuppressionList.Suppression suppression = suppressions.ofAddress(ADDRESS).orElseThrow();
        assertEquals(SuppressionList.Reason.HARD_BOUNCE, suppression.reason());
        assertTrue(suppression.blocks(Category.transactional), "no mail of any kind goes to a dead address");
        assertTrue(ledger.bouncedAt(KEY).isPresent());
    }

    @Test
    void aComplaintStopsAllMailToTheAddress() {
        assertEquals(Outcome.SUPPRESSED, service.handle(SesEvents.of("email-complaint.json").businessKey(KEY).json()));
        assertEquals(SuppressionList.Reason.COMPLAINT, suppressions.ofAddress(ADDRESS).orElseThrow().reason());
    }

    @Test
    void theThirdSoftBounceWithinThirtyDaysSuppressesAndARepeatedReportCountsOnce() {
        assertEquals(Outcome.SOFT_BOUNCE_COUNTED, softBounce("f-1", AT));
        assertEquals(Outcome.SOFT_BOUNCE_COUNTED, softBounce("f-1", AT), "SES repeated its report");
        assertEquals(Outcome.SOFT_BOUNCE_COUNTED, softBounce("f-2", AT.plus(Duration.ofDays(10))));
        assertTrue(suppressions.ofAddress(ADDRESS).isEmpty());

        assertEquals(Outcome.SUPPRESSED, softBounce("f-3", AT.plus(Duration.ofDays(20))));
        assertEquals(SuppressionList.Reason.SOFT_BOUNCES, suppressions.ofAddress(ADDRESS).orElseThrow().reason());
    }

    @Test
    void softBouncesFurtherApartThanTheWindowDoNotAddUp() {
        softBounce("f-1", AT);
        softBounce("f-2", AT.plus(Duration.ofDays(20)));
        assertEquals(Outcome.SOFT_BOUNCE_COUNTED, softBounce("f-3", AT.plus(Duration.ofDays(40))));
        assertFalse(suppressions.ofAddress(ADDRESS).isPresent());
    }

    @Test
    void whatIsNotAnSesEventOrNamesNoRecipientIsRefusedWithItsReason() {
        assertEquals(RejectReason.MALFORMED_JSON, refused("{\"source\":"));
        assertEquals(RejectReason.NOT_FOR_THIS_CONSUMER, refused(SesEvents.of("email-sent.json").node()
                .put("source", "aws.events").toString()));
        var noRecipient = SesEvents.of("email-bounced-permanent.json").node();
        noRecipient.withObject("/detail/bounce").putArray("bouncedRecipients");
        assertEquals(RejectReason.SCHEMA_VIOLATION, refused(noRecipient.toString()));
        assertTrue(suppressions.isEmpty());
    }

    @Test
    void aComplaintBurstPausesMarketingOnceTheRatePassesTheThreshold() {
        sends(2000, AT);
        assertEquals(Outcome.SUPPRESSED, complaint("a1@example.com"), "1 in 2000 is 0.05 %: marketing goes on");
        assertFalse(reputation.state().paused());

        assertEquals(Outcome.MARKETING_PAUSED, complaint("a2@example.com"), "2 in 2000 is 0.1 %");
        SendingReputation.State state = reputation.state();
        assertTrue(state.paused());
        assertEquals("COMPLAINT_RATE", state.lastPause().orElseThrow().reason());
        assertEquals(new SendingReputation.Counts(2000, 0, 2), state.lastPause().orElseThrow().counts());
        assertEquals(Outcome.SUPPRESSED, complaint("a3@example.com"), "paused already: one alarm, not one a complaint");
        assertEquals(3, guard.status().window().complaints());
    }

    @Test
    void belowTheMinimumOfSendsOrOutsideTheWindowNoRateCounts() {
        sends(5000, AT.minus(Duration.ofDays(8)));
        sends(999, AT);
        for (int i = 0; i < 5; i++) {
            assertEquals(Outcome.SUPPRESSED, complaint("b" + i + "@example.com"),
                    "999 sends in the window are too few to judge; the 5000 of eight days ago are out of it");
        }
        assertFalse(reputation.state().paused());
    }

    @Test
    void hardBouncesPauseAtFourPercentAndSoftBouncesDoNotCount() {
        sends(1000, AT);
        for (int i = 0; i < 10; i++) {
            softBounce("soft-" + i, AT);
        }
        for (int i = 0; i < 39; i++) {
            assertEquals(Outcome.SUPPRESSED, service.handle(SesEvents.of("email-bounced-permanent.json")
                    .recipient("hard" + i + "@example.com").json()));
        }
        assertFalse(reputation.state().paused(), "39 hard bounces in 1000 sends is 3.9 %");
        assertEquals(Outcome.MARKETING_PAUSED, service.handle(SesEvents.of("email-bounced-permanent.json")
                .recipient("hard39@example.com").json()));
        assertEquals("BOUNCE_RATE", reputation.state().lastPause().orElseThrow().reason());
    }

    @Test
    void anOperatorResumesAndCountingStartsAgain() {
        sends(1000, AT);
        assertEquals(Outcome.MARKETING_PAUSED, complaint("c1@example.com"));
        assertTrue(guard.resume("console:ops-lead").isPresent());
        assertTrue(guard.resume("console:ops-lead").isEmpty(), "not paused any more: nothing to resume");

        SendingReputation.State state = reputation.state();
        assertFalse(state.paused());
        assertEquals("console:ops-lead", state.lastResume().orElseThrow().by());
        assertEquals(AT.plus(Duration.ofHours(2)), state.lastResume().orElseThrow().at());
        assertEquals(Outcome.SUPPRESSED, complaint("c2@example.com"),
                "the complaints before the resume are not held against the new window");
    }

    @Test
    void theAccountComplaintAlarmPausesMarketingAndOtherAlarmsAreRefused() {
        assertEquals(Outcome.IGNORED, service.handle(alarm("SesAccountComplaintRateAlarm", "OK")));
        assertEquals(Outcome.MARKETING_PAUSED, service.handle(alarm("SesAccountComplaintRateAlarm", "ALARM")));
        assertEquals("ACCOUNT_COMPLAINT_RATE", reputation.state().lastPause().orElseThrow().reason());
        assertEquals(RejectReason.NOT_FOR_THIS_CONSUMER, refused(alarm("SomeoneElsesAlarm", "ALARM")));
    }

    @Test
    void opensAndClicksAreCountedForTheJourneyOfTheMessage() {
        assertEquals(Outcome.OPEN_COUNTED, service.handle(SesEvents.of("email-opened.json").json()));
        assertEquals(Outcome.OPEN_COUNTED, service.handle(SesEvents.of("email-opened.json").json()));
        assertEquals(Outcome.CLICK_COUNTED, service.handle(SesEvents.of("email-clicked.json").json()));
        var foreign = SesEvents.of("email-opened.json").node();
        foreign.withObject("/detail/mail/tags").remove("journey");
        assertEquals(Outcome.IGNORED, service.handle(foreign.toString()), "not the sender's mail: no journey");

        LocalDate day = LocalDate.of(2026, 11, 23);
        assertEquals(List.of(new EngagementCounts.Totals("news", 2, 1)), engagement.between(day, day));
        assertEquals(List.of(), engagement.between(day.plusDays(1), day.plusDays(30)));
    }

    private void sends(int count, Instant at) {
        String sent = SesEvents.of("email-sent.json").untagged().node().put("time", at.toString()).toString()
                .replace("2026-11-23T04:00:00.000Z", at.toString());
        for (int i = 0; i < count; i++) {
            service.handle(sent);
        }
    }

    private Outcome complaint(String address) {
        return service.handle(SesEvents.of("email-complaint.json").recipient(address).json());
    }

    private static String alarm(String name, String state) {
        return "{\"source\":\"aws.cloudwatch\",\"detail-type\":\"CloudWatch Alarm State Change\",\"detail\":"
                + "{\"alarmName\":\"" + name + "\",\"state\":{\"value\":\"" + state + "\"}}}";
    }

    private Outcome softBounce(String feedbackId, Instant at) {
        return service.handle(SesEvents.of("email-bounced-transient.json").feedbackId(feedbackId).reportedAt(at)
                .json());
    }

    private RejectReason refused(String body) {
        return assertThrows(InvalidInputException.class, () -> service.handle(body)).reason();
    }
}
