package dev.storecrm.domain.caremail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailRefusalsTest {

    private static InboundMail mail(String from, String subject, Map<String, String> headers) {
        return new InboundMail("m-1@example.com", from, Optional.empty(), List.of("care@store.example"), subject,
                "text", false, List.of(), List.of(), headers, Instant.parse("2027-01-04T01:00:00Z"), "inbound/x");
    }

    @Test
    void aPersonsMailIsTaken() {
        assertEquals(Optional.empty(), MailRefusals.automatic(mail("ann@example.com", "Where is my order?",
                Map.of("auto-submitted", "no", "return-path", "<ann@example.com>"))));
        assertEquals(Optional.empty(), MailRefusals.byVerdicts("PASS", "PASS"));
        assertEquals(Optional.empty(), MailRefusals.byVerdicts("GRAY", "PROCESSING_FAILED"));
    }

    @Test
    void automaticMailIsRefusedWithItsReason() {
        assertEquals(Optional.of("auto-reply: Auto-Submitted auto-replied"), MailRefusals.automatic(
                mail("ann@example.com", "Re: order", Map.of("auto-submitted", "auto-replied; owner-email=x"))));
        assertEquals(Optional.of("auto-reply: X-Autoreply header"), MailRefusals.automatic(
                mail("ann@example.com", "Re: order", Map.of("x-autoreply", "yes"))));
        assertEquals(Optional.of("auto-reply: Precedence bulk"), MailRefusals.automatic(
                mail("ann@example.com", "News", Map.of("precedence", "bulk"))));
        assertEquals(Optional.of("auto-reply: out-of-office subject"), MailRefusals.automatic(
                mail("ann@example.com", "Out of Office: Re: your order", Map.of())));
        assertEquals(Optional.of("auto-reply: out-of-office subject"), MailRefusals.automatic(
                mail("li@example.cn", "自动回复：我正在休假", Map.of())));
    }

    @Test
    void bouncesAreRefusedSoThatNoLoopStarts() {
        String reason = "bounce: delivery status notification";
        assertEquals(Optional.of(reason), MailRefusals.automatic(mail("mailer-daemon@mx.example.com", "failure",
                Map.of())));
        assertEquals(Optional.of(reason), MailRefusals.automatic(mail("bounces@x.example", "x",
                Map.of("return-path", "<>"))));
        assertEquals(Optional.of(reason), MailRefusals.automatic(mail("x@x.example", "x",
                Map.of("content-type", "multipart/report; report-type=delivery-status; boundary=b"))));
    }

    @Test
    void sesVerdictsRefuseVirusesFirstThenSpam() {
        assertEquals(Optional.of("SES virus verdict FAIL"), MailRefusals.byVerdicts("FAIL", "FAIL"));
        assertEquals(Optional.of("SES spam verdict FAIL"), MailRefusals.byVerdicts("FAIL", "PASS"));
    }
}
