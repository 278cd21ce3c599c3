package dev.storecrm.sesfeedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.messaging.Category;
import dev.storecrm.domain.messaging.SendLedger;
import dev.storecrm.domain.messaging.SuppressionList;
import dev.storecrm.fixtures.events.SesEvents;
import dev.storecrm.fixtures.memory.InMemorySendLedger;
import dev.storecrm.fixtures.memory.InMemorySuppressions;
import dev.storecrm.sesfeedback.SesFeedbackService.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * SES's reports of our mail with in-memory ports, with the template's defaults: three soft bounces
 * within 30 days suppress an address; a hard bounce or a complaint at once.
 */
class SesFeedbackServiceTest {

    private static final String KEY = "ORDER#o-5001#follow-up";
    private static final String ADDRESS = "member.1001@example.com";
    private static final Instant AT = Instant.parse("2026-11-23T04:00:00Z");

    private final InMemorySuppressions suppressions = new InMemorySuppressions();
    private final InMemorySendLedger ledger = new InMemorySendLedger();
    private final SesFeedbackService service = new SesFeedbackService(suppressions, ledger, 3, Duration.ofDays(30));

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

    private Outcome softBounce(String feedbackId, Instant at) {
        return service.handle(SesEvents.of("email-bounced-transient.json").feedbackId(feedbackId).reportedAt(at)
                .json());
    }

    private RejectReason refused(String body) {
        return assertThrows(InvalidInputException.class, () -> service.handle(body)).reason();
    }
}
