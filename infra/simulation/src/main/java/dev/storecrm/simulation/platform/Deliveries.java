package dev.storecrm.simulation.platform;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.TableScan;
import dev.storecrm.platform.adapter.SignedDeliveries;
import dev.storecrm.platform.adapter.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How a platform's voice reaches the local cloud, and what it keeps count of: webhooks put on a
 * partner event bus (which must route them to the adapter's queue), requests to a function URL
 * (which must be answered 2xx), and the store's backend posting canonical events to the signed
 * webhook for what the platform has no place for. Counts each delivery by route and topic, and
 * what the platform could not say at all, for the report; collects what went wrong for the
 * invariant that nothing is lost.
 */
final class Deliveries {

    static final String SIGNED_WEBHOOK = "SignedWebhookFunction";
    private static final String IMPORT_SOURCE = "storecrm-import";

    private final LocalCloud cloud;
    private final LocalFunctions functions;
    private final Clock clock;
    private final String adapter;
    private final Map<String, Integer> routes = new TreeMap<>();
    private final Map<String, Integer> unsaid = new TreeMap<>();
    private final Map<String, Integer> invocations = new TreeMap<>();
    private final List<String> unrouted = new ArrayList<>();
    private byte[] backendSecret;

    /** @param adapter the adapter's name as its RejectsTable items give it ({@code shopify-adapter}) */
    Deliveries(LocalCloud cloud, LocalFunctions functions, Clock clock, String adapter) {
        this.cloud = cloud;
        this.functions = functions;
        this.clock = clock;
        this.adapter = adapter;
    }

    Instant now() {
        return clock.instant();
    }

    /** A platform's event on its partner bus, which must reach the adapter's queue and nothing else. */
    void toPartnerBus(String topic, ObjectNode event, String bus, String adapterQueue) {
        routes.merge(adapter + ": " + topic, 1, Integer::sum);
        List<String> queues = cloud.eventBus().publish(event, bus);
        if (!queues.equals(List.of(adapterQueue))) {
            unrouted.add(topic + " " + event.path("id").asText() + " reached " + queues + ", not " + adapterQueue);
        }
    }

    /** A request to a function URL ({@code AuthType: NONE}); a refusal (not 2xx) is lost unless {@code alsoFine}. */
    void toUrl(String topic, String function, WebhookRequest request, Set<Integer> alsoFine) {
        routes.merge((function.equals(SIGNED_WEBHOOK) ? "signed-webhook" : adapter) + ": " + topic, 1, Integer::sum);
        invocations.merge(function, 1, Integer::sum);
        APIGatewayV2HTTPResponse answer = functions.invokeUrl(function, "POST", "/", "", request.headers(),
                request.body());
        int status = answer.getStatusCode();
        if ((status < 200 || status > 299) && !alsoFine.contains(status)) {
            unrouted.add(topic + " " + request.requestId() + " answered " + status + " by " + function + ": "
                    + answer.getBody());
        }
    }

    /**
     * The store's own backend says what the platform has no place for: a canonical event, signed with
     * the secret the local cloud generated, to the signed webhook. A 409 (the event was published
     * before) is a duplicate delivery's expected answer.
     */
    void fromBackend(String what, ObjectNode canonical) {
        if (backendSecret == null) {
            backendSecret = secret("SignedWebhookSecret");
        }
        WebhookRequest request = SignedDeliveries.signedWebhook(canonical.toString(), clock.instant().getEpochSecond(),
                backendSecret, "backend-" + canonical.path("id").asText());
        toUrl(canonical.path("type").asText() + " (" + what + ")", SIGNED_WEBHOOK, request, Set.of(409));
    }

    /** One of the store's past events, imported as {@code ./dev import} would: on the store bus as it is. */
    void imported(ObjectNode canonical) {
        routes.merge("import (./dev import): " + canonical.path("type").asText(), 1, Integer::sum);
        if (cloud.eventBus().publish(canonical.toString(), IMPORT_SOURCE, clock.instant()).isEmpty()) {
            unrouted.add(canonical.path("type").asText() + " " + canonical.path("id").asText() + " (imported)");
        }
    }

    /** Something the store did that the platform has no way to say (counted for the report). */
    void unsaid(String what) {
        unsaid.merge(what, 1, Integer::sum);
    }

    /** A secret of the template as the local cloud generated it. */
    byte[] secret(String logicalId) {
        return cloud.secretsManager().getSecretValue(g -> g.secretId(cloud.template().physicalName(logicalId)))
                .secretString().getBytes(StandardCharsets.UTF_8);
    }

    /** What went wrong since the last call. */
    List<String> takeUnrouted() {
        List<String> taken = List.copyOf(unrouted);
        unrouted.clear();
        return taken;
    }

    Map<String, Integer> invocations() {
        return invocations;
    }

    /** The store's payloads the adapter or the signed webhook kept in the RejectsTable: none should be. */
    List<String> lost() {
        List<String> lost = new ArrayList<>();
        for (Map<String, AttributeValue> item : TableScan.items(cloud, "RejectsTable").toList()) {
            String consumer = item.get("consumer").s();
            if (consumer.equals(adapter) || consumer.equals("signed-webhook")) {
                lost.add(consumer + " kept " + item.get("reason").s() + ": " + item.get("detail").s());
            }
        }
        return lost;
    }

    String report() {
        StringBuilder out = new StringBuilder();
        routes.forEach((route, n) -> out.append(String.format("  %-100s %,8d%n", route, n)));
        if (!unsaid.isEmpty()) {
            out.append("  not said: the platform has no way to say it\n");
            unsaid.forEach((what, n) -> out.append(String.format("    %-98s %,8d%n", what, n)));
        }
        return out.toString();
    }
}
