package dev.storecrm.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A hash that every run, machine and JVM computes alike (unlike {@link String#hashCode}, which is
 * not meant to be kept): the first eight bytes of SHA-256, for spreading subjects evenly and
 * repeatably over a range (a member's place in the go-live ramp, a holdout group).
 */
public final class StableHash {

    private StableHash() {}

    /** The subject's place in {@code [0, range)}. */
    public static long bucket(String subject, long range) {
        if (range <= 0) {
            throw new IllegalArgumentException("range must be positive: " + range);
        }
        return Long.remainderUnsigned(of(subject), range);
    }

    static long of(String subject) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        long hash = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            hash = (hash << 8) | (digest[i] & 0xff);
        }
        return hash;
    }
}
