package dev.storecrm.domain.member;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An operator's change of a member's status (会员管理: freeze and unfreeze, cancel and restore), with
 * who made it, why, and the caller's request key. It is checked against the member's status now
 * ({@link #refusal}) and then travels as a canonical MemberUpdated event ({@link #event}) on the path
 * every status change takes, so ordering by stamp, de-duplication and rejects are the archive's own.
 * The event's id comes from the member and the request key: a request sent again is the same event,
 * and the archive keeps one change per event id (the earliest stamp of it).
 */
public record StatusAction(Kind kind, String requestKey, String reason, String actor) {

    /** The actions, each with the status it sets and the only status it starts from. */
    public enum Kind {
        FREEZE(MembershipStatus.FROZEN),
        UNFREEZE(MembershipStatus.ACTIVE),
        CANCEL(MembershipStatus.CANCELLED),
        RESTORE(MembershipStatus.ACTIVE);

        private final MembershipStatus target;

        Kind(MembershipStatus target) {
            this.target = target;
        }

        public MembershipStatus target() {
            return target;
        }

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> fromWire(String name) {
            for (Kind kind : values()) {
                if (kind.wire().equals(name)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** The source of the events operators' actions become. */
    public static final String SOURCE = "storecrm-member-actions";

    private static final ObjectMapper JSON = new ObjectMapper();

    public StatusAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(requestKey, "requestKey");
        Objects.requireNonNull(actor, "actor");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an operator's action says why");
        }
    }

    /**
     * Why a member of status {@code current} cannot have this action, in words; empty when it can.
     * Freeze needs an active member, unfreeze a frozen one, cancel an active or frozen one, restore a
     * cancelled one; a customer who is not a member has no membership to change.
     */
    public Optional<String> refusal(MembershipStatus current) {
        if (current == MembershipStatus.NONE) {
            return Optional.of("the customer is not a member, so there is no membership to " + kind.wire());
        }
        boolean allowed = switch (kind) {
            case FREEZE -> current == MembershipStatus.ACTIVE;
            case UNFREEZE -> current == MembershipStatus.FROZEN;
            case CANCEL -> current == MembershipStatus.ACTIVE || current == MembershipStatus.FROZEN;
            case RESTORE -> current == MembershipStatus.CANCELLED;
        };
        if (allowed) {
            return Optional.empty();
        }
        String why = switch (kind) {
            case FREEZE -> current == MembershipStatus.FROZEN ? "is already frozen"
                    : "is cancelled: restore the membership first";
            case UNFREEZE -> "is " + current.wire() + ", not frozen";
            case CANCEL -> "is already cancelled";
            case RESTORE -> "is " + current.wire() + ", not cancelled";
        };
        return Optional.of("the membership " + why);
    }

    /** The id of the event this action becomes: the same for the same member and request key. */
    public static String eventId(String customerId, String requestKey) {
        return "op-" + UUID.nameUUIDFromBytes((customerId + "\n" + requestKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The canonical MemberUpdated event (contract version 1) this action becomes, made at {@code at}. */
    public String event(String customerId, Instant at) {
        ObjectNode event = JSON.createObjectNode();
        event.put("id", eventId(customerId, requestKey));
        event.put("type", "MemberUpdated");
        event.put("version", 1);
        event.put("occurredAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(ZoneOffset.UTC)));
        event.put("source", SOURCE);
        ObjectNode body = event.putObject("body");
        body.put("customerId", customerId);
        body.putObject("membership").put("status", kind.target().wire()).put("reason", reason).put("actor", actor);
        return event.toString();
    }
}
