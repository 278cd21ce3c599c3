package dev.storecrm.unsubscribe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storecrm.domain.messaging.UnsubscribeTokens;
import dev.storecrm.domain.messaging.UnsubscribeTokens.Verification;
import dev.storecrm.platform.AwsClients;
import dev.storecrm.platform.Secrets;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.dynamodb.DynamoDbSuppressionList;
import dev.storecrm.platform.events.EventBridgeStoreBus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * UnsubscribeFunction, behind a Lambda function URL. RFC 8058 one-click: a {@code POST} with a
 * valid token unsubscribes at once (mail clients send {@code List-Unsubscribe=One-Click}); a
 * {@code GET} only shows a confirmation page with a button that makes that POST, so that link
 * scanners and prefetching change nothing. Forged or altered tokens get 403, expired ones 410,
 * malformed ones 400; none changes anything.
 */
public final class UnsubscribeHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UnsubscribeService service;
    private final String storeName;
    private final Metrics metrics;

    public UnsubscribeHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public UnsubscribeHandler(Map<String, String> environment, Clock clock) {
        Settings settings = new Settings(environment);
        AwsClients aws = new AwsClients(settings);
        EventBridgeStoreBus storeBus = new EventBridgeStoreBus(aws.eventBridge(), settings.required("STORE_EVENT_BUS"),
                "storecrm.unsubscribe");
        this.service = new UnsubscribeService(
                new UnsubscribeTokens(Secrets.read(aws.secretsManager(), settings.required("UNSUBSCRIBE_KEY_SECRET")),
                        Duration.ofDays(settings.longValue("UNSUBSCRIBE_TOKEN_DAYS", 180)), clock),
                new DynamoDbSuppressionList(aws.dynamoDb(), settings.required("SUPPRESSIONS_TABLE")),
                (customerId, at) -> storeBus.publish(List.of(consentWithdrawn(customerId, at))),
                clock);
        this.storeName = settings.required("STORE_NAME");
        this.metrics = MetricsFactory.getMetricsInstance();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            try {
                return respond(request);
            } finally {
                metrics.flush();
            }
        });
    }

    private APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent request) {
        boolean chinese = header(request, "accept-language").map(l -> l.toLowerCase(Locale.ROOT).startsWith("zh"))
                .orElse(false);
        String method = request.getRequestContext() == null || request.getRequestContext().getHttp() == null
                ? "GET" : request.getRequestContext().getHttp().getMethod();
        String token = Optional.ofNullable(request.getQueryStringParameters()).map(q -> q.get("token")).orElse(null);
        switch (method) {
            case "GET", "HEAD" -> {
                Verification verification = service.check(token);
                if (verification instanceof Verification.Invalid invalid) {
                    return refused(invalid.reason(), chinese);
                }
                return UnsubscribePages.confirm(storeName, token, chinese);
            }
            case "POST" -> {
                UnsubscribeService.Result result = service.unsubscribe(token);
                if (result instanceof UnsubscribeService.Result.Refused refused) {
                    return refused(refused.reason(), chinese);
                }
                metrics.addMetric("Unsubscribed", 1, MetricUnit.COUNT);
                return UnsubscribePages.done(storeName, chinese);
            }
            default -> {
                return UnsubscribePages.methodNotAllowed();
            }
        }
    }

    private APIGatewayV2HTTPResponse refused(String reason, boolean chinese) {
        metrics.addMetric("UnsubscribeRefused", 1, MetricUnit.COUNT);
        int status = reason.contains("expired") ? 410 : reason.contains("signature") ? 403 : 400;
        return UnsubscribePages.refused(status, chinese);
    }

    private static Optional<String> header(APIGatewayV2HTTPEvent request, String name) {
        if (request.getHeaders() == null) {
            return Optional.empty();
        }
        return request.getHeaders().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }

    /** The canonical MemberUpdated event that withdraws marketing consent (its id is unique per member and moment). */
    static String consentWithdrawn(String customerId, Instant at) {
        String when = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
        ObjectNode event = JSON.createObjectNode();
        event.put("id", "unsubscribe-" + UUID.nameUUIDFromBytes((customerId + "@" + at.toEpochMilli())
                .getBytes(StandardCharsets.UTF_8)));
        event.put("type", "MemberUpdated");
        event.put("version", 1);
        event.put("occurredAt", when);
        event.put("source", "storecrm-unsubscribe");
        ObjectNode body = event.putObject("body");
        body.put("customerId", customerId);
        body.putObject("profile").putObject("marketingConsent")
                .put("granted", false).put("at", when).put("source", "one-click-unsubscribe");
        return event.toString();
    }
}
