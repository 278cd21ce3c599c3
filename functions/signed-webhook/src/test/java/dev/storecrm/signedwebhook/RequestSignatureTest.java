package dev.storecrm.signedwebhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storecrm.platform.adapter.WebhookSignatures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The signature docs/adapters.md works through, by hand with openssl and in Python, is the one the webhook checks. */
class RequestSignatureTest {

    /** The worked example of docs/adapters.md ("Signing a request"). */
    static final String SECRET = "example-signing-key";
    static final String TIMESTAMP = "1796090400";
    static final String BODY = "{\"id\":\"evt-20261201-0001\",\"type\":\"OrderPaid\",\"version\":1,"
            + "\"occurredAt\":\"2026-12-01T10:00:00+08:00\",\"body\":{\"orderId\":\"o-7001\",\"customerId\":\"c-1001\","
            + "\"amount\":{\"amount\":9900,\"currency\":\"CNY\"}}}";
    static final String SIGNATURE = "e0e8791a3cccf4eaada5f0940fabc221a179e0e9346d8d537482f89c64393771";

    @Test
    void theDocumentedExampleSignsAsTheDocumentSays() {
        byte[] signature = WebhookSignatures.timestamped(SECRET.getBytes(StandardCharsets.UTF_8), TIMESTAMP,
                BODY.getBytes(StandardCharsets.UTF_8));
        assertEquals(SIGNATURE, HexFormat.of().formatHex(signature));
        RequestSignature check = new RequestSignature(SECRET.getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5),
                Clock.fixed(Instant.ofEpochSecond(Long.parseLong(TIMESTAMP) + 60), ZoneOffset.UTC));
        assertEquals(Optional.empty(), check.check(Optional.of(TIMESTAMP), Optional.of("v1=" + SIGNATURE),
                BODY.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.of("X-StoreCRM-Signature does not match the timestamp and body"),
                check.check(Optional.of(TIMESTAMP), Optional.of("v1=" + SIGNATURE.toUpperCase().replace('E', 'F')),
                        BODY.getBytes(StandardCharsets.UTF_8)));
    }
}
