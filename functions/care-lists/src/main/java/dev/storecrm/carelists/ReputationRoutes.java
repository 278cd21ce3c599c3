package dev.storecrm.carelists;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.messaging.EngagementCounts;
import dev.storecrm.domain.reputation.ReputationGuard;
import dev.storecrm.domain.reputation.SendingReputation.Counts;
import dev.storecrm.domain.reputation.SendingReputation.State;
import dev.storecrm.platform.http.HttpAnswer;
import dev.storecrm.platform.http.StaffRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reputation guard for the staff:
 * <ul>
 *   <li>{@code GET /reputation}: whether marketing e-mail is paused, the last pause (when, why, the counts that
 *       decided it) and resume (when, by whom), the current window's sends, hard bounces and complaints with their
 *       rates, and the policy;</li>
 *   <li>{@code POST /reputation/resume}: resumes paused marketing e-mail, recording who (the IAM caller, or
 *       {@code console:<user>}) and when; 409 if it is not paused. Console users need the group {@code admins};</li>
 *   <li>{@code GET /engagement?from=2026-11-01&to=2026-11-30}: opens and clicks per journey over the days (UTC;
 *       default the last 30, at most 400), and whether engagement tracking is on.</li>
 * </ul>
 */
final class ReputationRoutes {

    static final String PATH = "/reputation";
    private static final Logger LOG = LoggerFactory.getLogger(ReputationRoutes.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReputationGuard guard;
    private final EngagementCounts engagement;
    private final boolean tracking;
    private final Clock clock;

    ReputationRoutes(ReputationGuard guard, EngagementCounts engagement, boolean tracking, Clock clock) {
        this.guard = guard;
        this.engagement = engagement;
        this.tracking = tracking;
        this.clock = clock;
    }

    boolean serves(String path) {
        return path.equals(PATH) || path.equals(PATH + "/resume") || path.equals("/engagement");
    }

    HttpAnswer handle(StaffRequest request) {
        if (request.path().equals("/engagement")) {
            return request.method().equals("GET") ? engagement(request.query())
                    : error(405, "engagement is read with GET", "GET");
        }
        if (request.path().equals(PATH)) {
            return request.method().equals("GET") ? HttpAnswer.json(200, status().toString())
                    : error(405, "the reputation guard's state is read with GET", "GET");
        }
        if (!request.method().equals("POST")) {
            return error(405, "marketing is resumed with POST", "POST");
        }
        if (request.caller().startsWith("console:") && !request.groups().contains("admins")) {
            return error(403, "resuming marketing needs a console user of the group admins", null);
        }
        if (guard.resume(request.caller()).isEmpty()) {
            return error(409, "marketing e-mail is not paused", null);
        }
        LOG.warn("marketing e-mail resumed by an operator", entry("by", request.caller()));
        return HttpAnswer.json(200, status().toString());
    }

    private HttpAnswer engagement(Map<String, String> query) {
        LocalDate to;
        LocalDate from;
        try {
            to = query.containsKey("to") ? LocalDate.parse(query.get("to").trim())
                    : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            from = query.containsKey("from") ? LocalDate.parse(query.get("from").trim()) : to.minusDays(29);
        } catch (DateTimeParseException bad) {
            return error(400, "from and to are days (YYYY-MM-DD)", null);
        }
        if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= 400) {
            return error(400, "from must not be after to, and the period at most 400 days", null);
        }
        ObjectNode body = JSON.createObjectNode().put("tracking", tracking ? "on" : "off")
                .put("from", from.toString()).put("to", to.toString());
        var journeys = body.putArray("journeys");
        engagement.between(from, to).forEach(totals -> journeys.addObject().put("journey", totals.journey())
                .put("opens", totals.opens()).put("clicks", totals.clicks()));
        return HttpAnswer.json(200, body.toString());
    }

    private ObjectNode status() {
        ReputationGuard.Status status = guard.status();
        State state = status.state();
        ObjectNode body = JSON.createObjectNode().put("paused", state.paused());
        state.lastPause().ifPresent(pause -> {
            ObjectNode node = body.putObject("lastPause").put("at", pause.at().toString())
                    .put("reason", pause.reason());
            counts(node, pause.counts());
        });
        state.lastResume().ifPresent(resume -> body.putObject("lastResume").put("at", resume.at().toString())
                .put("by", resume.by()));
        counts(body.putObject("window").put("hours", status.policy().window().toHours()), status.window());
        body.putObject("policy").put("complaintPausePercent", status.policy().complaintPercent())
                .put("bouncePausePercent", status.policy().bouncePercent())
                .put("minSends", status.policy().minSends());
        return body;
    }

    private static void counts(ObjectNode node, Counts counts) {
        node.put("sends", counts.sends()).put("bounces", counts.bounces()).put("complaints", counts.complaints())
                .put("bouncePercent", counts.bouncePercent()).put("complaintPercent", counts.complaintPercent());
    }

    private static HttpAnswer error(int status, String message, String allow) {
        HttpAnswer answer = HttpAnswer.json(status, JSON.createObjectNode().put("error", message).toString());
        return allow == null ? answer : new HttpAnswer(status, Map.of("Content-Type", "application/json",
                "Allow", allow), answer.body());
    }
}
