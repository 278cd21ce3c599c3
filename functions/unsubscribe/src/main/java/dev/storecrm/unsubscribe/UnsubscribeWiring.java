package dev.storecrm.unsubscribe;

import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.messaging.LinkTokens;
import dev.storecrm.platform.AwsClients;
import dev.storecrm.platform.Secrets;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.dynamodb.DynamoDbSuppressionList;
import dev.storecrm.platform.events.EventBridgeStoreBus;
import dev.storecrm.platform.http.PublicFunctionUrl;
import dev.storecrm.platform.metrics.Metrics;
import dev.storecrm.platform.metrics.MetricsFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The composition root of UnsubscribeFunction: settings, clients, adapters, the routes. */
record UnsubscribeWiring(UnsubscribeRoutes routes, PublicFunctionUrl url) {

    private static final ObjectMapper JSON = new ObjectMapper();

    UnsubscribeWiring(Map<String, String> environment, Clock clock) {
        this(new Settings(environment), clock, MetricsFactory.getMetricsInstance());
    }

    private UnsubscribeWiring(Settings env, Clock clock, Metrics metrics) {
        this(new UnsubscribeRoutes(service(env, new AwsClients(env), clock), env.required("STORE_NAME"), metrics),
                new PublicFunctionUrl(metrics));
    }

    private static UnsubscribeService service(Settings env, AwsClients aws, Clock clock) {
        EventBridgeStoreBus storeBus = new EventBridgeStoreBus(aws.eventBridge(), env.required("STORE_EVENT_BUS"),
                "storecrm.unsubscribe");
        return new UnsubscribeService(
                new LinkTokens(Secrets.read(aws.secretsManager(), env.required("UNSUBSCRIBE_KEY_SECRET")),
                        Duration.ofDays(env.longValue("UNSUBSCRIBE_TOKEN_DAYS", 180)), clock),
                new DynamoDbSuppressionList(aws.dynamoDb(), env.required("SUPPRESSIONS_TABLE")),
                (customerId, at) -> storeBus.publish(List.of(consentWithdrawn(customerId, at))),
                clock);
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
