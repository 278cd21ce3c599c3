package dev.storecrm.stripeadapter;

import dev.storecrm.platform.adapter.Payload;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * One Stripe event as its Amazon EventBridge event destination delivers it: the {@code detail} of
 * the EventBridge event is the whole Stripe Event ({@code detail-type} is its {@code type}). Only
 * Stripe can put events on the destination's partner event source, so the transport is the proof
 * of origin; no signature is checked.
 *
 * @param id                 the {@code evt_} id, the same on every re-delivery; canonical ids derive from it
 * @param created            when Stripe created the event
 * @param object             {@code data.object}: the session, refund, dispute or customer as it now is
 * @param previousAttributes {@code data.previous_attributes} of an update: the fields that changed
 */
record StripeEvent(String id, String type, OffsetDateTime created, boolean livemode, Payload object,
                   Optional<Payload> previousAttributes) {

    static final String SOURCE = "stripe-adapter";

    static StripeEvent read(String detailJson) {
        Payload event = Payload.parse(detailJson, "detail");
        String id = event.text("id");
        if (!id.matches("evt_[A-Za-z0-9]{1,100}")) {
            throw Payload.violation("detail.id", "is not a Stripe event id (evt_...)");
        }
        String type = event.text("type");
        if (!type.matches("[a-z_]{1,40}(\\.[a-z_]{1,40}){1,3}")) {
            throw Payload.violation("detail.type", "is not a Stripe event type such as charge.dispute.created");
        }
        Payload data = event.object("data");
        return new StripeEvent(id, type, Instant.ofEpochSecond(event.integer("created")).atOffset(ZoneOffset.UTC),
                event.bool("livemode"), data.object("object"), data.optionalObject("previous_attributes"));
    }

    /** The canonical id of the event of this type mapped from this Stripe event. */
    String canonicalId(String canonicalType) {
        return "stripe:" + id + ":" + canonicalType;
    }
}
