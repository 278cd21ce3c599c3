package dev.storecrm.privacyrequests;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.json.Json;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.privacy.PersonalData;
import dev.storecrm.domain.privacy.PrivacyRequests;
import dev.storecrm.platform.http.HttpAnswer;
import dev.storecrm.platform.http.StaffRequest;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff's privacy desk:
 *
 * <pre>
 * GET /privacy/members/{customerId}[?format=html]   everything held about the member now (the export, bounded)
 * GET /privacy/exports/{requestId}[?format=html]    the export made when the data request arrived
 * </pre>
 * JSON by default, a readable page with {@code format=html}. Answers 404 for a member the archive does not hold or
 * a data request not answered (yet), 400 for a malformed id. Logs carry ids only.
 */
public final class PrivacyDeskService {

    /** Admins only: an export is all of a member's personal data at once. */
    static final Set<String> GROUPS = Set.of("admins");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(PrivacyDeskService.class);
    private static final Pattern ROUTE =
            Pattern.compile("/privacy/(members|exports)/([A-Za-z0-9][A-Za-z0-9._:#@+=-]{0,127})");

    private final PrivacyRequests requests;
    private final PrivacyExports exports;
    private final Clock clock;

    PrivacyDeskService(PrivacyRequests requests, PersonalData data, Clock clock) {
        this.requests = requests;
        this.exports = new PrivacyExports(data);
        this.clock = clock;
    }

    /** Serves one request of an authenticated caller (an IAM principal or a console admin). */
    public HttpAnswer handle(StaffRequest request) {
        Matcher route = ROUTE.matcher(request.path().replaceAll("/+$", ""));
        if (!route.matches()) {
            return error(request.path().startsWith("/privacy/") ? 400 : 404, "no_route",
                    "not a privacy route, or an id other than a letter or digit and up to 127 of them or ._:#@+=-");
        }
        if (!request.method().equals("GET")) {
            return error(405, "method_not_allowed", "the privacy desk's routes are GETs");
        }
        Optional<JsonNode> export = route.group(1).equals("members") ? member(route.group(2))
                : requests.export(route.group(2)).map(json -> Json.setting(json, "the kept export"));
        LOG.info("privacy export read", entry("route", route.group(1)), entry("id", route.group(2)),
                entry("caller", request.caller()), entry("found", export.isPresent()));
        if (export.isEmpty()) {
            return error(404, "not_found", route.group(1).equals("members") ? "the archive holds no such member"
                    : "no data request of that id has been answered");
        }
        return "html".equals(request.query().get("format"))
                ? new HttpAnswer(200, Map.of("Content-Type", "text/html; charset=utf-8"),
                        PrivacyExports.html(export.get()))
                : HttpAnswer.json(200, export.get().toString());
    }

    private Optional<JsonNode> member(String customerId) {
        JsonNode export = exports.export(customerId, clock.instant());
        return export.path("found").asBoolean() ? Optional.of(export) : Optional.empty();
    }

    private static HttpAnswer error(int status, String error, String reason) {
        return HttpAnswer.json(status, JSON.createObjectNode().put("error", error).put("reason", reason).toString());
    }
}
