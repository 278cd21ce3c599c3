package dev.storecrm.localcloud;

import dev.storecrm.domain.time.SimulatedClock;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The console served locally, as CloudFront, Cognito and API Gateway serve it after {@code sam
 * deploy}, on one loopback port:
 * <ul>
 *   <li>{@code /} the console's files ({@code console/} of the repository), {@code /templates/} the
 *       rendered template previews, {@code /config.json} where the console finds the rest;</li>
 *   <li>{@code /local-cognito/} Cognito's {@code InitiateAuth} (USER_PASSWORD_AUTH) for the documented
 *       local users ({@link LocalTokenIssuer}), and the issuer's JWKS;</li>
 *   <li>{@code /api/...} the staff API ({@link LocalStaffApi}): every request's token checked as API
 *       Gateway checks it, then the route's real handler invoked under its IAM policy.</li>
 * </ul>
 * The functions' simulated clock moves on in real time from where it stood when serving began, so
 * deadlines count down and tokens expire; after each API request the queues are drained, as their
 * consumers would run on AWS.
 */
public final class LocalConsoleServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js",
            "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "svg", "image/svg+xml", "png", "image/png", "txt", "text/plain; charset=utf-8", "yaml",
            "application/yaml; charset=utf-8");
    private static final String TARGET = "AWSCognitoIdentityProviderService.";

    private final HttpServer server;
    private final LocalStaffApi api;
    private final LocalFunctions functions;
    private final LocalTokenIssuer issuer;
    private final Path files;
    private final Path previews;
    private final Path docs;
    private final SimulatedClock clock;
    private final Instant servedFrom;
    private final long startNanos = System.nanoTime();
    private final Template template;

    /** Serves the console on 127.0.0.1:{@code port} (0: any free port) against these functions. */
    public LocalConsoleServer(LocalCloud cloud, LocalFunctions functions, SimulatedClock clock, int port, Path previews)
            throws IOException {
        this.template = cloud.template();
        this.clock = clock;
        this.servedFrom = clock.instant();
        String[] pool = LocalStaffApi.issuerAndAudience(template, "StaffApi");
        this.issuer = new LocalTokenIssuer(pool[0], pool[1], Duration.ofHours(1), clock);
        this.api = new LocalStaffApi(template, "StaffApi", functions, clock, issuer.jwks());
        this.functions = functions;
        this.files = Template.projectRoot().resolve("console");
        this.docs = Template.projectRoot().resolve("docs");
        this.previews = previews;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newSingleThreadExecutor()); // one request at a time, as the functions expect
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public LocalTokenIssuer issuer() {
        return issuer;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            clock.set(servedFrom.plusNanos(System.nanoTime() - startNanos));
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.startsWith("/api/")) {
                Map<String, String> headers = new LinkedHashMap<>();
                exchange.getRequestHeaders().forEach((k, v) ->
                        headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
                APIGatewayV2HTTPResponse response = api.invoke(method, path.substring("/api".length()),
                        exchange.getRequestURI().getRawQuery(), headers, new String(body, StandardCharsets.UTF_8));
                functions.drainAll(); // the queues' consumers run as they would on AWS (the messages an action sent)
                byte[] out = response.getBody() == null ? new byte[0] : response.getIsBase64Encoded()
                        ? Base64.getDecoder().decode(response.getBody())
                        : response.getBody().getBytes(StandardCharsets.UTF_8);
                response.getHeaders().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
                // The store's time is simulated: the console counts deadlines down from the time it is told.
                exchange.getResponseHeaders().set("X-Store-Time", clock.instant().toString());
                send(exchange, response.getStatusCode(), null, out);
            } else if (path.equals("/local-cognito/") && method.equals("POST")) {
                cognito(exchange, body);
            } else if (path.equals("/local-cognito/.well-known/jwks.json")) {
                send(exchange, 200, "application/json", issuer.jwks().getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/config.json")) {
                send(exchange, 200, "application/json", config().getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith("/templates/")) {
                file(exchange, previews, path.substring("/templates/".length()));
            } else if (path.equals("/staff-api.yaml")) {
                file(exchange, docs, "staff-api.yaml");
            } else {
                file(exchange, files, path.equals("/") ? "index.html" : path.substring(1));
            }
        }
    }

    private String config() {
        ObjectNode config = LocalTokenIssuer.JSON.createObjectNode();
        config.put("region", template.region());
        config.put("authUrl", url() + "local-cognito/");
        config.put("clientId", issuer.audience());
        config.put("apiUrl", url() + "api");
        config.put("storeTimeZone", template.parameter("StoreTimeZone").orElse("UTC"));
        config.put("storeCurrency", template.parameter("StoreCurrency").orElse("CNY"));
        return config.toString();
    }

    /** Cognito's InitiateAuth with USER_PASSWORD_AUTH, as the console calls it; anything else is refused. */
    private void cognito(HttpExchange exchange, byte[] body) throws IOException {
        String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
        JsonNode request = LocalTokenIssuer.JSON.readTree(body);
        ObjectNode answer = LocalTokenIssuer.JSON.createObjectNode();
        if (!target.equals(TARGET + "InitiateAuth") || !request.path("AuthFlow").asText().equals("USER_PASSWORD_AUTH")
                || !request.path("ClientId").asText().equals(issuer.audience())) {
            answer.put("__type", "InvalidParameterException")
                    .put("message", "only USER_PASSWORD_AUTH of the console client");
            send(exchange, 400, "application/x-amz-json-1.1", answer.toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        var token = issuer.signIn(request.path("AuthParameters").path("USERNAME").asText(),
                request.path("AuthParameters").path("PASSWORD").asText());
        if (token.isEmpty()) {
            answer.put("__type", "NotAuthorizedException").put("message", "Incorrect username or password.");
            send(exchange, 400, "application/x-amz-json-1.1", answer.toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        answer.putObject("AuthenticationResult").put("IdToken", token.get()).put("ExpiresIn", 3600)
                .put("TokenType", "Bearer");
        send(exchange, 200, "application/x-amz-json-1.1", answer.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void file(HttpExchange exchange, Path root, String relative) throws IOException {
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String name = file.getFileName().toString();
        String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                + "style-src 'self'; script-src 'self'; frame-src 'self'; frame-ancestors 'self'; connect-src 'self'");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        try (InputStream in = Files.newInputStream(file)) {
            send(exchange, 200, type, in.readAllBytes());
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
