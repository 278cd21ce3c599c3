package dev.storecrm.domain.messaging;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed tokens of the links a mail carries: {@code base64url(v1|subject|expiry)} dot
 * {@code base64url(HMAC-SHA256)}. The subject names the link's {@link Purpose} and what it acts on:
 * {@code m:<customerId>} (unsubscribe a member), {@code a:<address hash>} (unsubscribe an address) or
 * {@code f:<customerId>,<orderId>} (answer the follow-up of an order), so a token names no e-mail address.
 * Whoever verifies a token says which purpose it serves: an unsubscribe link cannot answer a follow-up, nor
 * a follow-up link unsubscribe. Verification is constant-time; a forged, altered, expired or misdirected token
 * is refused with its reason.
 */
public final class LinkTokens {

    /** What a link is for. */
    public enum Purpose { UNSUBSCRIBE, ORDER_FEEDBACK }

    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._:/#@+=-]{0,127}";

    /** What a token acts on: a member or an address (by its hash) to unsubscribe, or a member's order. */
    public record Subject(String value) {
        public Subject {
            if (!value.matches("[ma]:[A-Za-z0-9._:/#@+=-]{1,128}|f:" + ID + "," + ID)) {
                throw new IllegalArgumentException(
                        "a subject is m:<customerId>, a:<address hash> or f:<customerId>,<orderId>");
            }
        }

        public static Subject member(String customerId) {
            return new Subject("m:" + customerId);
        }

        public static Subject address(String email) {
            return new Subject("a:" + AddressHash.of(email));
        }

        /** The follow-up of a member's order. */
        public static Subject orderFeedback(String customerId, String orderId) {
            return new Subject("f:" + customerId + "," + orderId);
        }

        public Purpose purpose() {
            return value.startsWith("f:") ? Purpose.ORDER_FEEDBACK : Purpose.UNSUBSCRIBE;
        }

        public boolean isMember() {
            return value.startsWith("m:");
        }

        /** The member, the address hash, or (for an order's follow-up) the member. */
        public String id() {
            return ids().getFirst();
        }

        /** The order of a follow-up's subject. */
        public String orderId() {
            if (purpose() != Purpose.ORDER_FEEDBACK) {
                throw new IllegalStateException("only a follow-up's subject names an order");
            }
            return ids().getLast();
        }

        private List<String> ids() {
            return List.of(value.substring(2).split(",", 2));
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

    public LinkTokens(byte[] key, Duration validity, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the link signing key must have at least 32 bytes");
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

    /** Checks a token for one purpose: a valid token for another purpose is refused. */
    public Verification verify(String token, Purpose purpose) {
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
        if (subject.purpose() != purpose) {
            return new Verification.Invalid("token is for another purpose");
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
