package dev.storecrm.woocommerceadapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.platform.adapter.AdapterFixtures;
import dev.storecrm.platform.adapter.AdapterPublisher;
import dev.storecrm.platform.adapter.AdapterRejects;
import dev.storecrm.platform.adapter.Amounts;
import dev.storecrm.platform.adapter.OrderOwners;
import dev.storecrm.platform.adapter.ReconciliationMarks;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation on the store's REST API (the stub) with the mark in memory: what it reads,
 * what it publishes, how its mark moves, and what a run costs when few or no orders changed.
 */
class WooCommerceReconciliationServiceTest {

    /** AdapterFixtures.CLOCK: 2027-02-01T00:00:00Z. */
    private static final Instant NOW = AdapterFixtures.CLOCK.instant();

    private final WooCommerceRestStub store = new WooCommerceRestStub();
    private final AdapterFixtures fx = new AdapterFixtures();
    private final Map<String, ReconciliationMarks.Mark> saved = new HashMap<>();
    private final ReconciliationMarks marks = new ReconciliationMarks() {
        @Override
        public Optional<Mark> read(String name) {
            return Optional.ofNullable(saved.get(name));
        }

        @Override
        public boolean save(String name, Mark mark) {
            long current = saved.containsKey(name) ? saved.get(name).revision() : 0;
            if (current != mark.revision()) {
                return false;
            }
            saved.put(name, new Mark(mark.since(), mark.nextPage(), mark.sweepStartedAt(), current + 1));
            return true;
        }
    };

    @AfterEach
    void close() {
        store.close();
    }

    private WooCommerceReconciliationService service(int perPage, int maxPages) {
        return service(perPage, maxPages, AdapterFixtures.CLOCK);
    }

    private WooCommerceReconciliationService service(int perPage, int maxPages, Clock clock) {
        WooCommerceRestClient rest = new WooCommerceRestClient(URI.create(store.url()), WooCommerceRestStub.key(),
                HttpClient.newHttpClient(), Duration.ofSeconds(5), Duration.ofMillis(10));
        return new WooCommerceReconciliationService(rest, marks, new WooCommerceOrders(new Amounts("CNY")),
                new AdapterPublisher(fx.bus(), OrderOwners.NONE, clock),
                new AdapterRejects("woocommerce-reconciliation", fx.kept::add, clock),
                new WooCommerceReconciliationService.Policy(Duration.ofMinutes(10), Duration.ofHours(24), perPage,
                        maxPages));
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static List<String> ids(List<JsonNode> events) {
        return events.stream().map(e -> e.path("id").asText()).toList();
    }

    @Test
    void theFirstRunReadsTheLastDayAndPublishesWhatTheWebhookWouldHave() {
        store.putOrder("order-updated-paid.json", 727, "2027-01-31T10:00:00");
        store.putOrder("order-updated-cancelled-guest.json", 735, "2027-01-31T11:00:00");
        store.putOrder("order-created.json", 700, "2027-01-29T09:00:00");
        WooCommerceReconciliationService.Report report = service(100, 50).run();
        assertEquals(List.of("woocommerce:order:727:OrderPlaced", "woocommerce:order:727:OrderPaid",
                "woocommerce:order:735:OrderPlaced", "woocommerce:order:735:OrderCancelled"), ids(fx.published),
                "the orders modified in the last day, the same ids as the webhook's");
        assertEquals(new WooCommerceReconciliationService.Report(1, 2, 4, 0, true, true,
                NOW.minus(Duration.ofHours(24))), report);
        assertTrue(store.requests().getFirst().contains("modified_after=2027-01-30T23%3A50%3A00"),
                "a day back, less the overlap: " + store.requests().getFirst());
        assertEquals(new ReconciliationMarks.Mark(NOW, 1, Optional.empty(), 1), saved.get("woocommerce-orders"),
                "the next sweep reads from when this one began");
    }

    @Test
    void aRunReadsOnlyWhatChangedSinceTheLastSweepAndOnePageWhenNothingDid() {
        saved.put("woocommerce-orders", new ReconciliationMarks.Mark(NOW.minus(Duration.ofMinutes(15)), 1,
                Optional.empty(), 7));
        store.putOrder("order-updated-paid.json", 727, "2027-01-31T23:30:00");
        store.putOrder("order-updated-partial-refund.json", 730, "2027-01-31T23:52:00");
        WooCommerceReconciliationService.Report changed = service(100, 50).run();
        assertEquals(1, changed.orders(), "order 727 was modified before the last sweep began, less the overlap");
        assertEquals(List.of("woocommerce:order:730:OrderPlaced", "woocommerce:order:730:OrderPaid",
                "woocommerce:refund:733:OrderRefunded"), ids(fx.published));

        fx.published.clear();
        WooCommerceReconciliationService.Report overlap = service(100, 50, at(NOW.plus(Duration.ofMinutes(15)))).run();
        assertEquals(1, overlap.orders(),
                "order 730 was modified within the overlap before that sweep began: read again");

        store.forgetRequests();
        fx.published.clear();
        WooCommerceReconciliationService.Report quiet = service(100, 50, at(NOW.plus(Duration.ofMinutes(30)))).run();
        assertEquals(1, store.requests().size(), "no order changed: one page, empty");
        assertEquals(List.of(), fx.published);
        assertEquals(0, quiet.orders());
        assertTrue(quiet.complete());
    }

    @Test
    void aLongSweepGoesOnInTheNextRunFromAPageBackAndEndsWhereItBegan() {
        for (long id = 801; id <= 807; id++) {
            store.putOrder("order-updated-paid.json", id, "2027-01-31T12:00:00");
        }
        WooCommerceReconciliationService.Report first = service(2, 2).run();
        assertEquals(4, first.orders());
        assertFalse(first.complete());
        ReconciliationMarks.Mark stopped = saved.get("woocommerce-orders");
        assertEquals(3, stopped.nextPage());
        assertEquals(Optional.of(NOW), stopped.sweepStartedAt());

        WooCommerceReconciliationService.Report second = service(2, 3).run();
        assertTrue(second.complete());
        assertTrue(store.requests().get(2).contains("page=2&per_page=2"), "a page back: " + store.requests().get(2));
        assertEquals(7, fx.ofType("OrderPaid").stream().map(e -> e.path("id").asText()).distinct().count(),
                "every changed order once at least");
        assertEquals(new ReconciliationMarks.Mark(NOW, 1, Optional.empty(), 2), saved.get("woocommerce-orders"));
    }

    @Test
    void anOrderTheMappingRefusesIsKeptOnceAndTheOthersArePublished() {
        store.putOrder("order-updated-paid.json", 727, "2027-01-31T10:00:00").put("currency", "USD");
        store.putOrder("order-updated-cancelled-guest.json", 735, "2027-01-31T11:00:00");
        WooCommerceReconciliationService.Report report = service(100, 50).run();
        assertEquals(1, report.refused());
        assertEquals(List.of("woocommerce:order:735:OrderPlaced", "woocommerce:order:735:OrderCancelled"),
                ids(fx.published));
        assertEquals(1, fx.kept.size());
        assertEquals(RejectReason.WRONG_CURRENCY, fx.kept.getFirst().reason());
        assertEquals("rest:order:727:2027-01-31T10:00:00", fx.kept.getFirst().messageId());
        assertTrue(fx.kept.getFirst().detail()
                .startsWith("WooCommerce REST order 727 (modified 2027-01-31T10:00:00): "));
    }

    @Test
    void aRunThatLostTheRaceToAnOverlappingRunLeavesItsMark() {
        saved.put("woocommerce-orders", new ReconciliationMarks.Mark(NOW.minus(Duration.ofMinutes(15)), 1,
                Optional.empty(), 3));
        ReconciliationMarks racing = new ReconciliationMarks() {
            @Override
            public Optional<Mark> read(String name) {
                return marks.read(name);
            }

            @Override
            public boolean save(String name, Mark mark) {
                saved.put(name, new Mark(NOW, 1, Optional.empty(), 4)); // the other run saved first
                return marks.save(name, mark);
            }
        };
        WooCommerceRestClient rest = new WooCommerceRestClient(URI.create(store.url()), WooCommerceRestStub.key(),
                HttpClient.newHttpClient(), Duration.ofSeconds(5), Duration.ofMillis(10));
        WooCommerceReconciliationService.Report report = new WooCommerceReconciliationService(rest, racing,
                new WooCommerceOrders(new Amounts("CNY")), new AdapterPublisher(fx.bus(), OrderOwners.NONE,
                AdapterFixtures.CLOCK), fx.rejects("woocommerce-reconciliation"),
                new WooCommerceReconciliationService.Policy(Duration.ofMinutes(10), Duration.ofHours(24), 100, 50))
                        .run();
        assertFalse(report.saved());
        assertEquals(4, saved.get("woocommerce-orders").revision(), "the other run's mark stands");
    }
}
