package dev.storecrm.disputequeue;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.dispute.AgentAction;
import dev.storecrm.domain.dispute.Dispute;
import dev.storecrm.domain.dispute.DisputeHistory;
import dev.storecrm.domain.dispute.DisputeIndex;
import dev.storecrm.domain.dispute.DisputeRecorder;
import dev.storecrm.domain.dispute.DisputeRecords;
import dev.storecrm.domain.dispute.DisputeStatus;
import dev.storecrm.domain.event.DisputeEvent.Party;
import dev.storecrm.domain.event.DisputeEvent.Proposal;
import dev.storecrm.domain.json.JsonFields;
import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.JsonProcessingException;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.platform.http.HttpAnswer;
import dev.storecrm.platform.http.StaffRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents' dispute queue, one function URL:
 *
 * <pre>
 * GET  /disputes?status=negotiating&amp;limit=25&amp;next=...   disputes of a status, nearest deadline first
 * GET  /disputes                                       every open dispute, nearest deadline first (first page)
 * GET  /disputes/{id}                                  one dispute with its deadlines and its history
 * POST /disputes/{id}/accept            {"note": "..."}
 * POST /disputes/{id}/reject            {"counterProposal": {"refund": {"amount": 0, "currency": "CNY"},
 *                                         "returnGoods": false, "text": "..."}}
 * POST /disputes/{id}/confirm-receipt   {"note": "..."}
 * POST /disputes/{id}/notes             {"text": "..."}
 * GET  /disputes/{id}/evidence?format=html|json        the evidence bundle (messages to the customer, history)
 * </pre>
 * A dispute's detail carries the customer's member summary ({@link MemberCard}).
 * Actions answer 200 with the dispute, 409 with the reason when the dispute's state does not allow
 * them, 404 for an unknown dispute, 400 for a malformed request. An {@code Idempotency-Key} header
 * makes a retried action count once; without one, the same signed request sent again (a replay,
 * or a tool's retry that does not sign anew) counts once.
 */
public final class DisputeQueueService {

    /** An HTTP answer: status and JSON body. */
    private record Response(int status, JsonNode body) {}

    /** The console groups the desk serves (an IAM caller allowed the function URL may use it too). */
    static final Set<String> GROUPS = Set.of("agents", "admins");

    private static final Logger LOG = LoggerFactory.getLogger(DisputeQueueService.class);
    private static final Pattern DETAIL = Pattern.compile("/disputes/([^/]+)");
    private static final Pattern EVIDENCE = Pattern.compile("/disputes/([^/]+)/evidence");
    private static final Pattern ACTION = Pattern.compile("/disputes/([^/]+)/(accept|reject|confirm-receipt|notes)");
    private static final int DEFAULT_LIMIT = 25;

    private final DisputeRecorder recorder;
    private final DisputeRecords records;
    private final DisputeHistory history;
    private final DisputeIndex index;
    private final DisputeViews views;
    private final MemberCard members;
    private final EvidenceBundle evidence;
    private final Clock clock;

    DisputeQueueService(DisputeRecorder recorder, DisputeRecords records, DisputeHistory history, DisputeIndex index,
                        DisputeViews views, MemberCard members, EvidenceBundle evidence, Clock clock) {
        this.recorder = recorder;
        this.records = records;
        this.history = history;
        this.index = index;
        this.views = views;
        this.members = members;
        this.evidence = evidence;
        this.clock = clock;
    }

    /** Serves one request of an authenticated caller (an IAM principal or a console user of the desk's groups). */
    public HttpAnswer handle(StaffRequest request) {
        Matcher bundle = EVIDENCE.matcher(request.path().replaceAll("/+$", ""));
        if (bundle.matches() && request.method().equals("GET")
                && JsonFields.IDENTIFIER.matcher(bundle.group(1)).matches()) {
            Optional<Revisioned<Dispute>> dispute = records.find(bundle.group(1), false);
            if (dispute.isEmpty()) {
                return HttpAnswer.json(404, notFound(bundle.group(1)).body().toString());
            }
            Instant now = clock.instant();
            return evidence.answer(evidence.json(dispute.get().value(), views.dispute(dispute.get().value(), now),
                    history.of(bundle.group(1)), now), bundle.group(1), !"json".equals(request.query().get("format")));
        }
        Response response = route(request);
        return HttpAnswer.json(response.status(), response.body().toString());
    }

    private Response route(StaffRequest request) {
        String method = request.method();
        String route = request.path().replaceAll("/+$", "");
        try {
            if (route.equals("/disputes")) {
                return method.equals("GET") ? list(request.query()) : notAllowed();
            }
            Matcher detail = DETAIL.matcher(route);
            if (detail.matches()) {
                return method.equals("GET") ? detail(identifier(detail.group(1))) : notAllowed();
            }
            Matcher action = ACTION.matcher(route);
            if (action.matches()) {
                return method.equals("POST")
                        ? act(identifier(action.group(1)), action.group(2), request)
                        : notAllowed();
            }
            return new Response(404, DisputeViews.error("not_found", "no route " + method + " " + route));
        } catch (InvalidInputException bad) {
            return new Response(400, DisputeViews.error("bad_request", bad.detail()));
        }
    }

    private Response list(Map<String, String> query) {
        int limit = limit(query.get("limit"));
        Optional<String> next = Optional.ofNullable(query.get("next")).filter(n -> !n.isBlank());
        ObjectNode page = DisputeViews.JSON.createObjectNode();
        ArrayNode disputes = page.putArray("disputes");
        String statusName = query.get("status");
        if (statusName != null && !statusName.isBlank()) {
            DisputeStatus status = DisputeStatus.fromWire(statusName).orElseThrow(() -> JsonFields.violation("status",
                    "must be one of " + Arrays.toString(DisputeStatus.values())));
            DisputeIndex.Page found = index.list(status, limit, next);
            page.put("status", status.name());
            found.disputes().forEach(d -> disputes.add(views.listed(d)));
            found.next().ifPresent(n -> page.put("next", n));
            return new Response(200, page);
        }
        if (next.isPresent()) {
            throw JsonFields.violation("next", "pages on with a status only");
        }
        List<DisputeIndex.Listed> open = new ArrayList<>();
        for (DisputeStatus status : DisputeStatus.values()) {
            if (status.isOpen()) {
                open.addAll(index.list(status, limit, Optional.empty()).disputes());
            }
        }
        open.stream().sorted(Comparator.comparing((DisputeIndex.Listed d) -> d.nextDeadlineAt().orElse(Instant.MAX))
                        .thenComparing(DisputeIndex.Listed::disputeId))
                .limit(limit).forEach(d -> disputes.add(views.listed(d)));
        return new Response(200, page);
    }

    private Response detail(String disputeId) {
        Optional<Revisioned<Dispute>> dispute = records.find(disputeId, true);
        if (dispute.isEmpty()) {
            return notFound(disputeId);
        }
        Instant now = clock.instant();
        ObjectNode detail = views.detail(dispute.get().value(), history.of(disputeId), now);
        dispute.get().value().opening().ifPresent(o -> detail.set("member", members.of(o.customerId(), now)));
        return new Response(200, detail);
    }

    private Response act(String disputeId, String name, StaffRequest http) {
        JsonFields request = JsonFields.object(parse(http.body()), "");
        AgentAction action = switch (name) {
            case "accept" -> new AgentAction.Accept(request.allowOnly(Set.of("note")).optionalString("note", 4000));
            case "reject" -> {
                JsonFields counter = request.allowOnly(Set.of("counterProposal")).object("counterProposal")
                        .allowOnly(Set.of("refund", "returnGoods", "text"));
                yield new AgentAction.Reject(new Proposal(Party.seller, counter.money("refund"),
                        counter.bool("returnGoods"), counter.optionalString("text", 2000)));
            }
            case "confirm-receipt" -> new AgentAction.ConfirmReceipt(
                    request.allowOnly(Set.of("note")).optionalString("note", 4000));
            case "notes" -> new AgentAction.AddNote(request.allowOnly(Set.of("text")).string("text", 4000));
            default -> throw new IllegalStateException("route matched an unknown action " + name);
        };
        String idempotencyKey = http.header("idempotency-key").map(key -> {
            if (!JsonFields.IDENTIFIER.matcher(key).matches() || key.length() > 64) {
                throw JsonFields.violation("Idempotency-Key", "must be 1 to 64 letters, digits or ._:/#@+=-");
            }
            return key;
        }).or(http::signedRequestId).orElseGet(() -> UUID.randomUUID().toString());
        DisputeRecorder.Result result = recorder.act(disputeId, action, idempotencyKey, http.caller());
        LOG.info("agent action", entry("disputeId", disputeId), entry("action", name),
                entry("outcome", result.getClass().getSimpleName()));
        return switch (result) {
            case DisputeRecorder.Result.Recorded recorded ->
                    new Response(200, views.dispute(recorded.dispute(), clock.instant()));
            case DisputeRecorder.Result.Unchanged unchanged ->
                    new Response(200, views.dispute(unchanged.dispute(), clock.instant()));
            case DisputeRecorder.Result.Refused refused ->
                    new Response(409, DisputeViews.error("invalid_transition", refused.reason()));
            case DisputeRecorder.Result.NotFound notFound -> notFound(notFound.disputeId());
        };
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return DisputeViews.JSON.createObjectNode();
        }
        try {
            JsonNode node = DisputeViews.JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw JsonFields.violation("body", "must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw JsonFields.violation("body", "is not valid JSON");
        }
    }

    private static String identifier(String id) {
        if (!JsonFields.IDENTIFIER.matcher(id).matches()) {
            throw JsonFields.violation("disputeId", "is not a dispute id");
        }
        return id;
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= 100) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, as a range violation
        }
        throw JsonFields.violation("limit", "must be a whole number from 1 to 100");
    }

    private static Response notFound(String disputeId) {
        return new Response(404, DisputeViews.error("not_found", "no dispute " + disputeId));
    }

    private static Response notAllowed() {
        return new Response(405, DisputeViews.error("method_not_allowed", "see the routes of the dispute queue"));
    }
}
