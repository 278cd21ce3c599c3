package dev.storecrm.smsoptout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.messaging.SuppressionList;
import dev.storecrm.fixtures.memory.InMemorySuppressions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmsOptOutServiceTest {

    private static final Instant NOW = Instant.parse("2027-01-04T02:00:00Z");
    private static final String NUMBER = "+8613800138000";

    private final InMemorySuppressions suppressions = new InMemorySuppressions();
    private final SmsOptOutService service = new SmsOptOutService(suppressions,
            SmsOptOutService.keywords(SmsOptOutService.DEFAULT_KEYWORDS), Clock.fixed(NOW, ZoneOffset.UTC));

    private static String reply(String from, String text) {
        return "{\"originationNumber\":\"" + from + "\",\"destinationNumber\":\"+12125550101\",\"messageKeyword\":"
                + "\"KEYWORD_111122223333\",\"messageBody\":\"" + text + "\",\"inboundMessageId\":\"in-1\","
                + "\"previousPublishedMessageId\":\"out-1\"}";
    }

    private Optional<SuppressionList.Suppression> suppression() {
        return suppressions.find(NUMBER, Optional.empty());
    }

    @Test
    void eachOptOutKeywordWithdrawsMarketingByTextToTheNumber() {
        for (String keyword : List.of("STOP", "stop", " Stop. ", "退订", "R", "r", "REVOKE", "退订。")) {
            InMemorySuppressions fresh = new InMemorySuppressions();
            SmsOptOutService optOut = new SmsOptOutService(fresh, SmsOptOutService.keywords("STOP,退订,R,REVOKE"),
                    Clock.fixed(NOW, ZoneOffset.UTC));
            assertEquals(SmsOptOutService.Outcome.OPTED_OUT, optOut.handle(reply(NUMBER, keyword)), keyword);
            SuppressionList.Suppression stop = fresh.find(NUMBER, Optional.empty()).orElseThrow();
            assertEquals(SuppressionList.Reason.UNSUBSCRIBED, stop.reason());
            assertEquals(SuppressionList.Scope.MARKETING, stop.scope(), "service texts are not marketing");
            assertEquals(NOW, stop.since());
        }
    }

    @Test
    void anyOtherReplyChangesNothing() {
        for (String text : List.of("Thanks!", "STOP IT NOW", "RR", "when is my order coming")) {
            assertEquals(SmsOptOutService.Outcome.IGNORED, service.handle(reply(NUMBER, text)), text);
        }
        assertTrue(suppression().isEmpty());
    }

    @Test
    void theServicesOwnOptedOutEventWithdrawsItToo() {
        String event = "{\"version\":\"0\",\"source\":\"aws.sms-voice\",\"detail-type\":\"Text Message Delivery Status "
                + "Updated\",\"detail\":{\"eventType\":\"TEXT_BLOCKED\",\"destinationPhoneNumber\":\"" + NUMBER
                + "\",\"messageStatus\":\"OPTED_OUT\",\"messageType\":\"PROMOTIONAL\"}}";
        assertEquals(SmsOptOutService.Outcome.OPTED_OUT, service.handle(event));
        assertTrue(suppression().isPresent());
        String delivered = event.replace("OPTED_OUT", "DELIVERED");
        InMemorySuppressions other = new InMemorySuppressions();
        assertEquals(SmsOptOutService.Outcome.IGNORED, new SmsOptOutService(other,
                SmsOptOutService.keywords("STOP"), Clock.fixed(NOW, ZoneOffset.UTC)).handle(delivered));
        assertTrue(other.find(NUMBER, Optional.empty()).isEmpty());
    }

    @Test
    void aPayloadThatIsNeitherOrANumberNotInE164IsRejectedWithItsReason() {
        assertEquals(RejectReason.MALFORMED_JSON,
                assertThrows(InvalidInputException.class, () -> service.handle("STOP")).reason());
        assertEquals(RejectReason.NOT_FOR_THIS_CONSUMER,
                assertThrows(InvalidInputException.class, () -> service.handle("{\"source\":\"aws.ses\"}")).reason());
        assertEquals(RejectReason.SCHEMA_VIOLATION,
                assertThrows(InvalidInputException.class, () -> service.handle(reply("13800138000", "STOP"))).reason());
    }
}
