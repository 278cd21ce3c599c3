package dev.storecrm.domain.event;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.JsonFields;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.JsonParser;
import dev.storecrm.domain.json.tree.JsonProcessingException;
import dev.storecrm.domain.json.tree.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * Reads canonical events ({@code events/schemas/}, contract versions {@value #EARLIEST_VERSION} to
 * {@value #LATEST_VERSION}) from JSON. Anything that does not fit the contract is an {@link InvalidInputException}
 * naming the field and the rule. The receiving consumer's clock is given so that an event from the future is
 * refused ({@link EventLimits}).
 *
 * <p><b>Versions.</b> Version 2 adds to version 1 and takes nothing away: every version 1 event is read as before.
 * An event says the lowest version that has everything it carries (or a later one): a type or a field of version 2
 * in an event that says 1 is refused, so a consumer built for version 1 refuses a version 2 event as
 * {@code UNSUPPORTED_VERSION} rather than misreading it.
 */
public final class EventParser {

    /** The first contract version, which every later one reads as it was. */
    public static final int EARLIEST_VERSION = 1;
    /** The latest contract version this build reads. */
    public static final int LATEST_VERSION = 2;

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> ENVELOPE = Set.of("id", "type", "version", "occurredAt", "source", "body");

    private EventParser() {}

    /**
     * Parses one event of the store's activity from its JSON text, received at the clock's instant: what every
     * journey consumer reads. A privacy request is valid but not theirs: {@code NOT_FOR_THIS_CONSUMER}.
     */
    public static StoreEvent parse(String json, Clock receivedBy) {
        return storeEvent(read(json, receivedBy));
    }

    /** {@link #parse(String, Clock)} from a JSON tree. */
    public static StoreEvent parse(JsonNode root, Clock receivedBy) {
        return storeEvent(read(root, receivedBy));
    }

    /** Reads any canonical event, store activity or privacy request, from its JSON text (producers, privacy). */
    public static ContractEvent read(String json, Clock receivedBy) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(RejectReason.MALFORMED_JSON,
                    "not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidInputException(RejectReason.MALFORMED_JSON, "empty message body");
        }
        return read(root, receivedBy);
    }

    /** {@link #read(String, Clock)} from a JSON tree. */
    public static ContractEvent read(JsonNode root, Clock receivedBy) {
        JsonFields envelope = JsonFields.object(root, "").allowOnly(ENVELOPE);
        String id = envelope.identifier("id");
        String typeName = envelope.string("type", 64);
        EventType type = EventType.fromWire(typeName).orElseThrow(() -> new InvalidInputException(
                RejectReason.UNKNOWN_EVENT_TYPE, "type '" + typeName.replaceAll("[^A-Za-z0-9]", "?")
                        + "' is not a canonical event type"));
        long version = envelope.integer("version", 1, Integer.MAX_VALUE);
        if (version > LATEST_VERSION) {
            throw new InvalidInputException(RejectReason.UNSUPPORTED_VERSION, type + " version " + version
                    + " is not supported; this build reads versions " + EARLIEST_VERSION + " to " + LATEST_VERSION);
        }
        if (version < type.since()) {
            throw new InvalidInputException(RejectReason.UNSUPPORTED_VERSION, type + " is a type of contract version "
                    + type.since() + "; an event of it cannot say version " + version);
        }
        OffsetDateTime occurredAt = envelope.dateTime("occurredAt");
        EventLimits.requireNotAhead(occurredAt, receivedBy.instant());
        envelope.optionalString("source", 128);
        EventMeta meta = new EventMeta(id, type, (int) version, occurredAt);
        JsonFields body = envelope.object("body");
        return switch (type) {
            case OrderPlaced -> OrderBodies.orderPlaced(meta, body);
            case OrderPaid -> OrderBodies.orderPaid(meta, body);
            case OrderCancelled -> OrderBodies.orderCancelled(meta, body);
            case OrderRefunded -> OrderBodies.orderRefunded(meta, body);
            case CartUpdated -> CartBodies.cartUpdated(meta, body);
            case CheckoutCompleted -> CartBodies.checkoutCompleted(meta, body);
            case MemberRegistered -> MemberBodies.memberRegistered(meta, body);
            case MemberUpdated -> MemberBodies.memberUpdated(meta, body);
            case DisputeOpened -> DisputeBodies.disputeOpened(meta, body);
            case DisputeUpdated -> DisputeBodies.disputeUpdated(meta, body);
            case CustomerDataRequested -> PrivacyBodies.dataRequested(meta, body);
            case CustomerErasureRequested -> PrivacyBodies.erasureRequested(meta, body);
        };
    }

    private static StoreEvent storeEvent(ContractEvent event) {
        return switch (event) {
            case StoreEvent store -> store;
            case PrivacyEvent privacy -> throw new InvalidInputException(RejectReason.NOT_FOR_THIS_CONSUMER,
                    privacy.meta().type() + " is a privacy request, which only the privacy requests consumer reads"
                            + " (check the rules of template.yaml)");
        };
    }
}
