package dev.storecrm.platform.http;

import static dev.storecrm.platform.logging.LogField.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.storecrm.platform.logging.LambdaLogging;
import dev.storecrm.platform.metrics.Metrics;
import dev.storecrm.platform.metrics.MetricUnit;

/**
 * The two doors of a staff function, one implementation behind both: its function URL
 * ({@code AuthType: AWS_IAM}, for scripts signing with SigV4) and the staff API (an API Gateway
 * HTTP API whose JWT authorizer checks the console users' Cognito tokens). The Lambda event in, a
 * {@link StaffRequest} to the service, its {@link HttpAnswer} out.
 *
 * <p>The function checks its caller itself rather than trusting the configuration in front of it:
 * <ul>
 *   <li>a function URL puts the IAM principal Lambda verified in {@code requestContext.authorizer.iam};
 *       an IAM caller may use the whole function (its IAM policy is what grants the URL);</li>
 *   <li>the HTTP API puts the claims of the token its JWT authorizer validated (issuer, audience,
 *       expiry, signature) in {@code requestContext.authorizer.jwt.claims}; the user's
 *       {@code cognito:groups} must include one of the groups this function serves, else 403.</li>
 * </ul>
 * A request with neither (what a URL set to {@code AuthType: NONE} by mistake delivers, signed or
 * not) is refused with 403 before the service runs, so it reads and writes nothing.
 */
public final class StaffDoors {

    private static final Logger LOG = LoggerFactory.getLogger(StaffDoors.class);
    private static final Pattern SIGNATURE = Pattern.compile("Signature=([0-9a-f]{64})");
    private static final Pattern AMZ_DATE = Pattern.compile("\\d{8}T\\d{6}Z");
    /** The claim Cognito lists a user's groups in. */
    public static final String GROUPS_CLAIM = "cognito:groups";
    static final String FORBIDDEN = "{\"error\":\"forbidden\",\"reason\":\"this function serves IAM-authenticated "
            + "(SigV4-signed) requests and console users' tokens only\"}";

    /** The groups of a function only IAM callers may use (a checkout backend's, not the console's). */
    public static final Set<String> IAM_ONLY = Set.of();

    private static final int SERVER_ERROR = 500;

    private StaffDoors() {}

    /**
     * Serves one request inside Powertools' structured logging, counts a server error (5xx) as the metric
     * {@code <metricPrefix><status>}, and flushes the metrics however it ends. Answers below 500 are only logged:
     * each status a metric would be one more CloudWatch series billed every month, and nothing watches them.
     */
    public static APIGatewayV2HTTPResponse serve(APIGatewayV2HTTPEvent event, Context context, Metrics metrics,
                                                 String metricPrefix, Set<String> groups,
                                                 Function<StaffRequest, HttpAnswer> service) {
        return LambdaLogging.withLogging(context, () -> {
            try {
                APIGatewayV2HTTPResponse response = serve(event, groups, service);
                if (response.getStatusCode() >= SERVER_ERROR) {
                    metrics.addMetric(metricPrefix + response.getStatusCode(), 1, MetricUnit.COUNT);
                }
                return response;
            } finally {
                metrics.flush();
            }
        });
    }

    /**
     * Serves one request: 403 without an IAM caller or a console user of one of {@code groups},
     * else the service's answer.
     */
    public static APIGatewayV2HTTPResponse serve(APIGatewayV2HTTPEvent event, Set<String> groups,
                                                 Function<StaffRequest, HttpAnswer> service) {
        PublicRequest http = PublicFunctionUrl.request(event);
        Optional<RequestContext> context = Optional.ofNullable(event.getRequestContext());
        Optional<String> caller = caller(context);
        if (caller.isPresent()) {
            return service.apply(new StaffRequest(http.method(), http.path(), http.query(), http.headers(), http.body(),
                    caller.get(), signedRequestId(http.headers(), http.query()), Set.of())).response();
        }
        Optional<Map<String, String>> claims = context.map(RequestContext::getAuthorizer)
                .map(RequestContext.Authorizer::getJwt).map(RequestContext.Authorizer.JWT::getClaims);
        Optional<String> user = claims.flatMap(c -> nonBlank(c.get("cognito:username"))
                .or(() -> nonBlank(c.get("username"))).or(() -> nonBlank(c.get("sub"))));
        if (user.isEmpty()) {
            LOG.warn("request refused: no IAM caller and no token claims in the request context",
                    entry("method", http.method()), entry("path", http.path()));
            return HttpAnswer.json(403, FORBIDDEN).response();
        }
        Set<String> userGroups = groups(claims.get().get(GROUPS_CLAIM));
        if (Collections.disjoint(userGroups, groups)) {
            LOG.warn("request refused: the console user is in none of the function's groups",
                    entry("method", http.method()), entry("path", http.path()), entry("groups", userGroups));
            return HttpAnswer.json(403, groups.isEmpty() ? FORBIDDEN
                    : "{\"error\":\"forbidden\",\"reason\":\"this needs a console user of the group "
                    + String.join(" or ", new TreeSet<>(groups)) + "\"}").response();
        }
        return service.apply(new StaffRequest(http.method(), http.path(), http.query(), http.headers(), http.body(),
                "console:" + user.get(), Optional.empty(), userGroups)).response();
    }

    /**
     * The groups of a {@code cognito:groups} claim as the HTTP API's JWT authorizer passes it: a
     * list claim arrives flattened to {@code [agents admins]}; a JSON array or a comma-separated
     * string are read too.
     */
    static Set<String> groups(String claim) {
        if (claim == null || claim.isBlank()) {
            return Set.of();
        }
        String list = claim.strip().replaceAll("^\\[|]$", "");
        return Arrays.stream(list.split("[\\s,]+")).map(g -> g.replace("\"", "")).filter(g -> !g.isBlank())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The principal Lambda verified: its ARN, else its caller id; empty when Lambda verified none. */
    static Optional<String> caller(Optional<RequestContext> context) {
        return context.map(RequestContext::getAuthorizer)
                .map(RequestContext.Authorizer::getIam)
                .flatMap(iam -> nonBlank(iam.getUserArn()).or(() -> nonBlank(iam.getCallerId())));
    }

    /**
     * One signed request: its SigV4 signature (in the {@code Authorization} header, or the
     * {@code X-Amz-Signature} query parameter of a presigned URL) and its {@code X-Amz-Date}. The
     * signature covers the method, path, query, body and signing time, so a replay carries the same
     * pair and any request signed anew another.
     */
    static Optional<String> signedRequestId(Map<String, String> headers, Map<String, String> query) {
        Optional<String> signature = find(headers, "authorization").map(SIGNATURE::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).or(() -> find(query, "x-amz-signature").filter(s -> s.matches("[0-9a-f]{64}")));
        Optional<String> date = find(headers, "x-amz-date").or(() -> find(query, "x-amz-date"))
                .filter(d -> AMZ_DATE.matcher(d).matches());
        if (signature.isEmpty() || date.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("sigv4:" + date.get() + ":" + signature.get().substring(0, 40));
    }

    private static Optional<String> find(Map<String, String> values, String name) {
        return values.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst();
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
