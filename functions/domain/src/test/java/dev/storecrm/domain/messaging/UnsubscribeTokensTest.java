package dev.storecrm.domain.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.storecrm.domain.messaging.UnsubscribeTokens.Subject;
import dev.storecrm.domain.messaging.UnsubscribeTokens.Verification;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8);
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
    private final UnsubscribeTokens tokens = new UnsubscribeTokens(KEY, Duration.ofDays(180), NOW);

    @Test
    void aTokenNamesItsSubjectAndNoAddress() {
        String token = tokens.issue(Subject.member("c-1001"));
        Verification.Valid valid = assertInstanceOf(Verification.Valid.class, tokens.verify(token));
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
        Verification refused = tokens.verify(forgedPayload + token.substring(token.indexOf('.')));
        assertEquals(new Verification.Invalid("signature does not match"), refused);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        UnsubscribeTokens other = new UnsubscribeTokens(
                "another key that is long enough to be used!".getBytes(StandardCharsets.UTF_8),
                Duration.ofDays(180), NOW);
        assertEquals(new Verification.Invalid("signature does not match"),
                tokens.verify(other.issue(Subject.member("c-1"))));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = tokens.issue(Subject.member("c-1001"));
        UnsubscribeTokens later = new UnsubscribeTokens(KEY, Duration.ofDays(180),
                Clock.fixed(Instant.parse("2027-05-22T00:00:00Z"), ZoneOffset.UTC));
        assertEquals(new Verification.Invalid("token expired"), later.verify(token));
    }

    @Test
    void garbageIsRefusedWithoutAnException() {
        for (String garbage : new String[] {null, "", "abc", "a.b.c", "!!!.???", "x".repeat(5000)}) {
            assertInstanceOf(Verification.Invalid.class, tokens.verify(garbage), String.valueOf(garbage));
        }
    }
}
