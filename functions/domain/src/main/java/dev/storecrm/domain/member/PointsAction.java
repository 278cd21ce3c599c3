package dev.storecrm.domain.member;

import dev.storecrm.domain.json.JsonFields;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.loyalty.EntryKind;
import dev.storecrm.domain.loyalty.Grant;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An operator's points adjustment ({@link OperatorAction}): {@code points} added (positive) or taken
 * (negative), with who and why. It travels as a {@value #TYPE} event on the store bus, which a rule
 * routes to the loyalty queue; the points ledger applies it once per request key ({@link #grant}) and
 * never takes the balance below zero.
 */
public record PointsAction(long points, String requestKey, String reason, String actor) implements OperatorAction {

    public static final String WIRE = "points";
    /** The event's type (its detail-type on the bus): not a store's event, so not one of the canonical types. */
    public static final String TYPE = "PointsAdjustmentRequested";
    /** The largest adjustment either way. */
    public static final long MAX_POINTS = 1_000_000;

    public PointsAction {
        Objects.requireNonNull(requestKey, "requestKey");
        Objects.requireNonNull(actor, "actor");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an operator's action says why");
        }
        if (points == 0 || Math.abs(points) > MAX_POINTS) {
            throw new IllegalArgumentException("an adjustment moves 1 to " + MAX_POINTS + " points either way");
        }
    }

    /** A request of an adjustment as the loyalty queue receives it. */
    public record Requested(String customerId, PointsAction action) {}

    @Override
    public String wire() {
        return WIRE;
    }

    /**
     * Points can be adjusted for an active member, and taken from a frozen one; a frozen member earns
     * nothing, and a cancelled membership or a non-member has no points to adjust.
     */
    @Override
    public Optional<String> refusal(MembershipStatus current) {
        return switch (current) {
            case NONE -> Optional.of("the customer is not a member, so there are no points to adjust");
            case CANCELLED -> Optional.of("the membership is cancelled: restore the membership first");
            case FROZEN -> points > 0 ? Optional.of("the membership is frozen and earns no points: unfreeze it first")
                    : Optional.empty();
            case ACTIVE -> Optional.empty();
        };
    }

    /** Why the adjustment cannot be made with {@code available} points to spend, in words; empty when it can. */
    public Optional<String> refusal(long available) {
        if (points < 0 && available < -points) {
            return Optional.of("the member has " + available + " points to spend: taking " + -points
                    + " would leave the balance below zero");
        }
        return Optional.empty();
    }

    /** The ledger's request key: the operator's key, apart from the referral rewards' keys. */
    public String ledgerKey() {
        return "adjust:" + requestKey;
    }

    /** What the points ledger applies. */
    public Grant grant() {
        return new Grant(EntryKind.ADJUSTMENT, points, ledgerKey(), Optional.of(actor), Optional.of(reason));
    }

    @Override
    public String event(String customerId, Instant at) {
        ObjectNode event = OperatorAction.memberUpdated(customerId, requestKey, at);
        event.put("type", TYPE);
        ((ObjectNode) event.get("body")).put("points", points).put("requestKey", requestKey).put("reason", reason)
                .put("actor", actor);
        return event.toString();
    }

    public static boolean isOne(JsonNode event) {
        return TYPE.equals(event.path("type").asText());
    }

    /** The request an event of {@link #event} carries, checked as strictly as the action was. */
    public static Requested read(JsonNode event) {
        JsonFields body = JsonFields.object(event, "event").object("body")
                .allowOnly(Set.of("customerId", "points", "requestKey", "reason", "actor"));
        long points = body.integer("points", -MAX_POINTS, MAX_POINTS);
        if (points == 0) {
            throw JsonFields.violation(body.path("points"), "must not be 0");
        }
        return new Requested(body.identifier("customerId"), new PointsAction(points, body.identifier("requestKey"),
                body.string("reason", 500), body.string("actor", 2048)));
    }
}
