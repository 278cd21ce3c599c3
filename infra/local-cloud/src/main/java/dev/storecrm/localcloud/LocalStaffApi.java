package dev.storecrm.localcloud;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API Gateway HTTP API of the template ({@code AWS::Serverless::HttpApi}) played locally: its
 * routes are the {@code HttpApi} events of the template's functions, and its default JWT authorizer
 * ({@link JwtAuthorizer}, with the issuer and audience the template configures) checks every
 * request's token before the route's function is invoked, as API Gateway does: no valid token, 401
 * and the function never runs; no route, 404. The function receives the payload 2.0 event with the
 * token's claims in {@code requestContext.authorizer.jwt.claims}, under the function's IAM policy.
 */
public final class LocalStaffApi {

    /** A route: method (or ANY), the path template and the function it invokes. */
    public record Route(String method, String path, String functionLogicalId) {
        String routeKey() {
            return method + " " + path;
        }

        Pattern pattern() {
            String regex = path.replaceAll("\\{[^/}]+\\+}", "\u0001").replaceAll("\\{[^/}]+}", "\u0002");
            regex = Pattern.quote(regex).replace("\u0001", "\\E.+\\Q").replace("\u0002", "\\E[^/]+\\Q");
            return Pattern.compile(regex);
        }
    }

    private final LocalFunctions functions;
    private final Clock clock;
    private final JwtAuthorizer authorizer;
    private final List<Route> routes;

    /** The API {@code apiLogicalId} of the template, its tokens checked against the keys of {@code jwks}. */
    public LocalStaffApi(Template template, String apiLogicalId, LocalFunctions functions, Clock clock, String jwks) {
        this.functions = functions;
        this.clock = clock;
        this.routes = routes(template, apiLogicalId);
        Map<String, Object> jwt = jwtConfiguration(template, apiLogicalId);
        List<String> audiences = new ArrayList<>();
        ((List<?>) jwt.get("audience")).forEach(a -> audiences.add(String.valueOf(a)));
        this.authorizer = new JwtAuthorizer(String.valueOf(jwt.get("issuer")), Set.copyOf(audiences), jwks);
    }

    /** The issuer and first audience of the API's authorizer: what the local token issuer must sign. */
    public static String[] issuerAndAudience(Template template, String apiLogicalId) {
        Map<String, Object> jwt = jwtConfiguration(template, apiLogicalId);
        return new String[] {String.valueOf(jwt.get("issuer")),
            String.valueOf(((List<?>) jwt.get("audience")).getFirst())};
    }

    /** The {@code JwtConfiguration} of the API's default authorizer, resolved. */
    private static Map<String, Object> jwtConfiguration(Template template, String apiLogicalId) {
        Map<String, Object> auth = Template.map(template.resolveMap(template.resource(apiLogicalId).properties())
                .get("Auth"));
        return Template.map(Template.map(Template.map(auth.get("Authorizers"))
                .get(String.valueOf(auth.get("DefaultAuthorizer")))).get("JwtConfiguration"));
    }

    /** Every route of the API, as the template's functions declare them. */
    public static List<Route> routes(Template template, String apiLogicalId) {
        List<Route> routes = new ArrayList<>();
        String api = template.physicalName(apiLogicalId);
        for (Template.Resource function : template.resourcesOfType("AWS::Serverless::Function")) {
            Map<String, Object> events = Template.map(template.resolveMap(function.properties()).get("Events"));
            events.values().forEach(body -> {
                Map<String, Object> event = Template.map(body);
                Map<String, Object> p = Template.map(event.get("Properties"));
                if ("HttpApi".equals(event.get("Type")) && api.equals(String.valueOf(p.get("ApiId")))) {
                    routes.add(new Route(String.valueOf(p.get("Method")).toUpperCase(java.util.Locale.ROOT),
                            String.valueOf(p.get("Path")), function.logicalId()));
                }
            });
        }
        return List.copyOf(routes);
    }

    public List<Route> routes() {
        return routes;
    }

    /** One request to the API, as a browser sends it. */
    public APIGatewayV2HTTPResponse invoke(String method, String path, String rawQuery, Map<String, String> headers,
                                          String body) {
        Route route = null;
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Route candidate : routes) {
            Matcher matcher = candidate.pattern().matcher(path);
            if ((candidate.method().equals("ANY") || candidate.method().equals(method)) && matcher.matches()) {
                route = candidate;
                parameters = pathParameters(candidate.path(), path);
                break;
            }
        }
        if (route == null) {
            return answer(404, "{\"message\":\"Not Found\"}");
        }
        String authorization = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("authorization"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        JwtAuthorizer.Verdict verdict = authorizer.verify(authorization, clock.instant());
        if (!verdict.valid()) {
            return answer(401, "{\"message\":\"Unauthorized\"}");
        }
        APIGatewayV2HTTPEvent event = LambdaEvents.urlEvent(method, path, rawQuery, headers, body,
                APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                .withClaims(verdict.claims()).withScopes(null).build()).build());
        event.setRouteKey(route.routeKey());
        event.setPathParameters(parameters.isEmpty() ? null : parameters);
        return (APIGatewayV2HTTPResponse) functions.invoke(route.functionLogicalId(), event);
    }

    private static Map<String, String> pathParameters(String template, String path) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String[] names = template.split("/");
        String[] values = path.split("/");
        for (int i = 0; i < names.length && i < values.length; i++) {
            if (names[i].startsWith("{")) {
                parameters.put(names[i].replaceAll("[{}+]", ""), values[i]);
            }
        }
        return parameters;
    }

    private static APIGatewayV2HTTPResponse answer(int status, String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("content-type", "application/json")).withBody(body).build();
    }
}
