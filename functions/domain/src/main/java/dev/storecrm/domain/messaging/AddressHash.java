package dev.storecrm.domain.messaging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An e-mail address as it is kept where the address itself is not needed (the suppression list,
 * unsubscribe links, logs): SHA-256 of its {@linkplain EmailAddress#normalised normalised form}, in hex, so that
 * every lookup of an address matches however its case was written.
 */
public final class AddressHash {

    private AddressHash() {}

    public static String of(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(EmailAddress.normalised(email).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
