package dev.storecrm.simulation.platform;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One canonical event the simulated store planned (what happened, in the store's own ids), read
 * by a platform's voice, which says it in the platform's payloads and answers the canonical event
 * the adapter should publish for it: the same facts under the platform's ids ({@link #as}).
 */
record Intent(ObjectNode event) {

    /** How the store's ids read in the system when a platform carries them. */
    record Names(UnaryOperator<String> customer, UnaryOperator<String> order, UnaryOperator<String> cart,
                 UnaryOperator<String> dispute) {}

    String type() {
        return event.path("type").asText();
    }

    String id() {
        return event.path("id").asText();
    }

    Instant at() {
        return Instant.parse(event.path("occurredAt").asText());
    }

    ObjectNode body() {
        return (ObjectNode) event.path("body");
    }

    String text(String field) {
        return body().path(field).asText();
    }

    Optional<String> optional(String field) {
        JsonNode value = body().get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    /** The amount in minor units of a money field of the body ({@code total}, {@code amount}). */
    long minor(String field) {
        return body().path(field).path("amount").asLong();
    }

    /** The profile of a member event (empty if it has none). */
    ObjectNode profile() {
        JsonNode profile = body().get("profile");
        return profile instanceof ObjectNode object ? object : Samples.JSON.createObjectNode();
    }

    /** The lines of an order or a cart. */
    List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        body().path("lines").forEach(line -> lines.add(new Line(line.path("sku").asText(), line.path("name").asText(),
                line.path("quantity").asLong(), line.path("unitPrice").path("amount").asLong())));
        return lines;
    }

    /** The coupon codes of an order. */
    List<String> codes() {
        List<String> codes = new ArrayList<>();
        body().path("couponCodes").forEach(code -> codes.add(code.asText()));
        return codes;
    }

    /** The event as the system should hear it: its ids renamed, everything else as it was. */
    ObjectNode as(Names names) {
        ObjectNode told = event.deepCopy();
        ObjectNode body = (ObjectNode) told.get("body");
        rename(body, "customerId", names.customer());
        rename(body, "orderId", names.order());
        rename(body, "cartId", names.cart());
        rename(body, "disputeId", names.dispute());
        return told;
    }

    private static void rename(ObjectNode body, String field, UnaryOperator<String> name) {
        if (body.hasNonNull(field)) {
            body.put(field, name.apply(body.get(field).asText()));
        }
    }
}
