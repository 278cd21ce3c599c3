package dev.storecrm.domain.member;

import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

/**
 * An operator's action on a member (会员管理), with who made it, why, and the caller's request key.
 * It is checked against the member's state now ({@link #refusal}) and then travels as a canonical
 * MemberUpdated event ({@link #event}) on the path every member change takes, so ordering by stamp,
 * de-duplication and rejects are the archive's own (a points adjustment goes to the points ledger
 * instead, {@link PointsAction}). The event's id comes from the member and the
 * request key ({@link #eventId}): a request sent again is the same event, and the archive keeps one
 * change per event id (the earliest stamp of it).
 */
public sealed interface OperatorAction permits StatusAction, TierAction, PointsAction {

    /** The source of the events operators' actions become. */
    String SOURCE = "storecrm-member-actions";

    String requestKey();

    String reason();

    String actor();

    /** The action's name on the wire: freeze, unfreeze, cancel, restore, tier, points. */
    String wire();

    /** Why a member of status {@code current} cannot have this action, in words; empty when it can. */
    Optional<String> refusal(MembershipStatus current);

    /** The event (MemberUpdated, contract version 1; or a {@link PointsAction#TYPE}) this action becomes. */
    String event(String customerId, Instant at);

    /** The id of the event an action becomes: the same for the same member and request key. */
    static String eventId(String customerId, String requestKey) {
        return "op-" + UUID.nameUUIDFromBytes((customerId + "\n" + requestKey).getBytes(StandardCharsets.UTF_8));
    }

    /** A MemberUpdated event of an action, its body holding only the customer id so far. */
    static ObjectNode memberUpdated(String customerId, String requestKey, Instant at) {
        ObjectNode event = new ObjectMapper().createObjectNode();
        event.put("id", eventId(customerId, requestKey));
        event.put("type", "MemberUpdated");
        event.put("version", 1);
        event.put("occurredAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(ZoneOffset.UTC)));
        event.put("source", SOURCE);
        event.putObject("body").put("customerId", customerId);
        return event;
    }
}
