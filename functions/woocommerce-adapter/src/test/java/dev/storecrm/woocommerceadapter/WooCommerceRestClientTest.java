package dev.storecrm.woocommerceadapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REST client against a store's REST API (the stub), as the reconciliation and the import use it. */
class WooCommerceRestClientTest {

    private final WooCommerceRestStub store = new WooCommerceRestStub();

    @AfterEach
    void close() {
        store.close();
    }

    private WooCommerceRestClient client(WooCommerceRestClient.Key key) {
        return new WooCommerceRestClient(URI.create(store.url()), key, HttpClient.newHttpClient(),
                Duration.ofSeconds(5), Duration.ofMillis(10));
    }

    @Test
    void readsACollectionPageByPageWithTheTotalsWooCommerceReports() {
        for (long id = 801; id <= 805; id++) {
            store.putOrder("order-updated-paid.json", id, "2027-01-10T08:00:0" + (id - 800));
        }
        WooCommerceRestClient rest = client(WooCommerceRestStub.key());
        Map<String, String> byId = Map.of("orderby", "id", "order", "asc");
        WooCommerceRestClient.Page first = rest.page("orders", byId, 1, 2);
        WooCommerceRestClient.Page last = rest.page("orders", byId, 3, 2);
        assertEquals(List.of(801L, 802L), first.items().stream().map(o -> o.get("id").asLong()).toList());
        assertEquals(3, first.totalPages());
        assertEquals(5, first.total());
        assertFalse(first.last());
        assertEquals(List.of(805L), last.items().stream().map(o -> o.get("id").asLong()).toList());
        assertTrue(last.last());
        assertEquals(2, rest.requests());
        String request = store.requests().getFirst();
        assertTrue(request.startsWith("/wp-json/wc/v3/orders?") && request.contains("orderby=id")
                && request.contains("order=asc") && request.endsWith("&page=1&per_page=2"), request);
    }

    @Test
    void filtersAreSentAsWooCommerceReadsThem() {
        store.putOrder("order-created.json", 801, "2027-01-10T08:00:00");
        store.putOrder("order-updated-paid.json", 802, "2027-01-10T09:30:00");
        WooCommerceRestClient.Page page = client(WooCommerceRestStub.key()).page("orders",
                Map.of("modified_after", "2027-01-10T09:00:00", "dates_are_gmt", "true"), 1, 100);
        assertEquals(List.of(802L), page.items().stream().map(o -> o.get("id").asLong()).toList());
        assertTrue(store.requests().getFirst().contains("modified_after=2027-01-10T09%3A00%3A00"));
    }

    @Test
    void aBusyStoreIsAskedAgainAndAnEmptyCollectionIsOnePage() {
        store.failNext(2);
        WooCommerceRestClient rest = client(WooCommerceRestStub.key());
        WooCommerceRestClient.Page page = rest.page("customers", Map.of(), 1, 100);
        assertTrue(page.items().isEmpty());
        assertTrue(page.last());
        assertEquals(3, rest.requests(), "two 503s, then the answer");
        store.failNext(3);
        IllegalStateException down = assertThrows(IllegalStateException.class,
                () -> rest.page("orders", Map.of(), 1, 10));
        assertTrue(down.getMessage().contains("after 3 tries (last: HTTP 503)"), down.getMessage());
    }

    @Test
    void aRefusedKeyFailsAtOnceWithoutRepeatingTheKey() {
        WooCommerceRestClient.Key wrong = new WooCommerceRestClient.Key("ck_wrong", "cs_wrong_secret_value");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> client(wrong).page("orders", Map.of(), 1, 10));
        assertTrue(refused.getMessage().contains("refused the REST key (HTTP 401"), refused.getMessage());
        assertFalse(refused.getMessage().contains("cs_wrong_secret_value"));
        assertEquals(1, store.requests().size(), "a refusal is not tried again");
        assertFalse(wrong.toString().contains("cs_wrong"), "the secret never reaches a log line");
    }

    @Test
    void theKeyTravelsOnlyOverHttpsOrToLoopback() {
        IllegalArgumentException plain = assertThrows(IllegalArgumentException.class, () -> new WooCommerceRestClient(
                URI.create("http://shop.example.com"), WooCommerceRestStub.key(), HttpClient.newHttpClient(),
                Duration.ofSeconds(1), Duration.ZERO));
        assertTrue(plain.getMessage().contains("must be https://"));
        assertThrows(IllegalArgumentException.class,
                () -> client(WooCommerceRestStub.key()).page("orders", Map.of(), 1, 101));
    }

    @Test
    void theKeyIsReadFromItsSecretAndAnEmptyOneIsAClearError() {
        assertEquals(WooCommerceRestStub.key(), WooCommerceRestClient.Key.parse(WooCommerceRestStub.keySecret()));
        IllegalStateException empty = assertThrows(IllegalStateException.class,
                () -> WooCommerceRestClient.Key.parse("{\"consumerKey\":\"\",\"consumerSecret\":\"\"}"));
        assertTrue(empty.getMessage().contains("the WooCommerce REST key is empty"));
        assertThrows(IllegalStateException.class, () -> WooCommerceRestClient.Key.parse("ck_abc:cs_def"));
    }
}
