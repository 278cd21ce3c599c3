package dev.storecrm.templateoverrides;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.JsonProcessingException;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.messaging.RenderedMessage;
import dev.storecrm.domain.templates.DraftChecks;
import dev.storecrm.domain.templates.DraftProblem;
import dev.storecrm.domain.templates.TemplateOverride;
import dev.storecrm.domain.templates.TemplateOverrides;
import dev.storecrm.platform.http.HttpAnswer;
import dev.storecrm.platform.http.StaffRequest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The marketers' door to template overrides ({@code template} is a bundled template's id or {@code _layout}):
 *
 * <pre>
 * GET  /templates/{template}/{locale}            the bundled parts, the live override, the newest versions
 * POST /templates/{template}/{locale}/preview    {"parts": {...}}: checks the draft, renders it with the sample
 * POST /templates/{template}/{locale}/publish    {"parts": {...}}: checks it, publishes it as the next version
 * POST /templates/{template}/{locale}/rollback   {"version": n}: publishes version n again (0: the bundled one)
 * </pre>
 * A refused draft answers 422 with its problems ({@link DraftProblem}: code, part, detail); an unknown template,
 * locale or version 404; a publication that lost the race for its version number 409.
 */
public final class TemplatesService {

    /** The console groups served: marketers edit templates; admins may too. */
    static final Set<String> GROUPS = Set.of("marketers", "admins");

    private static final Logger LOG = LoggerFactory.getLogger(TemplatesService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAMES = "/templates/([a-z0-9_][a-z0-9-]{0,63})/([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)";
    private static final Pattern ONE = Pattern.compile(NAMES);
    private static final Pattern ACTION = Pattern.compile(NAMES + "/([a-z]+)");

    private final TemplateOverrides overrides;
    private final DraftChecks checks;
    private final Function<String, Optional<String>> bundled;
    private final Clock clock;

    TemplatesService(TemplateOverrides overrides, DraftChecks checks, Function<String, Optional<String>> bundled,
                     Clock clock) {
        this.overrides = overrides;
        this.checks = checks;
        this.bundled = bundled;
        this.clock = clock;
    }

    /** Serves one request of an authenticated caller. */
    public HttpAnswer handle(StaffRequest request) {
        String route = request.path().replaceAll("/+$", "");
        Matcher action = ACTION.matcher(route);
        if (action.matches()) {
            return request.method().equals("POST") ? act(action.group(1), action.group(2), action.group(3), request)
                    : error(405, "method_not_allowed", "an action is a POST");
        }
        Matcher one = ONE.matcher(route);
        if (one.matches()) {
            return request.method().equals("GET") ? view(one.group(1), one.group(2))
                    : error(405, "method_not_allowed", "a template is read by a GET");
        }
        return error(404, "not_found", "no route " + request.method() + " " + route);
    }

    private HttpAnswer act(String template, String locale, String action, StaffRequest request) {
        JsonNode body;
        try {
            body = JSON.readTree(request.body() == null || request.body().isBlank() ? "{}" : request.body());
        } catch (JsonProcessingException e) {
            return error(400, "bad_request", "the body is not JSON");
        }
        return switch (action) {
            case "preview" -> parts(body).map(draft -> preview(template, locale, draft))
                    .orElseGet(TemplatesService::noParts);
            case "publish" -> parts(body).map(draft -> publish(template, locale, draft, request.caller(), "published"))
                    .orElseGet(TemplatesService::noParts);
            case "rollback" -> body.path("version").canConvertToInt() && body.path("version").asInt() >= 0
                    ? rollBack(template, locale, body.path("version").asInt(), request.caller())
                    : error(400, "bad_request", "version: a number of a published version, or 0 for the bundled one");
            default -> error(404, "not_found", "no action " + action + " (preview, publish, rollback)");
        };
    }

    private HttpAnswer preview(String template, String locale, Map<String, String> draft) {
        DraftChecks.Outcome outcome = checks.check(template, locale, draft);
        if (!outcome.publishable()) {
            return refused(outcome);
        }
        RenderedMessage message = outcome.rendered().getFirst();
        return HttpAnswer.json(200, JSON.createObjectNode().put("template", message.templateId())
                .put("locale", message.locale()).put("subject", message.subject()).put("html", message.html())
                .put("text", message.text()).toString());
    }

    private HttpAnswer publish(String template, String locale, Map<String, String> draft, String by, String note) {
        DraftChecks.Outcome outcome = draft.isEmpty() ? null : checks.check(template, locale, draft);
        if (outcome != null && !outcome.publishable()) {
            LOG.info("template draft refused", entry("template", template), entry("locale", locale),
                    entry("problems", outcome.problems().stream().map(p -> p.code().name()).toList()));
            return refused(outcome);
        }
        Optional<TemplateOverride> published = overrides.publish(template, locale, draft, by, clock.instant(), note);
        if (published.isEmpty()) {
            return error(409, "conflict", "another publication of " + template + "/" + locale + " came first: "
                    + "read it and try again");
        }
        LOG.info("template override published", entry("template", template), entry("locale", locale),
                entry("version", published.get().version()), entry("note", note));
        return HttpAnswer.json(201, version(published.get(), true).toString());
    }

    private HttpAnswer rollBack(String template, String locale, int version, String by) {
        if (version == 0) {
            if (bundled.apply(template + "/" + locale + "/" + (TemplateOverride.LAYOUT.equals(template)
                    ? "layout.html" : "subject.txt")).isEmpty()) {
                return error(404, "not_found", "no bundled template " + template + " in locale " + locale);
            }
            return publish(template, locale, Map.of(), by, "rollback to the bundled template");
        }
        return overrides.version(template, locale, version)
                .map(old -> publish(template, locale, old.parts(), by, "rollback to v" + version))
                .orElseGet(() -> error(404, "not_found", "no version " + version + " of " + template + "/" + locale));
    }

    private HttpAnswer view(String template, String locale) {
        String dir = template + "/" + locale + "/";
        ObjectNode bundledParts = JSON.createObjectNode();
        TemplateOverride.partsOf(template).stream().sorted().forEach(part -> bundled.apply(dir + part)
                .ifPresent(text -> bundledParts.put(part, text)));
        if (bundledParts.isEmpty()) {
            return error(404, "not_found", "no bundled template " + template + " in locale " + locale);
        }
        ObjectNode view = JSON.createObjectNode().put("template", template).put("locale", locale);
        view.set("bundled", bundledParts);
        overrides.live(template, locale).ifPresentOrElse(live -> view.set("live", version(live, true)),
                () -> view.putNull("live"));
        ArrayNode versions = view.putArray("versions");
        overrides.versions(template, locale).forEach(v -> versions.add(version(v, false)));
        return HttpAnswer.json(200, view.toString());
    }

    private static ObjectNode version(TemplateOverride override, boolean withParts) {
        ObjectNode node = JSON.createObjectNode().put("version", override.version())
                .put("publishedAt", override.publishedAt().toString()).put("publishedBy", override.publishedBy())
                .put("note", override.note());
        if (withParts) {
            node.set("parts", JSON.valueToTree(override.parts()));
        }
        return node;
    }

    private static Optional<Map<String, String>> parts(JsonNode body) {
        JsonNode parts = body.path("parts");
        if (!parts.isObject()) {
            return Optional.empty();
        }
        Map<String, String> draft = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> part : parts.properties()) {
            if (!part.getValue().isTextual()) {
                return Optional.empty();
            }
            draft.put(part.getKey(), part.getValue().asText());
        }
        return Optional.of(draft);
    }

    private static HttpAnswer noParts() {
        return error(400, "bad_request", "parts: an object of part name to text, e.g. {\"body.html\": \"...\"}");
    }

    private static HttpAnswer refused(DraftChecks.Outcome outcome) {
        ObjectNode body = JSON.createObjectNode().put("error", "draft_refused")
                .put("reason", "the draft may not be published: " + outcome.problems().size() + " problem(s)");
        ArrayNode problems = body.putArray("problems");
        outcome.problems().forEach(p -> problems.addObject().put("code", p.code().name()).put("part", p.part())
                .put("detail", p.detail()));
        return HttpAnswer.json(422, body.toString());
    }

    private static HttpAnswer error(int status, String code, String reason) {
        JsonNode body = JSON.createObjectNode().put("error", code).put("reason", reason);
        return HttpAnswer.json(status, body.toString());
    }
}
