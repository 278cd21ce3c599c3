package dev.storecrm.platform.adapter;

import dev.storecrm.domain.event.EventType;
import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.money.Money;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A canonical event ({@code events/schemas/}) an adapter builds from a platform's payload: envelope plus a body the
 * mapping fills in. The adapter publishes only what {@code EventParser} accepts ({@link AdapterPublisher}), so a
 * mapping mistake is refused at the edge with its reason instead of by every consumer.
 *
 * <p>The event says the lowest contract version that has everything it carries: the version that introduced its
 * type, raised by {@link #putSince} for a field a later version added. An event of contract version 1 content
 * stays version 1, so that consumers of an older build (for the minutes a deployment takes) still read it.
 */
public final class CanonicalEvent {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final String type;
    private final ObjectNode root;
    private final ObjectNode body;

    private CanonicalEvent(String id, String type, OffsetDateTime occurredAt, String source) {
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
        this.root = JSON.createObjectNode();
        root.put("id", id);
        root.put("type", type);
        root.put("version", EventType.fromWire(type).orElseThrow(() ->
                new IllegalArgumentException("not a canonical event type: " + type)).since());
        root.put("occurredAt", time(occurredAt));
        root.put("source", source);
        this.body = root.putObject("body");
    }

    /**
     * @param id         derived from the platform's event or resource ids, so that a re-delivery
     *                   gives the same id and is de-duplicated downstream
     * @param occurredAt when it happened, with the platform's offset where it gives one
     */
    public static CanonicalEvent of(String id, String type, OffsetDateTime occurredAt, String source) {
        return new CanonicalEvent(id, type, occurredAt, source);
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public ObjectNode body() {
        return body;
    }

    /** Sets a text field of the body when there is a value. */
    public CanonicalEvent put(String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
        return this;
    }

    /**
     * Sets a field that contract version {@code since} added (a guest's consent on a cart, a dispute's customer),
     * and marks the event with that version at least.
     */
    public CanonicalEvent putSince(int since, String field, JsonNode value) {
        body.set(field, value);
        if (root.get("version").asInt() < since) {
            root.put("version", since);
        }
        return this;
    }

    public CanonicalEvent put(String field, Money money) {
        body.set(field, money(money));
        return this;
    }

    public static ObjectNode money(Money money) {
        return JSON.createObjectNode().put("amount", money.minor()).put("currency", money.currency().getCurrencyCode());
    }

    /** A date-time as the contract writes it: ISO 8601 with seconds and the offset. */
    public static String time(OffsetDateTime at) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at);
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public static ArrayNode array() {
        return JSON.createArrayNode();
    }

    public String json() {
        return root.toString();
    }

    @Override
    public String toString() {
        return json();
    }
}
