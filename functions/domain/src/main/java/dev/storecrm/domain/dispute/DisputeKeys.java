package dev.storecrm.domain.dispute;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Business keys of the dispute workflow's messages, ids only: {@code DISPUTE#<id>#<deadline>#<step>}
 * for the chase ({@code DISPUTE#d-4001#seller-response-20261114T1900Z#24h}), {@code DISPUTE#<id>#ack},
 * {@code DISPUTE#<id>#apology}, {@code DISPUTE#<id>#resolved} and {@code DISPUTE#<id>#progress-<change>}
 * for the customer. A long id is shortened to a hash so that every key fits the 128 characters
 * the outbox allows; the same id always gives the same key.
 */
public final class DisputeKeys {

    private DisputeKeys() {}

    public static String chase(String disputeId, ChaseStep step) {
        return prefix(disputeId) + "#" + step.deadline().key() + "#" + step.name();
    }

    public static String customer(String disputeId, String moment) {
        return prefix(disputeId) + "#" + moment;
    }

    /** An id short enough to be part of a key: itself up to 40 characters, else a hash of it. */
    static String shortId(String id) {
        return id.length() <= 40 ? id : "h" + sha256(id).substring(0, 32);
    }

    private static String prefix(String disputeId) {
        return "DISPUTE#" + (disputeId.length() <= 64 ? disputeId : "h" + sha256(disputeId).substring(0, 32));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
