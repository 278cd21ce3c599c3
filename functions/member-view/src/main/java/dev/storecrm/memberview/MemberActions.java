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
import dev.storecrm.domain.member.StatusAction;
import dev.storecrm.domain.member.StatusAction.Kind;
import dev.storecrm.domain.member.StatusEntry;
import dev.storecrm.platform.http.HttpAnswer;
import dev.storecrm.platform.http.StaffRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operators' actions on a member, {@code POST /members/{customerId}/actions} with
 * {@code {"action": "freeze|unfreeze|cancel|restore", "requestKey": "...", "reason": "..."}}:
 * the caller is the acting identity, the reason is required, and the request key makes the action
 * idempotent (its event id follows it, {@link StatusAction#eventId}).
 *
 * <p>The action is checked against the member's status now (a consistent read) and, if allowed,
 * published as a canonical MemberUpdated event on the store bus, which the member archive applies
 * like any status change: ordered by stamp against late events, de-duplicated by event id.
 * Answers: 202 accepted; 200 a request key already applied (nothing sent again); 403 a console user
 * who is not an admin; 404 an unknown member; 409 what the member's status does not allow, or a
 * request key already used for another action; 422 a malformed action. Every refusal is JSON
 * {@code {"error", "reason"}} with the reason in words.
 */
final class MemberActions {

    /** The console group that may act on members; agents only view (issue 20's groups). */
    static final String ACTING_GROUP = "admins";
    static final int REASON_CHARACTERS = 500;

    private static final Logger LOG = LoggerFactory.getLogger(MemberActions.class);
    private static final String KINDS = "one of freeze, unfreeze, cancel, restore";

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
        StatusAction action;
        try {
            action = read(request.body(), request.caller());
        } catch (InvalidInputException bad) {
            return answer(422, MemberViews.error("invalid_action", bad.detail()));
        }
        Optional<MemberRecord> record = members.find(customerId, true).map(Revisioned::value);
        if (record.isEmpty()) {
            return answer(404, MemberViews.error("not_found", "no member " + customerId));
        }
        String eventId = StatusAction.eventId(customerId, action.requestKey());
        Optional<StatusEntry> done = record.get().statusLog().stream()
                .filter(e -> e.stamp().eventId().equals(eventId)).findFirst();
        if (done.isPresent()) {
            if (done.get().status() != action.kind().target()) {
                return answer(409, MemberViews.error("request_key_reused", "the request key was used for another "
                        + "action (it set the membership " + done.get().status().wire() + ")"));
            }
            return answer(200, outcome("duplicate", action, eventId).put("appliedAt",
                    done.get().stamp().at().toString()));
        }
        Instant now = clock.instant();
        Optional<String> refusal = action.refusal(MemberSummary.of(record.get(), policy, now).status());
        if (refusal.isPresent()) {
            LOG.info("member action refused", entry("customerId", customerId), entry("action", action.kind().wire()));
            return answer(409, MemberViews.error("refused", refusal.get()));
        }
        storeBus.accept(action.event(customerId, now));
        LOG.info("member action accepted", entry("customerId", customerId), entry("action", action.kind().wire()),
                entry("eventId", eventId));
        return answer(202, outcome("accepted", action, eventId));
    }

    private static StatusAction read(String body, String caller) {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : MemberViews.JSON.readTree(body);
        } catch (IOException notJson) {
            throw JsonFields.violation("body", "must be a JSON object");
        }
        JsonFields fields = JsonFields.object(node, "body").allowOnly(Set.of("action", "requestKey", "reason"));
        String kind = fields.string("action", 32);
        Kind parsed = Kind.fromWire(kind).orElseThrow(() -> JsonFields.violation("body.action", "must be " + KINDS));
        return new StatusAction(parsed, fields.identifier("requestKey"), fields.string("reason", REASON_CHARACTERS),
                caller);
    }

    private static ObjectNode outcome(String outcome, StatusAction action, String eventId) {
        return MemberViews.JSON.createObjectNode().put("outcome", outcome).put("action", action.kind().wire())
                .put("status", action.kind().target().wire()).put("requestKey", action.requestKey())
                .put("eventId", eventId);
    }

    private static HttpAnswer answer(int status, ObjectNode body) {
        return HttpAnswer.json(status, body.toString());
    }
}
