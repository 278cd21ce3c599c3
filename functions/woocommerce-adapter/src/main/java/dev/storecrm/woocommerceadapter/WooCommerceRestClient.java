package dev.storecrm.woocommerceadapter;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The store's WooCommerce REST API (v3), read only, one page of a collection at a time
 * ({@code GET /wp-json/wc/v3/<orders|customers>?page=&per_page=}, with the totals WooCommerce
 * reports in {@code X-WP-Total} and {@code X-WP-TotalPages}). The one client of both the scheduled
 * reconciliation and the history import.
 *
 * <p>Authenticated with a REST key (consumer key and secret) as HTTP Basic credentials, which
 * WooCommerce accepts over HTTPS only; the client refuses to send them over any other scheme, except
 * to a loopback address (a test's stand-in for the store). A 429 or 5xx answer, or no answer, is
 * tried again twice after a pause; a refused key (401, 403) or anything else fails at once with the
 * status, never with the key. Counts the requests it made, which the reconciliation reports as its cost.
 */
public final class WooCommerceRestClient {

    /** The most WooCommerce serves per page. */
    public static final int MAX_PER_PAGE = 100;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 3;

    /** A page of a collection: its items, its number, and the totals over every page. */
    public record Page(List<JsonNode> items, int number, int totalPages, long total) {

        public Page {
            items = List.copyOf(items);
        }

        /** Whether no page follows this one. */
        public boolean last() {
            return number >= totalPages;
        }
    }

    /**
     * A REST key of the store (WooCommerce, Settings, Advanced, REST API; Read permission), as Secrets
     * Manager keeps it: {@code {"consumerKey": "ck_...", "consumerSecret": "cs_..."}}.
     */
    public record Key(String consumerKey, String consumerSecret) {

        public Key {
            if (consumerKey == null || consumerKey.isBlank() || consumerSecret == null || consumerSecret.isBlank()) {
                throw new IllegalStateException("the WooCommerce REST key is empty: put {\"consumerKey\": \"ck_...\","
                        + " \"consumerSecret\": \"cs_...\"} into its secret (docs/adapters.md)");
            }
        }

        /** The key from its secret's JSON. */
        public static Key parse(String secretJson) {
            JsonNode secret;
            try {
                secret = JSON.readTree(secretJson == null ? "" : secretJson);
            } catch (IOException e) {
                throw new IllegalStateException("the WooCommerce REST key's secret is not JSON", e);
            }
            if (secret == null || !secret.isObject()) {
                throw new IllegalStateException("the WooCommerce REST key's secret is not a JSON object");
            }
            return new Key(secret.path("consumerKey").asText(""), secret.path("consumerSecret").asText(""));
        }

        @Override
        public String toString() {
            return "Key[consumerKey=" + consumerKey.substring(0, Math.min(6, consumerKey.length()))
                    + "..., secret hidden]";
        }
    }

    private final URI api;
    private final String authorization;
    private final HttpClient http;
    private final Duration timeout;
    private final Duration pause;
    private final AtomicInteger requests = new AtomicInteger();

    /**
     * @param store the store's address ({@code https://shop.example.com}, or a sub-directory WordPress
     *              is installed in)
     * @param pause how long to wait before trying a failed request again (doubled the second time)
     */
    public WooCommerceRestClient(URI store, Key key, HttpClient http, Duration timeout, Duration pause) {
        this.api = URI.create(store.toString().replaceAll("/+$", "") + "/wp-json/wc/v3/");
        if (!"https".equals(store.getScheme()) && !loopback(store)) {
            throw new IllegalArgumentException("the WooCommerce store's address must be https:// (the REST key "
                    + "travels as Basic credentials, which WooCommerce accepts over HTTPS only)");
        }
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((key.consumerKey() + ":"
                + key.consumerSecret()).getBytes(StandardCharsets.UTF_8));
        this.http = http;
        this.timeout = timeout;
        this.pause = pause;
    }

    /** A client with its own HTTP client, 20-second requests and a 1-second pause before a second try. */
    public static WooCommerceRestClient of(String storeUrl, Key key) {
        return new WooCommerceRestClient(URI.create(storeUrl), key, HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build(),
                Duration.ofSeconds(20), Duration.ofSeconds(1));
    }

    /**
     * One page of a collection.
     *
     * @param resource {@code orders} or {@code customers}
     * @param query    the collection's filters ({@code modified_after}, {@code orderby}, ...)
     * @param page     from 1
     * @param perPage  1 to {@link #MAX_PER_PAGE}
     */
    public Page page(String resource, Map<String, String> query, int page, int perPage) {
        if (!resource.matches("[a-z_]{1,40}") || page < 1 || perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException("no such page: " + resource + " page " + page + " of " + perPage);
        }
        Map<String, String> parameters = new LinkedHashMap<>(query);
        parameters.put("page", Integer.toString(page));
        parameters.put("per_page", Integer.toString(perPage));
        URI uri = api.resolve(resource + "?" + parameters.entrySet().stream()
                .map(p -> encode(p.getKey()) + "=" + encode(p.getValue())).collect(Collectors.joining("&")));
        HttpResponse<String> response = get(uri, resource);
        JsonNode items;
        try {
            items = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("the store answered GET " + resource
                    + " with something that is not JSON", e);
        }
        if (items == null || !items.isArray()) {
            throw new IllegalStateException("the store answered GET " + resource + " with JSON that is not a list");
        }
        List<JsonNode> list = new ArrayList<>();
        items.forEach(list::add);
        int totalPages = (int) header(response, "X-WP-TotalPages", list.isEmpty() ? 0 : page);
        return new Page(list, page, Math.max(totalPages, list.isEmpty() ? 0 : page),
                header(response, "X-WP-Total", list.size()));
    }

    /** How many requests this client has sent (tries again included). */
    public int requests() {
        return requests.get();
    }

    private HttpResponse<String> get(URI uri, String resource) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", authorization)
                .header("Accept", "application/json").GET().build();
        String failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                sleep(pause.multipliedBy(attempt - 1));
            }
            requests.incrementAndGet();
            try {
                HttpResponse<String> response = http.send(request,
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status == 200) {
                    return response;
                }
                if (status == 401 || status == 403) {
                    throw new IllegalStateException("the store refused the REST key (HTTP " + status + " on GET "
                            + resource + "): check the key in its secret and that it may read");
                }
                if (status != 429 && status < 500) {
                    throw new IllegalStateException("the store answered GET " + resource + " with HTTP " + status);
                }
                failure = "HTTP " + status;
            } catch (IOException e) {
                failure = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the store's " + resource, e);
            }
        }
        throw new IllegalStateException("the store did not answer GET " + resource + " after " + ATTEMPTS
                + " tries (last: " + failure + ")");
    }

    private static long header(HttpResponse<String> response, String name, long fallback) {
        return response.headers().firstValue(name).map(String::trim).filter(v -> v.matches("\\d{1,12}"))
                .map(Long::parseLong).orElse(fallback);
    }

    private static boolean loopback(URI uri) {
        try {
            return uri.getHost() != null && InetAddress.getByName(uri.getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to ask the store again", e);
        }
    }
}
