package dev.storecrm.domain.messaging;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed one-click unsubscribe tokens (RFC 8058 links): {@code base64url(v1|subject|expiry)} dot
 * {@code base64url(HMAC-SHA256)}. The subject is {@code m:<customerId>} for a member or
 * {@code a:<address hash>} for an address, so a token names no e-mail address. Verification is
 * constant-time; a forged, altered or expired token is refused with its reason.
 */
public final class UnsubscribeTokens {

    /** What a token unsubscribes: a member, or an address (by its hash). */
    public record Subject(String value) {
        public Subject {
            if (!value.matches("[ma]:[A-Za-z0-9._:/#@+=-]{1,128}")) {
                throw new IllegalArgumentException("a subject is m:<customerId> or a:<address hash>");
            }
        }

        public static Subject member(String customerId) {
            return new Subject("m:" + customerId);
        }

        public static Subject address(String email) {
            return new Subject("a:" + AddressHash.of(email));
        }

        public boolean isMember() {
            return value.startsWith("m:");
        }

        public String id() {
            return value.substring(2);
        }
    }

    /** The outcome of checking a token. */
    public sealed interface Verification {
        record Valid(Subject subject, Instant expiresAt) implements Verification {}

        record Invalid(String reason) implements Verification {}
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Duration validity;
    private final Clock clock;

    public UnsubscribeTokens(byte[] key, Duration validity, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the unsubscribe signing key must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.validity = Objects.requireNonNull(validity);
        this.clock = Objects.requireNonNull(clock);
    }

    public String issue(Subject subject) {
        String payload = "v1|" + subject.value() + "|" + clock.instant().plus(validity).getEpochSecond();
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(bytes) + "." + B64.encodeToString(mac(bytes));
    }

    public Verification verify(String token) {
        if (token == null || token.length() > 1024) {
            return new Verification.Invalid("missing or oversized token");
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return new Verification.Invalid("malformed token");
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = B64_DECODE.decode(token.substring(0, dot));
            signature = B64_DECODE.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return new Verification.Invalid("malformed token");
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            return new Verification.Invalid("signature does not match");
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|");
        if (parts.length != 3 || !parts[0].equals("v1")) {
            return new Verification.Invalid("unknown token version");
        }
        Instant expiresAt;
        Subject subject;
        try {
            expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            subject = new Subject(parts[1]);
        } catch (IllegalArgumentException e) {
            return new Verification.Invalid("malformed token");
        }
        if (!clock.instant().isBefore(expiresAt)) {
            return new Verification.Invalid("token expired");
        }
        return new Verification.Valid(subject, expiresAt);
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JVM", e);
        }
    }
}
