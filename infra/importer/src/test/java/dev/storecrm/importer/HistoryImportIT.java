package dev.storecrm.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.FreshLocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.localcloud.Template;
import dev.storecrm.platform.adapter.StoreBus;
import dev.storecrm.woocommerceadapter.WooCommerceRestStub;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The history import into the local cloud, end to end: the real importer publishing through the
 * SDK's {@code PutEvents} on the store bus, the template's rules routing, the real functions
 * draining their queues (the member archive, cart recovery, the timer sweep, win-back, the sender),
 * and what the archive holds afterwards. Importing the same export twice changes no table and sends
 * no mail twice; an import stopped half-way and resumed builds the archive a clean one builds; a
 * WooCommerce store is read through its REST API (a stub on 127.0.0.1).
 */
@ExtendWith(FreshLocalCloud.class)
class HistoryImportIT {

    private static final Instant NOW = Instant.parse("2026-12-15T00:00:00Z");
    private static final Path ROOT = Template.projectRoot();
    /** OrderOwnersTable's expiry is renewed by each import on purpose: the owner is kept 400 days from the last. */
    private static final Set<String> RENEWED = Set.of("OrderOwnersTable.expiresAt");
    /** A timer's version is a random token each arming draws (its fence against a concurrent re-arm). */
    private static final Set<String> DRAWN = Set.of("TimersTable.version");

    @TempDir
    Path dir;

    private LocalCloud cloud;
    private SimulatedClock clock;
    private LocalFunctions functions;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void reset(LocalCloud cloud) {
        this.cloud = cloud;
        this.clock = new SimulatedClock(NOW);
        this.functions = cloud.functions(clock);
    }

    private Importer.Result importShopify(StoreBus bus, String... more) {
        List<String> args = new ArrayList<>(List.of("--shopify-customers", "events/import/shopify/customers_export.csv",
                "--shopify-orders", "events/import/shopify/orders_export.csv",
                "--exported-at", "2026-12-01T09:00:00+08:00",
                "--rate", "1000", "--checkpoint", dir.resolve("shopify.checkpoint.json").toString()));
        args.addAll(List.of(more));
        return run(ImportOptions.parse(args, ROOT), bus, Map.of());
    }

    private Importer.Result run(ImportOptions options, StoreBus bus, Map<String, String> environment) {
        return new ImportRun(options, bus, LocalImportRun.owners(cloud, clock), "CNY", environment, id -> {
            throw new AssertionError("no secret is read");
        }, Duration.ZERO, clock).execute(new PrintStream(printed, true, StandardCharsets.UTF_8)).orElseThrow();
    }

    /** Every queue drained, then the timer sweep as its every-minute schedule would run it now. */
    private void settle() {
        LocalImportRun.settle(functions, clock.instant());
    }

    /** Every item of every table of the template, as text, sorted; attributes named in {@code ignored} left out. */
    private Map<String, List<String>> tables(Set<String> ignored) {
        Map<String, List<String>> tables = new TreeMap<>();
        for (Template.Resource table : cloud.template().resourcesOfType("AWS::DynamoDB::Table")) {
            tables.put(table.logicalId(), cloud.dynamoDb().scanPaginator(s ->
                    s.tableName(cloud.tableName(table.logicalId()))
                    .consistentRead(true)).items().stream().map(item -> {
                        Map<String, AttributeValue> kept = new TreeMap<>(item);
                        kept.keySet().removeIf(attribute -> ignored.contains(table.logicalId() + "." + attribute));
                        return kept.toString();
                    }).sorted().toList());
        }
        return tables;
    }

    /** Equal tables, or a failure that lists only the items that differ. */
    private static void assertSame(Map<String, List<String>> expected, Map<String, List<String>> actual, String what) {
        List<String> differences = new ArrayList<>();
        expected.forEach((table, items) -> {
            List<String> other = actual.getOrDefault(table, List.of());
            items.stream().filter(item -> !other.contains(item)).forEach(item -> differences.add("- " + item));
            other.stream().filter(item -> !items.contains(item)).forEach(item -> differences.add("+ " + item));
        });
        assertEquals(List.of(), differences, what);
        assertEquals(expected, actual, what);
    }

    private Map<String, AttributeValue> member(String customerId) {
        return cloud.dynamoDb().getItem(g -> g.tableName(cloud.tableName("MembersTable"))
                .key(Map.of("customerId", AttributeValue.fromS(customerId))).consistentRead(true)).item();
    }

    @Test
    void importingTheSameShopifyExportTwiceChangesNothingAndSendsNoMailTwice() {
        Importer.Result first = importShopify(LocalImportRun.bus(cloud));
        assertTrue(first.checkpoint().complete());
        settle();
        Map<String, List<String>> before = tables(RENEWED);
        int mail = cloud.sentMail().size();
        assertEquals("2", member("shopify:7210448301001").get("orderCount").n());
        assertEquals("93700", member("shopify:7210448301001").get("lifetimeSpend").n(),
                "65300 + 37400 - 9000 refunded");
        assertEquals(List.of(), before.get("RejectsTable"), "the adapter checked every event: no consumer refused one");
        assertEquals(7, before.get("OrdersTable").size(), "10 orders in the export, 3 kept as rejected");

        clock.advance(Duration.ofMinutes(5));
        Importer.Result second = importShopify(LocalImportRun.bus(cloud));
        assertEquals(first.checkpoint().events(), second.checkpoint().events(), "the same events published again");
        settle();
        assertSame(before, tables(RENEWED), "no table changed (but the order owners' expiry, renewed)");
        assertEquals(mail, cloud.sentMail().size(), "no mail sent twice (or sent at all by the second import)");
        assertNotEquals(before, tables(Set.of()), "the expiry was renewed: the comparison above did see the tables");
    }

    @Test
    void anImportStoppedHalfWayAndResumedBuildsTheArchiveACleanImportBuilds() {
        StoreBus bus = LocalImportRun.bus(cloud);
        int[] calls = {0};
        Importer.Result stopped = importShopify(events -> {
            if (++calls[0] > 1) {
                throw new IllegalStateException("Unable to execute HTTP request: Connection reset");
            }
            bus.publish(events);
        });
        assertTrue(stopped.stoppedBecause().isPresent());
        assertEquals(10, stopped.checkpoint().events(), "one batch went through");
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("run the same command with --resume"));

        Importer.Result resumed = importShopify(bus, "--resume");
        assertTrue(resumed.checkpoint().complete());
        settle();
        Map<String, List<String>> afterResume = tables(DRAWN);

        cloud.reset();
        clock.set(NOW);
        functions = cloud.functions(clock);
        importShopify(LocalImportRun.bus(cloud));
        settle();
        assertSame(tables(DRAWN), afterResume, "the same archive, the same order owners, the same timers");
    }

    @Test
    void aWooCommerceStoreIsImportedThroughItsRestApiWithTheWebhooksMapping() throws IOException {
        try (WooCommerceRestStub store = new WooCommerceRestStub()) {
            store.putCustomer("customer-updated.json", 26, "member.4001@example.com", "2026-12-02T00:15:20");
            store.putCustomer("customer-created.json", 27, "member.4002@example.com", "2026-11-20T13:03:55");
            store.putOrder("order-updated-partial-refund.json", 727, "2026-11-28T07:02:45");
            store.putOrder("order-updated-cancelled-guest.json", 735, "2026-11-29T02:12:30");
            store.putOrder("order-updated-paid.json", 740, "2026-11-30T10:00:00").put("currency", "USD");
            ImportOptions options = ImportOptions.parse(List.of("--woocommerce", store.url(), "--rate", "1000",
                    "--checkpoint", dir.resolve("woo.checkpoint.json").toString()), ROOT);
            Importer.Result result = run(options, LocalImportRun.bus(cloud), Map.of(
                    "WOOCOMMERCE_CONSUMER_KEY", WooCommerceRestStub.CONSUMER_KEY,
                    "WOOCOMMERCE_CONSUMER_SECRET", WooCommerceRestStub.CONSUMER_SECRET));
            assertTrue(result.checkpoint().complete());
            assertEquals(5, result.checkpoint().records());
            assertEquals(4, store.requests().size(), "the totals (two requests of one record), then a page of each");
        }
        settle();
        Map<String, AttributeValue> wang = member("woocommerce:26");
        assertEquals("1", wang.get("orderCount").n());
        assertEquals("1", wang.get("refundCount").n(), "the partial refund of order 727");
        assertTrue(wang.containsKey("registered"), "a WooCommerce customer is an account: registered");
        assertFalse(member("woocommerce:27").isEmpty());
        List<String> orders = cloud.dynamoDb().scan(s -> s.tableName(cloud.tableName("OrdersTable"))
                .consistentRead(true))
                .items().stream().map(o -> o.get("orderId").s()).sorted().toList();
        assertEquals(List.of("woocommerce:727", "woocommerce:735"), orders);
        List<String> kept = Files.readAllLines(dir.resolve("woo.rejects.jsonl"));
        assertEquals(1, kept.size());
        assertTrue(kept.getFirst().contains("\"record\":\"woocommerce order 740\"")
                && kept.getFirst().contains("\"reason\":\"WRONG_CURRENCY\""), kept.getFirst());
    }

    @Test
    void aJsonlFileOfCanonicalEventsBuildsTheArchiveItDescribes() {
        ImportOptions options = ImportOptions.parse(List.of("--jsonl", "events/import/canonical-events.jsonl", "--rate",
                "1000", "--checkpoint", dir.resolve("jsonl.checkpoint.json").toString()), ROOT);
        Importer.Result result = run(options, LocalImportRun.bus(cloud), Map.of());
        assertEquals(18, result.checkpoint().events());
        settle();
        assertFalse(member("c-1001").isEmpty());
        assertEquals(List.of(), tables(Set.of()).get("RejectsTable"));
    }
}
