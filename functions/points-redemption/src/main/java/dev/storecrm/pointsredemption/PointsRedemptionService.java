package dev.storecrm.pointsredemption;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.json.JsonFields;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.JsonProcessingException;
import dev.storecrm.domain.loyalty.PointsCheckout;
import dev.storecrm.domain.loyalty.RedemptionOutcome;
import dev.storecrm.platform.http.HttpAnswer;
import dev.storecrm.platform.http.StaffRequest;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkout's points redemption, one function URL (docs/points.md has examples):
 *
 * <pre>
 * GET  /members/{customerId}/points                               balance, available, reserved, what expires when
 * POST /members/{customerId}/redemptions/{orderId}  {"points": 500} reserve points for the order
 * POST /members/{customerId}/redemptions/{orderId}/confirm         spend them (the order went through)
 * POST /members/{customerId}/redemptions/{orderId}/release         free them (the checkout was abandoned)
 * GET  /members/{customerId}/redemptions/{orderId}                 the order's redemption
 * </pre>
 * Idempotent by order id: a request repeated answers as the first did and changes nothing. 200 with
 * the redemption; 409 with the reason when it cannot be done (too few points, another amount, a
 * lapsed or released reservation, a member not active, a cancelled order); 404 for an order without
 * a redemption; 400 for a malformed request; 503 when other requests for the member kept winning the
 * race (retry after a second).
 */
public final class PointsRedemptionService {

    private static final Logger LOG = LoggerFactory.getLogger(PointsRedemptionService.class);
    private static final Pattern POINTS = Pattern.compile("/members/([^/]+)/points");
    private static final Pattern REDEMPTION =
            Pattern.compile("/members/([^/]+)/redemptions/([^/]+)(/confirm|/release)?");
    private static final long MAX_POINTS = 1_000_000_000L;

    private final PointsCheckout checkout;
    private final RedemptionViews views;

    PointsRedemptionService(PointsCheckout checkout, Clock clock) {
        this.checkout = checkout;
        this.views = new RedemptionViews(checkout.policy(), clock);
    }

    /** Serves one request of a caller Lambda authenticated with IAM. */
    public HttpAnswer handle(StaffRequest request) {
        String route = request.path().replaceAll("/+$", "");
        try {
            Matcher points = POINTS.matcher(route);
            if (points.matches()) {
                return request.method().equals("GET")
                        ? json(200, views.account(checkout.account(id(points.group(1), "customerId"))))
                        : notAllowed();
            }
            Matcher redemption = REDEMPTION.matcher(route);
            if (redemption.matches()) {
                return redemption(request, id(redemption.group(1), "customerId"), id(redemption.group(2), "orderId"),
                        redemption.group(3) == null ? "" : redemption.group(3));
            }
            return json(404, RedemptionViews.error("not_found", "no route " + request.method() + " " + route));
        } catch (InvalidInputException bad) {
            return json(400, RedemptionViews.error("bad_request", bad.detail()));
        } catch (ConcurrentUpdateException busy) {
            LOG.warn("redemption gave up on contention", entry("path", route));
            return new HttpAnswer(503, Map.of("Content-Type", "application/json; charset=utf-8", "Retry-After", "1"),
                    RedemptionViews.error("busy", "other requests for this member kept changing the points; retry")
                            .toString());
        }
    }

    private HttpAnswer redemption(StaffRequest request, String customerId, String orderId, String action) {
        if (request.method().equals("GET") && action.isEmpty()) {
            return checkout.redemption(customerId, orderId)
                    .map(r -> json(200, views.redemption(customerId, orderId, r, checkout.account(customerId))
                            ))
                    .orElseGet(() -> json(404, RedemptionViews.error("not_found",
                            "order " + orderId + " has no redemption")));
        }
        if (!request.method().equals("POST")) {
            return notAllowed();
        }
        JsonFields body = JsonFields.object(parse(request.body()), "");
        RedemptionOutcome outcome = switch (action) {
            case "" -> checkout.reserve(customerId, orderId,
                    body.allowOnly(Set.of("points")).integer("points", 1, MAX_POINTS));
            case "/confirm" -> checkout.confirm(customerId, orderId);
            case "/release" -> checkout.release(customerId, orderId);
            default -> throw new IllegalStateException("route matched an unknown action " + action);
        };
        LOG.info("redemption request", entry("customerId", customerId), entry("orderId", orderId),
                entry("action", action.isEmpty() ? "reserve" : action.substring(1)),
                entry("outcome", describe(outcome)));
        return switch (outcome) {
            case RedemptionOutcome.Done done -> json(200,
                    views.redemption(customerId, orderId, done.redemption(), done.available()));
            case RedemptionOutcome.Refused refused -> json(409, views.refused(refused));
            case RedemptionOutcome.NotFound notFound -> json(404, RedemptionViews.error("not_found",
                    "order " + notFound.orderId() + " has no redemption"));
        };
    }

    private static String describe(RedemptionOutcome outcome) {
        return switch (outcome) {
            case RedemptionOutcome.Done done -> done.redemption().status().wire()
                    + (done.changed() ? "" : " (unchanged)");
            case RedemptionOutcome.Refused refused -> refused.refusal().wire();
            case RedemptionOutcome.NotFound notFound -> "not_found";
        };
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return RedemptionViews.JSON.createObjectNode();
        }
        try {
            JsonNode node = RedemptionViews.JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw JsonFields.violation("body", "must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw JsonFields.violation("body", "is not valid JSON");
        }
    }

    private static String id(String value, String name) {
        if (!JsonFields.IDENTIFIER.matcher(value).matches()) {
            throw JsonFields.violation(name, "is 1 to 128 letters, digits or ._:/#@+=-");
        }
        return value;
    }

    private static HttpAnswer json(int status, JsonNode body) {
        return HttpAnswer.json(status, body.toString());
    }

    private static HttpAnswer notAllowed() {
        return json(405, RedemptionViews.error("method_not_allowed", "see the routes of the points redemption"));
    }
}
