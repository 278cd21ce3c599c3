package dev.storecrm.localcloud;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One loopback endpoint for the AWS APIs the JVM emulators do not cover:
 * <ul>
 *   <li><b>Secrets Manager</b> ({@code CreateSecret}, {@code PutSecretValue}, {@code GetSecretValue}), in memory;</li>
 *   <li><b>SES v2</b>, in front of the SES emulator: requests are passed through, except that a
 *       test can make the next sends fail with SES's throttling error ({@link #throttleNextSends});
 *       identities and configuration sets are accepted; and each accepted message produces the
 *       events SES would publish through the stack's configuration set: "Email Sent", then
 *       "Email Delivered", or, for the SES mailbox simulator's addresses, "Email Bounced"
 *       ({@code bounce@simulator.amazonses.com}) and "Email Complaint Received"
 *       ({@code complaint@simulator.amazonses.com}).</li>
 * </ul>
 */
final class LocalAwsGateway implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final URI sesEmulator;
    private final String region;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final AtomicInteger throttledSends = new AtomicInteger();
    private final AtomicInteger sendAttempts = new AtomicInteger();
    private final ConcurrentLinkedQueue<Long> acceptedAt = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Clock> clock = new AtomicReference<>(Clock.systemUTC());
    private volatile Consumer<JsonNode> sesEvents = event -> { };
    private volatile BiConsumer<JsonNode, String> putEvents = (event, bus) -> { };

    LocalAwsGateway(URI sesEmulator, String region) {
        this.sesEmulator = sesEmulator;
        this.region = region;
        server = LoopbackServer.start("local-aws-gateway", 8, this::handle);
    }

    URI endpoint() {
        return LoopbackServer.endpoint(server);
    }

    /** The next {@code count} SendEmail calls fail with SES's {@code TooManyRequestsException}. */
    void throttleNextSends(int count) {
        throttledSends.set(count);
    }

    /** SendEmail calls received, throttled ones included. */
    int sendAttempts() {
        return sendAttempts.get();
    }

    /** When (System.nanoTime) each accepted SendEmail arrived, as SES counts its rate: the pace the sender kept. */
    List<Long> acceptedSendTimes() {
        return List.copyOf(acceptedAt);
    }

    /** Where SES's events go (the local event bus's default bus), and the clock that stamps them. */
    void publishSesEventsTo(Consumer<JsonNode> consumer) {
        this.sesEvents = consumer;
    }

    /** Where the events of {@code PutEvents} calls go: the local event bus, by bus name. */
    void receivePutEvents(BiConsumer<JsonNode, String> bus) {
        this.putEvents = bus;
    }

    void useClock(Clock newClock) {
        clock.set(newClock);
    }

    void reset() {
        throttledSends.set(0);
        sendAttempts.set(0);
        acceptedAt.clear();
        post(sesEmulator.resolve("/clear-store"), "{}", null);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            if (target != null && target.startsWith("secretsmanager.")) {
                secretsManager(exchange, target.substring("secretsmanager.".length()), body);
            } else if ("AWSEvents.PutEvents".equals(target)) {
                putEvents(exchange, body);
            } else if (path.startsWith("/v2/email/")) {
                ses(exchange, path, body, arrived);
            } else {
                respond(exchange, 404, "{\"message\":\"the local AWS gateway does not serve " + path + "\"}");
            }
        } catch (RuntimeException e) {
            respond(exchange, 500, "{\"message\":\"" + e.getClass().getSimpleName() + "\"}");
        }
    }

    private void secretsManager(HttpExchange exchange, String operation, String body) throws IOException {
        JsonNode request = JSON.readTree(body);
        String id = request.path(operation.equals("CreateSecret") ? "Name" : "SecretId").asText();
        String name = id.startsWith("arn:") ? id.substring(id.lastIndexOf(':') + 1) : id;
        ObjectNode response = JSON.createObjectNode();
        response.put("ARN", "arn:aws:secretsmanager:" + region + ":" + Template.ACCOUNT_ID + ":secret:" + name);
        response.put("Name", name);
        response.put("VersionId", "local");
        switch (operation) {
            case "CreateSecret", "PutSecretValue" -> secrets.put(name, request.path("SecretString").asText());
            case "GetSecretValue" -> {
                String value = secrets.get(name);
                if (value == null) {
                    exchange.getResponseHeaders().add("x-amzn-ErrorType", "ResourceNotFoundException");
                    respond(exchange, 400, "{\"__type\":\"ResourceNotFoundException\","
                            + "\"Message\":\"Secrets Manager can't find the specified secret.\"}");
                    return;
                }
                response.put("SecretString", value);
                response.putArray("VersionStages").add("AWSCURRENT");
            }
            default -> {
                respond(exchange, 400, "{\"__type\":\"InvalidRequestException\",\"Message\":\"" + operation
                        + " is not emulated locally\"}");
                return;
            }
        }
        respond(exchange, 200, response.toString());
    }

    /**
     * EventBridge {@code PutEvents}: each entry wrapped in the envelope EventBridge builds (time
     * from the entry or the gateway's clock) and handed to the local bus, which routes it by the
     * template's rules. An entry whose detail is not a JSON object fails alone with
     * {@code MalformedDetail}, as on AWS.
     */
    private void putEvents(HttpExchange exchange, String body) throws IOException {
        ObjectNode response = JSON.createObjectNode();
        ArrayNode results = response.putArray("Entries");
        int failed = 0;
        for (JsonNode entry : JSON.readTree(body).path("Entries")) {
            JsonNode detail;
            try {
                detail = JSON.readTree(entry.path("Detail").asText());
            } catch (IOException malformed) {
                detail = null;
            }
            if (detail == null || !detail.isObject()) {
                failed++;
                results.addObject().put("ErrorCode", "MalformedDetail").put("ErrorMessage", "Detail is malformed.");
                continue;
            }
            ObjectNode event = JSON.createObjectNode();
            String id = UUID.randomUUID().toString();
            event.put("version", "0").put("id", id).put("detail-type", entry.path("DetailType").asText())
                    .put("source", entry.path("Source").asText()).put("account", Template.ACCOUNT_ID)
                    .put("time", entry.hasNonNull("Time") ? Instant.ofEpochMilli((long) (entry.path("Time").asDouble()
                            * 1000)).toString() : clock.get().instant().toString())
                    .put("region", region);
            event.set("resources", entry.hasNonNull("Resources") ? entry.get("Resources") : JSON.createArrayNode());
            event.set("detail", detail);
            String bus = entry.path("EventBusName").asText("default");
            putEvents.accept(event, bus.contains("event-bus/") ? bus.substring(bus.lastIndexOf('/') + 1) : bus);
            results.addObject().put("EventId", id);
        }
        response.put("FailedEntryCount", failed);
        respond(exchange, 200, response.toString());
    }

    private void ses(HttpExchange exchange, String path, String body, long arrived) throws IOException {
        String method = exchange.getRequestMethod();
        if (method.equals("POST")
                && (path.equals("/v2/email/identities") || path.equals("/v2/email/configuration-sets"))) {
            respond(exchange, 200, path.endsWith("identities")
                    ? "{\"IdentityType\":\"DOMAIN\",\"VerifiedForSendingStatus\":true}" : "{}");
            return;
        }
        boolean send = method.equals("POST") && path.equals("/v2/email/outbound-emails");
        if (send) {
            sendAttempts.incrementAndGet();
            if (throttledSends.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "TooManyRequestsException");
                respond(exchange, 429, "{\"__type\":\"TooManyRequestsException\","
                        + "\"message\":\"Maximum sending rate exceeded.\"}");
                return;
            }
        }
        HttpResponse<String> forwarded =
                forward(method, path, body, exchange.getRequestHeaders().getFirst("Authorization"));
        if (send && forwarded.statusCode() == 200) {
            // On the bus before the sender has its answer: a drain that follows the send sees the events (on
            // AWS they come later; their consumer runs only when drained here, so the order cannot show).
            acceptedAt.add(arrived);
            SesEvents.publish(JSON.readTree(body), JSON.readTree(forwarded.body()).path("MessageId").asText(),
                    clock.get().instant(), region, sesEvents);
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        respond(exchange, forwarded.statusCode(), forwarded.body());
    }

    private HttpResponse<String> forward(String method, String path, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(sesEmulator.resolve(path))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization == null ? "AWS4-HMAC-SHA256 local" : authorization)
                .method(method, body.isEmpty()
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the SES emulator did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void post(URI uri, String body, String authorization) {
        forward("POST", uri.getPath(), body, authorization);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
