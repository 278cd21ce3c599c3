package dev.storecrm.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SigV4 for AWS_IAM function URLs: what the local cloud lets through to a handler, and what it refuses
 * as Lambda does.
 */
class FunctionUrlSigV4Test {

    private static final URI URL = URI.create("https://disputequeuefunction.lambda-url.us-east-1.on.aws/disputes/d-1/accept?x=1");
    private static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");
    private static final String BODY = "{\"note\":\"ok\"}";

    private static Map<String, String> signed(String secret, Instant at) {
        return FunctionUrlSigV4.sign("POST", URL, Map.of("content-type", "application/json"), BODY, "local", secret,
                "us-east-1", at);
    }

    private static FunctionUrlSigV4.Verdict verify(Map<String, String> headers, String body, Instant now) {
        return FunctionUrlSigV4.verify("POST", URL, headers, body, "local", "local", "us-east-1", now);
    }

    @Test
    void aRequestSignedWithTheCloudsCredentialsIsValid() {
        Map<String, String> headers = signed("local", NOW);
        assertTrue(headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("authorization")), headers.toString());
        assertTrue(verify(headers, BODY, NOW.plus(Duration.ofMinutes(4))).valid(),
                verify(headers, BODY, NOW).refusal().toString());
    }

    @Test
    void unsignedWronglySignedTamperedAndStaleRequestsAreRefused() {
        assertFalse(verify(Map.of("content-type", "application/json"), BODY, NOW).valid(), "unsigned");
        assertFalse(verify(signed("not-the-secret", NOW), BODY, NOW).valid(), "another secret key");
        assertFalse(verify(signed("local", NOW), "{\"note\":\"changed\"}", NOW).valid(), "body changed after signing");
        assertFalse(verify(signed("local", NOW), BODY, NOW.plus(Duration.ofMinutes(6))).valid(), "signed too long ago");
        Map<String, String> otherPath = FunctionUrlSigV4.sign("POST", URI.create(
                "https://disputequeuefunction.lambda-url.us-east-1.on.aws/disputes/d-2/accept?x=1"),
                Map.of("content-type", "application/json"), BODY, "local", "local", "us-east-1", NOW);
        assertFalse(verify(otherPath, BODY, NOW).valid(), "signed for another dispute");
        Map<String, String> otherDate = new HashMap<>(signed("local", NOW));
        otherDate.keySet().stream().filter(h -> h.equalsIgnoreCase("x-amz-date")).findFirst()
                .ifPresent(h -> otherDate.put(h, "20261123T040100Z"));
        assertEquals(false, verify(otherDate, BODY, NOW).valid(), "date changed after signing");
    }
}
