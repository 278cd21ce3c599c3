package dev.storecrm.domain.member;

import dev.storecrm.domain.json.tree.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An operator's tier override ({@link OperatorAction}): the member holds {@code tier} (upgrade or
 * downgrade) until {@code until}, after which the spend rule governs again ({@link MemberSummary}).
 */
public record TierAction(String tier, Instant until, String requestKey, String reason, String actor)
        implements OperatorAction {

    public static final String WIRE = "tier";

    public TierAction {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(requestKey, "requestKey");
        Objects.requireNonNull(actor, "actor");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an operator's action says why");
        }
    }

    @Override
    public String wire() {
        return WIRE;
    }

    /**
     * What is wrong with the override itself, in words: a tier the store's ladder does not have, or an
     * end that is not in the future; empty when it is well formed.
     */
    public Optional<String> invalid(TierLadder ladder, Instant now) {
        if (ladder.rankOf(tier).isEmpty()) {
            List<String> names = new ArrayList<>(List.of(ladder.baseTier()));
            ladder.levels().forEach(level -> names.add(level.name()));
            return Optional.of("the store has no tier " + tier + " (its tiers: " + String.join(", ", names) + ")");
        }
        if (!until.isAfter(now)) {
            return Optional.of("the override's end (until) must be in the future");
        }
        return Optional.empty();
    }

    /** A member's tier can be set while active or frozen; a cancelled membership or a non-member has none. */
    @Override
    public Optional<String> refusal(MembershipStatus current) {
        return switch (current) {
            case NONE -> Optional.of("the customer is not a member, so there is no tier to set");
            case CANCELLED -> Optional.of("the membership is cancelled: restore the membership first");
            case ACTIVE, FROZEN -> Optional.empty();
        };
    }

    @Override
    public String event(String customerId, Instant at) {
        ObjectNode event = OperatorAction.memberUpdated(customerId, requestKey, at);
        ((ObjectNode) event.get("body")).putObject("tier").put("name", tier)
                .put("until", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(until.atOffset(ZoneOffset.UTC)))
                .put("reason", reason).put("actor", actor);
        return event.toString();
    }
}
