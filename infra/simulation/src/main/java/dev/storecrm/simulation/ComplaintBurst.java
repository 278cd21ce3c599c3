package dev.storecrm.simulation;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.SentMail;
import dev.storecrm.localcloud.SentSms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The complaint burst of the fault mode and the reputation guard's invariant. Two fifths into the run, the
 * recipients of the latest marketing e-mails complain (SES's "Email Complaint Received" on the default bus, as SES
 * publishes it): as many as 3 % of the sends in the guard's window, at least 3. SesFeedbackFunction pauses
 * marketing e-mail; two days later an operator script resumes it through CareListsFunction's signed URL
 * ({@code POST /reputation/resume}). The store is small and 0.5 % of its members' addresses are SES's complaint
 * simulator, so the guard runs at 1 % complaints over at least 50 sends in a run with faults, at 3 % over at least
 * 200 in one without ({@link #environment}; 0.08 % over 1000 by default).
 * Judged at the end from the send ledger: no marketing e-mail settled {@code SENT} after the pause and before the
 * resume (marketing SMS goes on: the guard is about the e-mail reputation).
 */
final class ComplaintBurst {

    static final String WHILE_PAUSED = "no marketing e-mail while the reputation guard has it paused";
    private static final String LISTS = "CareListsFunction";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalCloud cloud;
    private final LocalFunctions functions;
    private final SimulatedClock clock;
    private final Instant start;
    private final Instant end;
    private final boolean faults;
    private int complaints;
    private long windowSends;
    private Optional<Instant> resumedAt = Optional.empty();

    ComplaintBurst(LocalCloud cloud, LocalFunctions functions, SimulatedClock clock, SimulationOptions options) {
        this.cloud = cloud;
        this.functions = functions;
        this.clock = clock;
        this.start = options.start().atStartOfDay(ZoneOffset.UTC).toInstant();
        this.end = start.plus(Duration.ofDays(options.days()));
        this.faults = options.faults();
    }

    /**
     * The functions' environment with the guard's policy for the simulation. The simulated members complain at about
     * 0.5 % (the share of their addresses that are SES's complaint simulator), five times what a clean list sees, so
     * the template's defaults (0.08 % over 1000 sends) would pause a large store's marketing for good in any run. With
     * faults the burst is judged at 1 % over at least 50 sends (a small store's burst must pause it); without, at 3 %
     * over at least 200, which that baseline does not reach: a run without faults is a month without a reputation
     * incident (a 10,000-member store paused on its first day at 1 % over 50, and nobody resumed it).
     */
    static Map<String, String> environment(Map<String, String> environment, boolean faults) {
        Map<String, String> with = new java.util.HashMap<>(environment);
        with.putAll(faults ? Map.of("REPUTATION_MIN_SENDS", "50", "REPUTATION_COMPLAINT_PERCENT", "1")
                : Map.of("REPUTATION_MIN_SENDS", "200", "REPUTATION_COMPLAINT_PERCENT", "3"));
        return with;
    }

    /** The burst and the resume, in the fault mode. */
    List<Planned> plan() {
        if (!faults) {
            return List.of();
        }
        Instant at = start.plus(Duration.between(start, end).multipliedBy(2).dividedBy(5));
        return List.of(new Planned.Call(at, LISTS, this::burst),
                new Planned.Call(at.plus(Duration.ofDays(2)), LISTS, this::resume));
    }

    /**
     * The recipients of the latest marketing e-mails complain (SesFeedbackFunction runs as its queue drains); the
     * window's sends are read from CareListsFunction's {@code GET /reputation}, its one invocation.
     */
    private int burst() {
        windowSends = status().at("/window/sends").asLong();
        int wanted = (int) Math.max(3, Math.ceil(windowSends * 0.03));
        List<SentMail> mail = cloud.sentMail();
        Set<String> recipients = new LinkedHashSet<>();
        for (int i = mail.size() - 1; i >= 0 && recipients.size() < wanted; i--) {
            SentMail message = mail.get(i);
            if (message.headers().containsKey("List-Unsubscribe")) {
                message.to().stream().filter(to -> !to.endsWith("@simulator.amazonses.com")).forEach(recipients::add);
            }
        }
        for (String address : recipients) {
            cloud.eventBus().publish(complaint(address), "default");
            complaints++;
        }
        return 1;
    }

    private int resume() {
        APIGatewayV2HTTPResponse response = functions.invokeSignedUrl(LISTS, "POST", "/reputation/resume", "",
                Map.of(), "");
        if (response.getStatusCode() == 200) {
            resumedAt = Optional.of(clock.instant());
        }
        return 1;
    }

    private ObjectNode complaint(String address) {
        Instant now = clock.instant();
        ObjectNode event = JSON.createObjectNode().put("version", "0").put("id", "burst-" + complaints)
                .put("detail-type", "Email Complaint Received").put("source", "aws.ses")
                .put("account", "000000000000").put("time", now.toString()).put("region", cloud.template().region());
        event.putArray("resources").add(cloud.template().arn("SesConfigurationSet"));
        ObjectNode detail = event.putObject("detail").put("eventType", "Complaint");
        detail.putObject("mail").put("timestamp", now.toString()).put("messageId", "burst-" + complaints)
                .putObject("tags");
        ObjectNode complaint = detail.putObject("complaint").put("timestamp", now.toString())
                .put("feedbackId", "burst-feedback-" + complaints).put("complaintFeedbackType", "abuse");
        complaint.putArray("complainedRecipients").addObject().put("emailAddress", address);
        return event;
    }

    private JsonNode status() {
        APIGatewayV2HTTPResponse response = functions.invokeSignedUrl(LISTS, "GET", "/reputation", "", Map.of(), null);
        try {
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No marketing e-mail settled SENT in a later step than the pause and before the resume. */
    void check(List<Map<String, AttributeValue>> ledger, List<SentSms> texts, Invariants invariants) {
        invariants.list(WHILE_PAUSED);
        JsonNode state = status();
        Optional<Instant> pausedAt = state.has("lastPause")
                ? Optional.of(Instant.parse(state.at("/lastPause/at").asText())) : Optional.empty();
        Instant until = resumedAt.filter(r -> pausedAt.isPresent() && r.isAfter(pausedAt.get())).orElse(end);
        Set<String> bySms = new HashSet<>();
        texts.forEach(sms -> bySms.add(MessagingInvariants.businessKey(sms)));
        for (Map<String, AttributeValue> entry : ledger) {
            if (!"SENT".equals(entry.get("status").s()) || !entry.containsKey("category")
                    || !"marketing".equalsIgnoreCase(entry.get("category").s())
                    || bySms.contains(entry.get("businessKey").s())) {
                continue;
            }
            invariants.checked(WHILE_PAUSED);
            Instant at = Instant.parse(entry.get("settledAt").s());
            if (pausedAt.isPresent() && at.isAfter(pausedAt.get()) && at.isBefore(until)) {
                invariants.violation(WHILE_PAUSED, entry.get("businessKey").s() + " went at " + at
                        + "; marketing e-mail was paused from " + pausedAt.get() + " to " + until);
            }
        }
    }

    /** What the burst did: the complaints, the pause and the resume, and the marketing that waited. */
    String report(List<Map<String, AttributeValue>> ledger) {
        JsonNode state = status();
        long expired = ledger.stream().filter(e -> e.containsKey("reason")
                && "EXPIRED_WHILE_PAUSED".equals(e.get("reason").s())).count();
        TextTable table = new TextTable("what", "value");
        table.row("complaints injected", complaints);
        table.row("sends in the window at the burst", windowSends);
        table.row("paused at", state.at("/lastPause/at").asText("never"));
        table.row("pause reason", state.at("/lastPause/reason").asText("-"));
        table.row("complaints / sends at the pause", state.at("/lastPause/complaints").asText("-") + " / "
                + state.at("/lastPause/sends").asText("-"));
        table.row("resumed at, by", state.at("/lastResume/at").asText("never") + ", "
                + state.at("/lastResume/by").asText("-"));
        table.row("paused now", state.path("paused").asBoolean());
        table.row("marketing e-mail expired while paused", expired);
        return table.render();
    }
}
