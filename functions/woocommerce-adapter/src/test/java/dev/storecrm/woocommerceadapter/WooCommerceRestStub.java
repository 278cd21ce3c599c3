package dev.storecrm.woocommerceadapter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.platform.adapter.AdapterFixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WooCommerce store's REST API (v3) as the tests need it, on 127.0.0.1: {@code GET
 * /wp-json/wc/v3/orders} and {@code /customers}, paged ({@code page}, {@code per_page} up to 100,
 * {@code X-WP-Total}, {@code X-WP-TotalPages}), ordered by id or date either way, filtered by
 * {@code modified_after} and {@code after} (GMT with {@code dates_are_gmt}), behind the REST key as
 * Basic credentials (401 with WooCommerce's error otherwise). Serves the documented order and
 * customer JSON of {@code events/woocommerce-adapter/}, under ids and times a test chooses. Records
 * every request, and can answer the next ones with 503.
 */
public final class WooCommerceRestStub implements AutoCloseable {

    public static final String CONSUMER_KEY = "ck_0123456789abcdef0123456789abcdef01234567";
    public static final String CONSUMER_SECRET = "cs_0123456789abcdef0123456789abcdef01234567";

    private final HttpServer server;
    private final List<ObjectNode> orders = new CopyOnWriteArrayList<>();
    private final List<ObjectNode> customers = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();

    public WooCommerceRestStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("no loopback port for the WooCommerce stub", e);
        }
        server.createContext("/wp-json/wc/v3/", this::handle);
        server.start();
    }

    /** The store's address, as {@code WooCommerceStoreUrl} would name it. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public static WooCommerceRestClient.Key key() {
        return new WooCommerceRestClient.Key(CONSUMER_KEY, CONSUMER_SECRET);
    }

    /** The REST key as its secret holds it. */
    public static String keySecret() {
        return "{\"consumerKey\":\"" + CONSUMER_KEY + "\",\"consumerSecret\":\"" + CONSUMER_SECRET + "\"}";
    }

    /**
     * An order of the store: the body of a sample delivery ({@code order-created.json}, ...) under
     * another id, last modified at {@code modifiedGmt} ({@code 2027-01-10T08:00:00}).
     */
    public ObjectNode putOrder(String sample, long id, String modifiedGmt) {
        ObjectNode order = ((ObjectNode) AdapterFixtures.sample("woocommerce-adapter/" + sample).get("body"))
                .deepCopy();
        order.put("id", id).put("number", Long.toString(id)).put("date_modified_gmt", modifiedGmt)
                .put("date_modified", LocalDateTime.parse(modifiedGmt).plusHours(8).toString());
        return put(orders, order);
    }

    /** A customer of the store: the body of a sample delivery under another id, e-mail and modification time. */
    public ObjectNode putCustomer(String sample, long id, String email, String modifiedGmt) {
        ObjectNode customer = ((ObjectNode) AdapterFixtures.sample("woocommerce-adapter/" + sample).get("body"))
                .deepCopy();
        customer.put("id", id).put("email", email).put("date_modified_gmt", modifiedGmt)
                .put("date_modified", LocalDateTime.parse(modifiedGmt).plusHours(8).toString());
        ((ObjectNode) customer.get("billing")).put("email", email);
        return put(customers, customer);
    }

    private static ObjectNode put(List<ObjectNode> collection, ObjectNode item) {
        collection.removeIf(existing -> existing.get("id").asLong() == item.get("id").asLong());
        collection.add(item);
        return item;
    }

    /** The requests received (path and query), in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public void forgetRequests() {
        requests.clear();
    }

    /** The next {@code count} requests are answered 503, as a store behind a busy proxy would. */
    public void failNext(int count) {
        failNext.set(count);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(path + (query == null ? "" : "?" + query));
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                respond(exchange, 503, "<html><body>Service Unavailable</body></html>", Map.of());
                return;
            }
            String expected = "Basic " + Base64.getEncoder().encodeToString((CONSUMER_KEY + ":" + CONSUMER_SECRET)
                    .getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "{\"code\":\"woocommerce_rest_cannot_view\",\"message\":\"Sorry, you cannot list"
                        + " resources.\",\"data\":{\"status\":401}}", Map.of());
                return;
            }
            String resource = path.substring("/wp-json/wc/v3/".length());
            List<ObjectNode> collection = switch (resource) {
                case "orders" -> orders;
                case "customers" -> customers;
                default -> null;
            };
            if (collection == null || !"GET".equals(exchange.getRequestMethod())) {
                respond(exchange, 404, "{\"code\":\"rest_no_route\",\"message\":\"No route was found matching the URL"
                        + " and request method.\",\"data\":{\"status\":404}}", Map.of());
                return;
            }
            list(exchange, collection, parameters(query));
        }
    }

    private static void list(HttpExchange exchange, List<ObjectNode> collection, Map<String, String> p)
            throws IOException {
        int perPage = Integer.parseInt(p.getOrDefault("per_page", "10"));
        int page = Integer.parseInt(p.getOrDefault("page", "1"));
        if (perPage < 1 || perPage > 100 || page < 1) {
            respond(exchange, 400, "{\"code\":\"rest_invalid_param\",\"message\":\"Invalid parameter(s): per_page\","
                    + "\"data\":{\"status\":400}}", Map.of());
            return;
        }
        List<ObjectNode> selected = new ArrayList<>(collection.stream()
                .filter(item -> after(item, "date_modified_gmt", p.get("modified_after")))
                .filter(item -> after(item, "date_created_gmt", p.get("after")))
                .toList());
        Comparator<ObjectNode> order = "id".equals(p.get("orderby"))
                ? Comparator.comparingLong(item -> item.get("id").asLong())
                : Comparator.comparing((ObjectNode item) -> item.path("date_created_gmt").asText())
                        .thenComparingLong(item -> item.get("id").asLong());
        selected.sort("asc".equals(p.get("order")) ? order : order.reversed());
        int totalPages = (selected.size() + perPage - 1) / perPage;
        ArrayNode body = AdapterFixtures.JSON.createArrayNode();
        selected.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(body::add);
        respond(exchange, 200, body.toString(), Map.of("X-WP-Total", Integer.toString(selected.size()),
                "X-WP-TotalPages", Integer.toString(totalPages)));
    }

    /** Whether the item's GMT time lies after the bound (no bound: every item). */
    private static boolean after(JsonNode item, String field, String bound) {
        return bound == null || LocalDateTime.parse(item.path(field).asText()).isAfter(LocalDateTime.parse(bound));
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                parameters.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static void respond(HttpExchange exchange, int status, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
