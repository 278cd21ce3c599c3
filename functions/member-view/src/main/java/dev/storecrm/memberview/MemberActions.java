package dev.storecrm.memberview;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.json.JsonFields;
import dev.storecrm.domain.member.MemberArchive;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.member.OperatorAction;
import dev.storecrm.domain.member.StatusAction;
import dev.storecrm.domain.member.StatusAction.Kind;
import dev.storecrm.domain.member.TierAction;
import dev.storecrm.platform.http.HttpAnswer;
import dev.storecrm.platform.http.StaffRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
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
 * override: the caller is the acting identity, the reason is required, and the request key makes the
 * action idempotent (its event id follows it, {@link OperatorAction#eventId}).
 *
 * <p>The action is checked against the member's state now (a consistent read) and, if allowed,
 * published as a canonical MemberUpdated event on the store bus, which the member archive applies
 * like any member change: ordered by stamp against late events, de-duplicated by event id.
 * Answers: 202 accepted; 200 a request key already applied (nothing sent again); 403 a console user
 * who is not an admin; 404 an unknown member; 409 what the member's status does not allow, or a
 * request key already used for another action; 422 a malformed action (unknown action or tier, no
 * reason, an end not in the future). Every refusal is JSON {@code {"error", "reason"}} in words.
 */
final class MemberActions {

    /** The console group that may act on members; agents only view (issue 20's groups). */
    static final String ACTING_GROUP = "admins";
    static final int REASON_CHARACTERS = 500;

    private static final Logger LOG = LoggerFactory.getLogger(MemberActions.class);
    private static final String KINDS = "one of freeze, unfreeze, cancel, restore, tier";
    private static final Pattern TIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

    private final MemberArchive members;
    private final Consumer<String> storeBus;
    private final MemberPolicy policy;
    private final Clock clock;

    /** @param storeBus publishes one canonical event on the store bus (throws if the bus did not take it) */
    MemberActions(MemberArchive members, Consumer<String> storeBus, MemberPolicy policy, Clock clock) {
        this.members = members;
        this.storeBus = storeBus;
        this.policy = policy;
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
        Optional<String> refusal = action.refusal(MemberSummary.of(record.get(), policy, now).status());
        if (refusal.isPresent()) {
            LOG.info("member action refused", entry("customerId", customerId), entry("action", action.wire()));
            return answer(409, MemberViews.error("refused", refusal.get()));
        }
        storeBus.accept(action.event(customerId, now));
        LOG.info("member action accepted", entry("customerId", customerId), entry("action", action.wire()),
                entry("eventId", eventId));
        return answer(202, outcome("accepted", action, eventId));
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
                .allowOnly(Set.of("action", "requestKey", "reason", "tier", "until"));
        String kind = fields.string("action", 32);
        if (kind.equals(TierAction.WIRE)) {
            return new TierAction(fields.matching("tier", TIER, "a tier name"), fields.dateTime("until").toInstant(),
                    fields.identifier("requestKey"), fields.string("reason", REASON_CHARACTERS), caller);
        }
        Kind parsed = Kind.fromWire(kind).orElseThrow(() -> JsonFields.violation("body.action", "must be " + KINDS));
        for (String onlyForTier : List.of("tier", "until")) {
            if (fields.has(onlyForTier)) {
                throw JsonFields.violation("body." + onlyForTier, "is only for the action tier");
            }
        }
        return new StatusAction(parsed, fields.identifier("requestKey"), fields.string("reason", REASON_CHARACTERS),
                caller);
    }

    private static ObjectNode outcome(String outcome, OperatorAction action, String eventId) {
        ObjectNode answer = MemberViews.JSON.createObjectNode().put("outcome", outcome).put("action", action.wire())
                .put("requestKey", action.requestKey()).put("eventId", eventId);
        switch (action) {
            case StatusAction status -> answer.put("status", status.kind().target().wire());
            case TierAction tier -> answer.put("tier", tier.tier()).put("until", tier.until().toString());
        }
        return answer;
    }

    private static HttpAnswer answer(int status, ObjectNode body) {
        return HttpAnswer.json(status, body.toString());
    }
}
