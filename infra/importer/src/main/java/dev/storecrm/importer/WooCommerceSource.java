package dev.storecrm.importer;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.platform.adapter.AdapterPublisher;
import dev.storecrm.platform.adapter.AdapterRejects;
import dev.storecrm.platform.adapter.Mapping;
import dev.storecrm.platform.adapter.Payload;
import dev.storecrm.woocommerceadapter.WooCommerceCustomers;
import dev.storecrm.woocommerceadapter.WooCommerceOrders;
import dev.storecrm.woocommerceadapter.WooCommerceRestClient;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * A WooCommerce store read through its REST API ({@link WooCommerceRestClient}, the one the
 * scheduled reconciliation uses): first every customer, then the orders (created since
 * {@code --since}, if given), each collection by id, oldest first, a hundred a page. Each is mapped
 * by the webhook's own mapping: a customer as its registration and its profile now
 * ({@link WooCommerceCustomers}: {@code customer.created} and {@code customer.updated}), an order as
 * every fact it shows ({@link WooCommerceOrders}), under the webhook's ids, so that an order imported
 * and later delivered or reconciled counts once.
 *
 * <p>Positions: {@code customers:<page>:<id>} and {@code orders:<page>:<id>}. An import resumed goes
 * on a page before the one it stopped in and skips the ids it did: pages move when records are
 * deleted meanwhile; ids do not.
 */
final class WooCommerceSource implements ImportSource {

    private static final DateTimeFormatter GMT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final WooCommerceRestClient rest;
    private final String store;
    private final Optional<Instant> since;
    private final WooCommerceOrders orders;
    private final WooCommerceCustomers customers = new WooCommerceCustomers();
    private final AdapterPublisher publisher;
    private final AdapterRejects rejects;

    WooCommerceSource(WooCommerceRestClient rest, String store, Optional<Instant> since, WooCommerceOrders orders,
                      AdapterPublisher publisher, AdapterRejects rejects) {
        this.rest = rest;
        this.store = store;
        this.since = since;
        this.orders = orders;
        this.publisher = publisher;
        this.rejects = rejects;
    }

    @Override
    public String fingerprint() {
        return "woocommerce " + store + since.map(at -> " since " + at).orElse("");
    }

    /** What the store reports in {@code X-WP-Total}: two requests of one record each. */
    @Override
    public OptionalLong size() {
        return OptionalLong.of(rest.page("customers", query("customers"), 1, 1).total()
                + rest.page("orders", query("orders"), 1, 1).total());
    }

    @Override
    public Iterator<SourceRecord> records(String after) {
        String[] position = after.isEmpty() ? new String[] {"customers", "1", "0"} : after.split(":");
        boolean inOrders = position[0].equals("orders");
        int page = Math.max(1, Integer.parseInt(position[1]) - (after.isEmpty() ? 0 : 1));
        long lastId = Long.parseLong(position[2]);
        Iterator<SourceRecord> customerRecords = inOrders ? Collections.emptyIterator()
                : collection("customers", page, lastId, this::customer);
        Iterator<SourceRecord> orderRecords = collection("orders", inOrders ? page : 1, inOrders ? lastId : 0,
                this::order);
        return Records.inOrder(customerRecords, orderRecords);
    }

    /** A collection's records from a page on, past an id, fetched a page at a time as they are needed. */
    private Iterator<SourceRecord> collection(String resource, int fromPage, long afterId,
                                              Function<JsonNode, Runnable> mapping) {
        Deque<JsonNode> items = new ArrayDeque<>();
        int[] page = {fromPage};
        boolean[] more = {true};
        return Records.until(() -> {
            while (items.isEmpty() && more[0]) {
                WooCommerceRestClient.Page result = rest.page(resource, query(resource), page[0],
                        WooCommerceRestClient.MAX_PER_PAGE);
                result.items().stream().filter(item -> item.path("id").asLong() > afterId).forEach(items::add);
                more[0] = !result.last() && !result.items().isEmpty();
                page[0]++;
            }
            JsonNode item = items.pollFirst();
            if (item == null) {
                return null;
            }
            String position = resource + ":" + (page[0] - 1) + ":" + item.path("id").asLong();
            return new SourceRecord(position, mapping.apply(item));
        });
    }

    private Map<String, String> query(String resource) {
        Map<String, String> query = new LinkedHashMap<>(Map.of("orderby", "id", "order", "asc"));
        if (resource.equals("orders")) {
            since.ifPresent(at -> query.putAll(Map.of("after", GMT.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC)),
                    "dates_are_gmt", "true")));
        }
        return query;
    }

    private Runnable customer(JsonNode customer) {
        return () -> publish("customer", customer, List.of(customers::created, customers::updated));
    }

    private Runnable order(JsonNode order) {
        return () -> publish("order", order, List.of(orders::map));
    }

    private void publish(String kind, JsonNode item, List<Function<Payload, Mapping>> mappings) {
        String id = item.path("id").asText("unknown");
        String record = "woocommerce " + kind + " " + id;
        try {
            for (Function<Payload, Mapping> mapping : mappings) {
                Mapping mapped = mapping.apply(Payload.of(item, kind));
                publisher.publish(mapped);
                mapped.alsoKept().ifPresent(part -> rejects.keptInPart(record, Optional.empty(), Optional.of(kind),
                        part, item.toString()));
            }
        } catch (InvalidInputException refused) {
            rejects.refused(record, Optional.empty(), Optional.of(kind), new InvalidInputException(refused.reason(),
                    "WooCommerce REST " + kind + " " + id + ": " + refused.detail()), item.toString());
        }
    }
}
