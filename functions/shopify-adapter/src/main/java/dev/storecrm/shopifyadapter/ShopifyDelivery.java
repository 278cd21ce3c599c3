package dev.storecrm.shopifyadapter;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.platform.adapter.Payload;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * One Shopify webhook as its Amazon EventBridge partner event source delivers it: the {@code detail}
 * of a {@code shopifyWebhook} event, holding the REST payload in {@code payload} and the
 * {@code X-Shopify-*} headers in {@code metadata} (names in any case). No HMAC is checked: only
 * Shopify can put events on its partner event source, so the transport is the proof.
 *
 * @param eventId     {@code X-Shopify-Event-Id}, the same on every re-delivery of an event (else
 *                    {@code X-Shopify-Webhook-Id}); canonical ids are derived from it
 * @param triggeredAt {@code X-Shopify-Triggered-At}, when the event happened in Shopify
 * @param test        {@code X-Shopify-Test}: a test notification sent from the admin
 */
record ShopifyDelivery(String topic, String eventId, Optional<OffsetDateTime> triggeredAt, Optional<String> shopDomain,
                       boolean test, Payload payload) {

    static final String SOURCE = "shopify-adapter";

    static ShopifyDelivery read(String detailJson) {
        Payload detail = Payload.parse(detailJson, "detail");
        Payload metadata = detail.object("metadata");
        String topic = header(metadata, "X-Shopify-Topic")
                .orElseThrow(() -> Payload.violation("detail.metadata.X-Shopify-Topic", "is required"));
        if (!topic.matches("[a-z_]{1,64}/[a-z_]{1,64}")) {
            throw Payload.violation("detail.metadata.X-Shopify-Topic", "is not a topic such as orders/create");
        }
        String eventId = header(metadata, "X-Shopify-Event-Id").or(() -> header(metadata, "X-Shopify-Webhook-Id"))
                .orElseThrow(() -> Payload.violation("detail.metadata.X-Shopify-Event-Id", "is required"));
        if (!eventId.matches("[A-Za-z0-9-]{1,64}")) {
            throw Payload.violation("detail.metadata.X-Shopify-Event-Id", "is not an event id");
        }
        Optional<OffsetDateTime> triggeredAt = header(metadata, "X-Shopify-Triggered-At").map(at -> {
            try {
                return OffsetDateTime.parse(at);
            } catch (DateTimeParseException e) {
                throw Payload.violation("detail.metadata.X-Shopify-Triggered-At", "is not an ISO-8601 date-time");
            }
        });
        boolean test = header(metadata, "X-Shopify-Test").map(Boolean::parseBoolean).orElse(false);
        return new ShopifyDelivery(topic, eventId, triggeredAt, header(metadata, "X-Shopify-Shop-Domain"), test,
                detail.object("payload"));
    }

    /** The canonical id of the event of this type mapped from this delivery: one per Shopify event and type. */
    String canonicalId(String type) {
        return "shopify:" + eventId + ":" + type;
    }

    /** When the event happened: the payload's own time where it has one, else when Shopify triggered it. */
    OffsetDateTime at(Optional<OffsetDateTime> payloadTime) {
        return payloadTime.or(() -> triggeredAt).orElseThrow(() ->
                Payload.violation("detail.metadata.X-Shopify-Triggered-At",
                        "is required when the payload has no time"));
    }

    private static Optional<String> header(Payload metadata, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = metadata.node().fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equalsIgnoreCase(name) && field.getValue().isValueNode() && !field.getValue().isNull()) {
                String value = field.getValue().asText().trim();
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
