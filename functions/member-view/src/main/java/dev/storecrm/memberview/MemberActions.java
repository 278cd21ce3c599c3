package dev.storecrm.memberview;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.json.JsonFields;
import dev.storecrm.domain.member.MemberArchive;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.member.OperatorAction;
import dev.storecrm.domain.member.PointsAction;
import dev.storecrm.domain.member.StatusAction;
import dev.storecrm.domain.member.StatusAction.Kind;
import dev.storecrm.domain.member.TierAction;
import dev.storecrm.domain.memberview.MemberFile;
import dev.storecrm.platform.http.HttpAnswer;
import dev.storecrm.platform.http.StaffRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operators' actions on a member, {@code POST /members/{customerId}/actions} with
 * {@code {"action": "freeze|unfreeze|cancel|restore", "requestKey": "...", "reason": "..."}}, or
 * {@code {"action": "tier", "tier": "VIP2", "until": "2027-06-30T23:59:59+08:00", ...}} for a tier
 * override, or {@code {"action": "points", "points": -150, ...}} for a points adjustment (signed): the
 * caller is the acting identity, the reason is required, and the request key makes the
 * action idempotent (its event id follows it, {@link OperatorAction#eventId}).
 *
 * <p>The action is checked against the member's state now (a consistent read) and, if allowed,
 * published as a canonical MemberUpdated event on the store bus, which the member archive applies
 * like any member change: ordered by stamp against late events, de-duplicated by event id. A points
 * adjustment goes to the points ledger instead ({@link PointsAction}), which applies it once per request
 * key; it is refused here when it would take the balance below zero (and the ledger refuses it again if
 * the points were spent in between).
 * Answers: 202 accepted; 200 a request key already applied (nothing sent again); 403 a console user
 * who is not an admin; 404 an unknown member; 409 what the member's status does not allow, or a
 * request key already used for another action; 422 a malformed action (unknown action or tier, no
 * reason, an end not in the future, no points). Every refusal is JSON {@code {"error", "reason"}} in words.
 */
final class MemberActions {

    /** The console group that may act on members; agents only view (issue 20's groups). */
    static final String ACTING_GROUP = "admins";
    static final int REASON_CHARACTERS = 500;

    private static final Logger LOG = LoggerFactory.getLogger(MemberActions.class);
    private static final String KINDS = "one of freeze, unfreeze, cancel, restore, tier, points";
    private static final Pattern TIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

    private final MemberArchive members;
    private final MemberFile points;
    private final Consumer<String> storeBus;
    private final MemberPolicy policy;
    private final ZoneId storeZone;
    private final Clock clock;

    /**
     * @param points   the member's points account and the ledger's applied requests (for an adjustment)
     * @param storeBus publishes one event on the store bus (throws if the bus did not take it)
     */
    MemberActions(MemberArchive members, MemberFile points, Consumer<String> storeBus, MemberPolicy policy,
                  ZoneId storeZone, Clock clock) {
        this.members = members;
        this.points = points;
        this.storeBus = storeBus;
        this.policy = policy;
        this.storeZone = storeZone;
        this.clock = clock;
    }

    HttpAnswer act(StaffRequest request, String customerId) {
        if (!request.groups().isEmpty() && !request.groups().contains(ACTING_GROUP)) {
            return answer(403, MemberViews.error("forbidden", "member actions need a console user of the group "
                    + ACTING_GROUP));
        }
        Instant now = clock.instant();
        OperatorAction action;
        try {
            action = read(request.body(), request.caller());
            Optional<String> invalid = action instanceof TierAction tier ? tier.invalid(policy.tiers(), now)
                    : Optional.empty();
            if (invalid.isPresent()) {
                return answer(422, MemberViews.error("invalid_action", invalid.get()));
            }
        } catch (InvalidInputException bad) {
            return answer(422, MemberViews.error("invalid_action", bad.detail()));
        }
        Optional<MemberRecord> record = members.find(customerId, true).map(Revisioned::value);
        if (record.isEmpty()) {
            return answer(404, MemberViews.error("not_found", "no member " + customerId));
        }
        String eventId = OperatorAction.eventId(customerId, action.requestKey());
        Optional<HttpAnswer> done = applied(record.get(), action, eventId);
        if (done.isPresent()) {
            return done.get();
        }
        if (action instanceof PointsAction adjust && points.pointsRequestApplied(customerId, adjust.ledgerKey())) {
            return answer(200, outcome("duplicate", action, eventId));
        }
        Optional<String> refusal = action.refusal(MemberSummary.of(record.get(), policy, now).status())
                .or(() -> action instanceof PointsAction adjust ? adjust.refusal(available(customerId, now))
                        : Optional.empty());
        if (refusal.isPresent()) {
            LOG.info("member action refused", entry("customerId", customerId), entry("action", action.wire()));
            return answer(409, MemberViews.error("refused", refusal.get()));
        }
        storeBus.accept(action.event(customerId, now));
        LOG.info("member action accepted", entry("customerId", customerId), entry("action", action.wire()),
                entry("eventId", eventId));
        return answer(202, outcome("accepted", action, eventId));
    }

    /** The points the member can spend now (none without an account). */
    private long available(String customerId, Instant now) {
        return points.pointsAccount(customerId).map(a -> a.releaseLapsed(now).available(now, storeZone)).orElse(0L);
    }

    /** What an applied event did, in words, and when. */
    private record Done(String what, Instant at) {}

    /** The answer to a request key the archive already applied: a duplicate, or a key reused for another action. */
    private static Optional<HttpAnswer> applied(MemberRecord record, OperatorAction action, String eventId) {
        Optional<Done> done = record.statusLog().stream().filter(e -> e.stamp().eventId().equals(eventId))
                .map(e -> new Done("set the membership " + e.status().wire(), e.stamp().at())).findFirst()
                .or(() -> record.tierLog().stream().filter(o -> o.stamp().eventId().equals(eventId))
                        .map(o -> new Done("set the tier " + o.tier(), o.stamp().at())).findFirst());
        if (done.isEmpty()) {
            return Optional.empty();
        }
        String wanted = switch (action) {
            case StatusAction status -> "set the membership " + status.kind().target().wire();
            case TierAction tier -> "set the tier " + tier.tier();
            case PointsAction adjust -> "adjust the points by " + adjust.points();
        };
        if (!done.get().what().equals(wanted)) {
            return Optional.of(answer(409, MemberViews.error("request_key_reused",
                    "the request key was used for another action (it " + done.get().what() + ")")));
        }
        return Optional.of(answer(200, outcome("duplicate", action, eventId).put("appliedAt",
                done.get().at().toString())));
    }

    private static OperatorAction read(String body, String caller) {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : MemberViews.JSON.readTree(body);
        } catch (IOException notJson) {
            throw JsonFields.violation("body", "must be a JSON object");
        }
        JsonFields fields = JsonFields.object(node, "body")
                .allowOnly(Set.of("action", "requestKey", "reason", "tier", "until", "points"));
        String kind = fields.string("action", 32);
        if (kind.equals(TierAction.WIRE)) {
            onlyFor(fields, List.of("points"), PointsAction.WIRE);
            return new TierAction(fields.matching("tier", TIER, "a tier name"), fields.dateTime("until").toInstant(),
                    fields.identifier("requestKey"), fields.string("reason", REASON_CHARACTERS), caller);
        }
        if (kind.equals(PointsAction.WIRE)) {
            onlyFor(fields, List.of("tier", "until"), TierAction.WIRE);
            long points = fields.integer("points", -PointsAction.MAX_POINTS, PointsAction.MAX_POINTS);
            if (points == 0) {
                throw JsonFields.violation("body.points", "must not be 0 (points added, or taken when negative)");
            }
            return new PointsAction(points, fields.identifier("requestKey"), fields.string("reason",
                    REASON_CHARACTERS), caller);
        }
        Kind parsed = Kind.fromWire(kind).orElseThrow(() -> JsonFields.violation("body.action", "must be " + KINDS));
        onlyFor(fields, List.of("tier", "until"), TierAction.WIRE);
        onlyFor(fields, List.of("points"), PointsAction.WIRE);
        return new StatusAction(parsed, fields.identifier("requestKey"), fields.string("reason", REASON_CHARACTERS),
                caller);
    }

    private static void onlyFor(JsonFields fields, List<String> names, String action) {
        for (String name : names) {
            if (fields.has(name)) {
                throw JsonFields.violation("body." + name, "is only for the action " + action);
            }
        }
    }

    private static ObjectNode outcome(String outcome, OperatorAction action, String eventId) {
        ObjectNode answer = MemberViews.JSON.createObjectNode().put("outcome", outcome).put("action", action.wire())
                .put("requestKey", action.requestKey()).put("eventId", eventId);
        switch (action) {
            case StatusAction status -> answer.put("status", status.kind().target().wire());
            case TierAction tier -> answer.put("tier", tier.tier()).put("until", tier.until().toString());
            case PointsAction adjust -> answer.put("points", adjust.points());
        }
        return answer;
    }

    private static HttpAnswer answer(int status, ObjectNode body) {
        return HttpAnswer.json(status, body.toString());
    }
}
