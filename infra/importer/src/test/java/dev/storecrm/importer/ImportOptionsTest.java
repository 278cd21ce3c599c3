package dev.storecrm.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.localcloud.Template;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The options of ./dev import: one source, files that exist, a sensible place for the checkpoint. */
class ImportOptionsTest {

    private static final Path ROOT = Template.projectRoot();

    private static ImportOptions parse(String... args) {
        return ImportOptions.parse(List.of(args), ROOT);
    }

    private static String refused(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> parse(args)).getMessage();
    }

    @Test
    void filesAreTheCallersAndTheCheckpointAndRejectsGoNextToTheInput() {
        ImportOptions options = parse("--shopify-orders", "events/import/shopify/orders_export.csv", "--rate", "20");
        assertEquals(ROOT.resolve("events/import/shopify/orders_export.csv.checkpoint.json"), options.checkpointFile());
        assertEquals(ROOT.resolve("events/import/shopify/orders_export.csv.rejects.jsonl"), options.rejectsFile());
        assertEquals(20, options.rate());
        ImportOptions woo = parse("--woocommerce", "https://shop.example.com", "--since", "2024-01-01");
        assertEquals(ROOT.resolve("woocommerce-shop.example.com.checkpoint.json"), woo.checkpointFile());
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), woo.since().orElseThrow());
        assertEquals(ImportOptions.DEFAULT_RATE, woo.rate());
    }

    @Test
    void badOptionsAreRefusedSayingWhat() {
        assertTrue(refused("--rate", "10").contains("name one source"));
        assertTrue(refused("--jsonl", "events/import/canonical-events.jsonl", "--woocommerce",
                "https://shop.example.com")
                .contains("name one source"));
        assertTrue(refused("--jsonl", "no/such.jsonl").contains("no such file"));
        assertTrue(refused("--jsonl", "events/import/canonical-events.jsonl", "--rate", "0").contains("--rate"));
        assertTrue(refused("--jsonl", "events/import/canonical-events.jsonl", "--order-owners-table", "T")
                .contains("goes with --bus"));
        assertTrue(refused("--jsonl", "events/import/canonical-events.jsonl", "--since", "2024-01-01")
                .contains("go with --woocommerce"));
        assertTrue(refused("--woocommerce", "https://shop.example.com", "--since", "last year").startsWith("--since"));
        assertTrue(refused("--jsonl").contains("needs a value"));
        assertTrue(refused("--jsonl", "events/import/canonical-events.jsonl", "--fast", "1")
                .contains("unknown option"));
    }
}
