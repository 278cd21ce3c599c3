package dev.storecrm.domain.messaging;

import static dev.storecrm.domain.messaging.LinkTokens.Purpose.ORDER_FEEDBACK;
import static dev.storecrm.domain.messaging.LinkTokens.Purpose.UNSUBSCRIBE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storecrm.domain.messaging.LinkTokens.Subject;
import dev.storecrm.domain.messaging.LinkTokens.Verification;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class LinkTokensTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8);
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
    private final LinkTokens tokens = new LinkTokens(KEY, Duration.ofDays(180), NOW);

    @Test
    void aTokenNamesItsSubjectAndNoAddress() {
        String token = tokens.issue(Subject.member("c-1001"));
        Verification.Valid valid = assertInstanceOf(Verification.Valid.class, tokens.verify(token, UNSUBSCRIBE));
        assertEquals(Subject.member("c-1001"), valid.subject());
        assertEquals(Instant.parse("2027-05-22T00:00:00Z"), valid.expiresAt());
        assertFalse(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8)
                .contains("@"));
    }

    @Test
    void aTokenWithAnAlteredSubjectIsRefused() {
        String token = tokens.issue(Subject.member("c-1001"));
        String forgedPayload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("v1|m:c-1002|1900000000".getBytes(StandardCharsets.UTF_8));
        Verification refused = tokens.verify(forgedPayload + token.substring(token.indexOf('.')), UNSUBSCRIBE);
        assertEquals(new Verification.Invalid("signature does not match"), refused);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        LinkTokens other = new LinkTokens(
                "another key that is long enough to be used!".getBytes(StandardCharsets.UTF_8),
                Duration.ofDays(180), NOW);
        assertEquals(new Verification.Invalid("signature does not match"),
                tokens.verify(other.issue(Subject.member("c-1")), UNSUBSCRIBE));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = tokens.issue(Subject.member("c-1001"));
        LinkTokens later = new LinkTokens(KEY, Duration.ofDays(180),
                Clock.fixed(Instant.parse("2027-05-22T00:00:00Z"), ZoneOffset.UTC));
        assertEquals(new Verification.Invalid("token expired"), later.verify(token, UNSUBSCRIBE));
    }

    @Test
    void garbageIsRefusedWithoutAnException() {
        for (String garbage : new String[] {null, "", "abc", "a.b.c", "!!!.???", "x".repeat(5000)}) {
            assertInstanceOf(Verification.Invalid.class, tokens.verify(garbage, UNSUBSCRIBE), String.valueOf(garbage));
        }
    }

    @Test
    void aFollowUpTokenNamesTheMemberAndTheOrderAndServesOnlyTheFollowUp() {
        LinkTokens feedback = new LinkTokens(KEY, Duration.ofDays(60), NOW);
        String token = feedback.issue(Subject.orderFeedback("c-1001", "o-77#2"));
        Verification.Valid valid = assertInstanceOf(Verification.Valid.class, feedback.verify(token, ORDER_FEEDBACK));
        assertEquals("c-1001", valid.subject().id());
        assertEquals("o-77#2", valid.subject().orderId());
        assertEquals(Instant.parse("2027-01-22T00:00:00Z"), valid.expiresAt());
        assertEquals(new Verification.Invalid("token is for another purpose"), feedback.verify(token, UNSUBSCRIBE),
                "a follow-up link must not unsubscribe anyone");
        assertEquals(new Verification.Invalid("token is for another purpose"),
                feedback.verify(feedback.issue(Subject.member("c-1001")), ORDER_FEEDBACK));
    }

    @Test
    void aFollowUpTokenExpiresAfterItsValidity() {
        String token = new LinkTokens(KEY, Duration.ofDays(60), NOW).issue(Subject.orderFeedback("c-1", "o-1"));
        LinkTokens day59 = new LinkTokens(KEY, Duration.ofDays(60),
                Clock.fixed(Instant.parse("2027-01-21T23:59:59Z"), ZoneOffset.UTC));
        LinkTokens day60 = new LinkTokens(KEY, Duration.ofDays(60),
                Clock.fixed(Instant.parse("2027-01-22T00:00:00Z"), ZoneOffset.UTC));
        assertInstanceOf(Verification.Valid.class, day59.verify(token, ORDER_FEEDBACK));
        assertEquals(new Verification.Invalid("token expired"), day60.verify(token, ORDER_FEEDBACK));
    }

    @Test
    void aFollowUpSubjectRefusesIdsThatWouldBlurItsParts() {
        assertThrows(IllegalArgumentException.class, () -> Subject.orderFeedback("c-1,o-2", "o-3"));
        assertThrows(IllegalArgumentException.class, () -> Subject.orderFeedback("c-1", "o|2"));
        assertThrows(IllegalArgumentException.class, () -> Subject.orderFeedback("", "o-2"));
    }
}
