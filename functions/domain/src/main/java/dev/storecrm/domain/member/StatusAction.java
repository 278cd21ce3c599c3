package dev.storecrm.domain.member;

import dev.storecrm.domain.json.tree.ObjectNode;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An operator's change of a member's status: freeze and unfreeze, cancel and restore ({@link OperatorAction}).
 */
public record StatusAction(Kind kind, String requestKey, String reason, String actor) implements OperatorAction {

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
    @Override
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

    @Override
    public String wire() {
        return kind.wire();
    }

    @Override
    public String event(String customerId, Instant at) {
        ObjectNode event = OperatorAction.memberUpdated(customerId, requestKey, at);
        ((ObjectNode) event.get("body")).putObject("membership").put("status", kind.target().wire())
                .put("reason", reason).put("actor", actor);
        return event.toString();
    }
}
