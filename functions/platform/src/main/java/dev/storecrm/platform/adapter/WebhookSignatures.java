package dev.storecrm.platform.adapter;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signatures of the two webhooks checked by signature: HMAC-SHA256, the signed webhook's
 * timestamped form, and a comparison that takes the same time however early two values differ.
 * The adapters check them; {@link SignedDeliveries} makes them, as a sender would.
 */
public final class WebhookSignatures {

    /** The signed webhook's header: the Unix time in seconds when the request was signed. */
    public static final String STORECRM_TIMESTAMP = "X-StoreCRM-Timestamp";
    /** The signed webhook's header: {@code v1=} and the hex {@link #timestamped} signature. */
    public static final String STORECRM_SIGNATURE = "X-StoreCRM-Signature";
    /** WooCommerce's header: the base64 HMAC-SHA256 of the raw body. */
    public static final String WOOCOMMERCE_SIGNATURE = "X-WC-Webhook-Signature";

    private WebhookSignatures() {}

    public static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    /** The signed webhook's signature of a request: HMAC-SHA256 of the timestamp, {@code .} and the body. */
    public static byte[] timestamped(byte[] secret, String timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return hmacSha256(secret, signed);
    }

    /** Constant-time equality ({@link MessageDigest#isEqual}); {@code null} never matches. */
    public static boolean same(byte[] expected, byte[] given) {
        return expected != null && given != null && MessageDigest.isEqual(expected, given);
    }
}
