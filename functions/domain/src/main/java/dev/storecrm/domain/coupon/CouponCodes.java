package dev.storecrm.domain.coupon;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Coupon codes derived from the business key with a secret key: {@code CART-7K3M9Q2X4T}. The same
 * business key always gives the same code (issuing twice cannot make two coupons), and without the
 * key no one can guess a valid code. Ten characters of Crockford's base32 (no I, L, O, U) carry 50
 * bits; a collision between two business keys is detected when the coupon is stored.
 */
public final class CouponCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int LENGTH = 10;

    private final SecretKeySpec key;

    public CouponCodes(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the coupon code key must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** The code for a business key, prefixed with (up to four letters of) the campaign: {@code CART-...}. */
    public String codeFor(String campaign, String businessKey) {
        byte[] digest;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            digest = mac.doFinal(businessKey.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JVM", e);
        }
        StringBuilder code = new StringBuilder(prefix(campaign)).append('-');
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (digest[i] & 0xff);
        }
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET[(int) ((bits >>> (64 - 5 * (i + 1))) & 31)]);
        }
        return code.toString();
    }

    private static String prefix(String campaign) {
        String letters = campaign.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        return letters.isEmpty() ? "CPN" : letters.substring(0, Math.min(4, letters.length()));
    }
}
