package dev.storecrm.importer;

import dev.storecrm.platform.adapter.AdapterPublisher;
import dev.storecrm.platform.adapter.AdapterRejects;
import dev.storecrm.platform.adapter.Amounts;
import dev.storecrm.platform.adapter.OrderOwners;
import dev.storecrm.platform.adapter.StoreBus;
import dev.storecrm.platform.messaging.Pacer;
import dev.storecrm.shopifyadapter.ShopifyAdapterService;
import dev.storecrm.woocommerceadapter.WooCommerceOrders;
import dev.storecrm.woocommerceadapter.WooCommerceRestClient;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One import, whatever the destination: the source the options name, mapped by the platform
 * adapters' mappings (refusals kept in the rejects file, as consumer {@code history-import}), the
 * checkpoint read or started, the records published on the bus by the {@link Importer}, and the
 * report printed: what was done, what was kept and why, and how to go on if it stopped.
 *
 * @param bus        where events go: the store bus of the local cloud or of a deployed stack
 * @param owners     where the Shopify adapter remembers each order's customer
 * @param currency   the stack's StoreCurrency
 * @param secrets    reads a Secrets Manager secret (the WooCommerce REST key of {@code --woocommerce-key-secret})
 * @param pause      the first pause before a batch the bus refused is tried again
 */
record ImportRun(ImportOptions options, StoreBus bus, OrderOwners owners, String currency,
                 Map<String, String> environment, UnaryOperator<String> secrets, Duration pause, Clock clock) {

    static final String CONSUMER = "history-import";

    /** Runs the import; answers its result, or empty when there was nothing to do (a complete checkpoint). */
    Optional<Importer.Result> execute(PrintStream out) {
        Path checkpointFile = options.checkpointFile();
        ImportBuffer buffer = new ImportBuffer();
        FileRejects rejects = new FileRejects(options.rejectsFile(), options.resume());
        AdapterRejects kept = new AdapterRejects(CONSUMER, rejects, clock);
        ImportSource source = source(buffer, kept);
        String input = source.fingerprint();
        Checkpoint from = Checkpoint.start(input, clock.instant());
        Optional<Checkpoint> saved = Checkpoint.read(checkpointFile);
        if (options.resume() && saved.isPresent()) {
            if (!saved.get().input().equals(input)) {
                throw new IllegalArgumentException("the checkpoint " + checkpointFile + " is of another input ("
                        + saved.get().input() + "); remove it, or name another with --checkpoint");
            }
            if (saved.get().complete()) {
                out.println("  the import of this input is complete (" + checkpointFile + "): nothing to do");
                return Optional.empty();
            }
            from = saved.get();
            out.printf("  resuming after %s: %,d records and %,d events done before%n", from.position(), from.records(),
                    from.events());
        } else if (saved.isPresent() && !saved.get().complete()) {
            out.println("  an interrupted import left " + checkpointFile + "; starting from the first record"
                    + " (--resume goes on from it instead)");
        }
        out.printf("  input:        %s%n  checkpoint:   %s%n  rate:         at most %d events/s%n",
                input, checkpointFile, options.rate());
        Progress progress = new Progress(out, source.size(), System.console() != null,
                Duration.ofSeconds(System.console() != null ? 1 : 10));
        Importer importer = new Importer(bus, buffer, rejects, new Pacer(options.rate()), checkpointFile, pause, clock);
        Importer.Result result = importer.run(source, from, progress);
        report(out, result, rejects, checkpointFile);
        return Optional.of(result);
    }

    private ImportSource source(ImportBuffer buffer, AdapterRejects kept) {
        Amounts amounts = new Amounts(currency);
        if (options.jsonl().isPresent()) {
            return new JsonlSource(options.jsonl().get(), buffer, kept);
        }
        if (options.woocommerce().isPresent()) {
            String store = options.woocommerce().get();
            WooCommerceRestClient.Key key = options.woocommerceKeySecret()
                    .map(secret -> WooCommerceRestClient.Key.parse(secrets.apply(secret)))
                    .orElseGet(() -> new WooCommerceRestClient.Key(
                            environment.getOrDefault("WOOCOMMERCE_CONSUMER_KEY", ""),
                            environment.getOrDefault("WOOCOMMERCE_CONSUMER_SECRET", "")));
            return new WooCommerceSource(WooCommerceRestClient.of(store, key), store, options.since(),
                    new WooCommerceOrders(amounts), new AdapterPublisher(buffer, OrderOwners.NONE, clock), kept);
        }
        return new ShopifyExportSource(options.shopifyCustomers(), options.shopifyOrders(), exportedAt(),
                new ShopifyAdapterService(amounts, owners, buffer, kept, Optional.empty(), false), kept);
    }

    /** {@code --exported-at}, or when the (customer) export file was last written, to the second. */
    private OffsetDateTime exportedAt() {
        return options.exportedAt().orElseGet(() -> {
            Path file = options.shopifyCustomers().or(options::shopifyOrders).orElseThrow();
            try {
                return OffsetDateTime.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the time of " + file, e);
            }
        });
    }

    private static void report(PrintStream out, Importer.Result result, FileRejects rejects, Path checkpointFile) {
        Checkpoint done = result.checkpoint();
        out.printf("  published:    %,d events of %,d records%n", done.events(), done.records());
        if (rejects.count() > 0) {
            out.printf("  kept:         %,d records or parts not published, by reason %s, in %s%n", rejects.count(),
                    rejects.byReason(), rejects.file());
            rejects.examples().forEach(example -> out.println("                " + example));
        }
        result.stoppedBecause().ifPresent(reason -> {
            out.println("  STOPPED:      " + reason);
            out.println("                the checkpoint " + checkpointFile + " names the last record published;"
                    + " run the same command with --resume to go on");
        });
    }
}
