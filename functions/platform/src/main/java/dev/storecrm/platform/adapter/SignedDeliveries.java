package dev.storecrm.platform.adapter;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Requests to the webhooks checked by signature, signed as their senders sign them: a store's
 * backend posting a canonical event to the signed webhook, and WooCommerce delivering a webhook.
 * The adapters' tests, the store simulation and the benchmarks send through these, so there is one
 * description of each signing besides the check.
 */
public final class SignedDeliveries {

    private SignedDeliveries() {}

    /** A canonical event for the signed webhook, signed at {@code timestamp} (Unix seconds) with the secret. */
    public static WebhookRequest signedWebhook(String body, long timestamp, byte[] secret, String requestId) {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        String signature = "v1=" + HexFormat.of().formatHex(WebhookSignatures.timestamped(secret,
                Long.toString(timestamp), raw));
        return new WebhookRequest("POST", Map.of(WebhookSignatures.STORECRM_TIMESTAMP, Long.toString(timestamp),
                WebhookSignatures.STORECRM_SIGNATURE, signature), raw, requestId);
    }

    /** A WooCommerce delivery: its headers ({@code X-WC-Webhook-Topic}, ...) and body, signed with the secret. */
    public static WebhookRequest wooCommerce(Map<String, String> headers, String body, byte[] secret,
                                             String requestId) {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> signed = new HashMap<>(headers);
        signed.put(WebhookSignatures.WOOCOMMERCE_SIGNATURE,
                Base64.getEncoder().encodeToString(WebhookSignatures.hmacSha256(secret, raw)));
        return new WebhookRequest("POST", signed, raw, requestId);
    }
}
