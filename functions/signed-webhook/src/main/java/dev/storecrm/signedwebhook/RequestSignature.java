package dev.storecrm.signedwebhook;

import dev.storecrm.platform.adapter.WebhookSignatures;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Checks a signed webhook request: {@code v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}
 * (any of several comma-separated values may match, for key rotation), compared in constant time,
 * and a timestamp within the tolerance of this clock, either side. Answers the refusal's reason,
 * or nothing when the request is authentic.
 */
final class RequestSignature {

    private final byte[] secret;
    private final Duration tolerance;
    private final Clock clock;

    RequestSignature(byte[] secret, Duration tolerance, Clock clock) {
        this.secret = secret.clone();
        this.tolerance = tolerance;
        this.clock = clock;
    }

    Optional<String> check(Optional<String> timestamp, Optional<String> signatures, byte[] body) {
        if (timestamp.isEmpty() || !timestamp.get().matches("\\d{1,12}")) {
            return Optional.of(SignedWebhookService.TIMESTAMP + " is missing or not a Unix time in seconds");
        }
        if (signatures.isEmpty()) {
            return Optional.of(SignedWebhookService.SIGNATURE + " is missing");
        }
        byte[] expected = WebhookSignatures.timestamped(secret, timestamp.get(), body);
        boolean matches = false;
        for (String value : signatures.get().split(",")) {
            String candidate = value.trim();
            if (candidate.startsWith("v1=") && candidate.substring(3).matches("[0-9a-fA-F]{64}")) {
                matches |= WebhookSignatures.same(expected, HexFormat.of().parseHex(candidate.substring(3)));
            }
        }
        if (!matches) {
            return Optional.of(SignedWebhookService.SIGNATURE + " does not match the timestamp and body");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp.get()));
        if (skew > tolerance.toSeconds()) {
            return Optional.of(SignedWebhookService.TIMESTAMP + " is more than " + tolerance.toMinutes()
                    + " minutes from now: sign each request when it is sent");
        }
        return Optional.empty();
    }
}
