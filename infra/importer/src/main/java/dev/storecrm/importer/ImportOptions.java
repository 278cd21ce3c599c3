package dev.storecrm.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options of {@code ./dev import}. Exactly one source: {@code --jsonl}, the Shopify exports
 * (either or both), or {@code --woocommerce}. Relative paths are the caller's (the directory
 * {@code ./dev} was run from).
 */
record ImportOptions(Optional<Path> jsonl, Optional<Path> shopifyCustomers, Optional<Path> shopifyOrders,
                     Optional<OffsetDateTime> exportedAt, Optional<String> woocommerce,
                     Optional<String> woocommerceKeySecret, Optional<Instant> since, Optional<String> bus,
                     Optional<String> region, Optional<String> orderOwnersTable, Optional<String> currency, int rate,
                     Optional<Path> checkpoint, boolean resume) {

    static final int DEFAULT_RATE = 50;

    static final String USAGE = """
            ./dev import: publish a store's history on its event bus, paced, resumable.

            Source (one):
              --jsonl FILE                 canonical events, one JSON object a line (events/README.md)
              --shopify-customers FILE     Shopify admin's customer export (customers_export.csv)
              --shopify-orders FILE        Shopify admin's order export (orders_export.csv); give both files
                                           so that orders go to the customer ids the webhooks use
              --exported-at DATE-TIME      when the Shopify export was made (default: the file's time);
                                           the customers' profiles and e-mail consent are dated so
              --woocommerce URL            a WooCommerce store (https://...), read through its REST API with the key
                                           in WOOCOMMERCE_CONSUMER_KEY and WOOCOMMERCE_CONSUMER_SECRET, or
              --woocommerce-key-secret ID  the Secrets Manager secret that holds it (the stack's WooCommerceRestKeyArn)
              --since DATE                 WooCommerce: only the orders created since (customers: all)

            Destination (default: the local cloud, started for the import, with a summary of the archive):
              --bus NAME|ARN               a deployed stack's event bus (its EventBusName output), with your AWS
                                           credentials (environment, profile, SSO); needs events:PutEvents on it
              --region REGION              the stack's Region (default: your AWS configuration's)
              --order-owners-table NAME    with --bus, Shopify: remember each order's customer in the stack's
                                           OrderOwnersTable, so that refunds and disputes of imported orders map
              --currency CODE              the stack's StoreCurrency (default: template.yaml's)

            Pace and progress:
              --rate N                     events per second at most (default 50)
              --checkpoint FILE            where progress is kept (default: next to the input, <input>.checkpoint.json;
                                           woocommerce-<host>.checkpoint.json); rejected records: <...>.rejects.jsonl
              --resume                     go on after the last record an interrupted import published
              --help                       this text

            Importing the same input twice publishes the same events under the same ids: nothing changes.
            More: docs/import.md""";

    ImportOptions {
        int sources = (jsonl.isPresent() ? 1 : 0) + (shopifyCustomers.isPresent() || shopifyOrders.isPresent() ? 1 : 0)
                + (woocommerce.isPresent() ? 1 : 0);
        if (sources != 1) {
            throw new IllegalArgumentException("name one source: --jsonl, --shopify-customers/--shopify-orders, or"
                    + " --woocommerce");
        }
        if (rate < 1) {
            throw new IllegalArgumentException("--rate must be at least 1 event per second");
        }
        if (orderOwnersTable.isPresent() && bus.isEmpty()) {
            throw new IllegalArgumentException("--order-owners-table goes with --bus (the local cloud has its own)");
        }
        if (since.isPresent() && woocommerce.isEmpty() || woocommerceKeySecret.isPresent() && woocommerce.isEmpty()) {
            throw new IllegalArgumentException("--since and --woocommerce-key-secret go with --woocommerce");
        }
        for (Path file : files(jsonl, shopifyCustomers, shopifyOrders)) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no such file: " + file);
            }
        }
    }

    static ImportOptions parse(List<String> args, Path callerDir) {
        Parsed p = new Parsed();
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("--resume")) {
                p.resume = true;
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args.get(++i);
            try {
                switch (option) {
                    case "--jsonl" -> p.jsonl = Optional.of(callerDir.resolve(value));
                    case "--shopify-customers" -> p.customers = Optional.of(callerDir.resolve(value));
                    case "--shopify-orders" -> p.orders = Optional.of(callerDir.resolve(value));
                    case "--exported-at" -> p.exportedAt = Optional.of(OffsetDateTime.parse(value));
                    case "--woocommerce" -> p.woocommerce = Optional.of(value);
                    case "--woocommerce-key-secret" -> p.keySecret = Optional.of(value);
                    case "--since" -> p.since = Optional.of(instant(value));
                    case "--bus" -> p.bus = Optional.of(value);
                    case "--region" -> p.region = Optional.of(value);
                    case "--order-owners-table" -> p.owners = Optional.of(value);
                    case "--currency" -> p.currency = Optional.of(value);
                    case "--rate" -> p.rate = Integer.parseInt(value);
                    case "--checkpoint" -> p.checkpoint = Optional.of(callerDir.resolve(value));
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new IllegalArgumentException(option + " " + value + ": " + e.getMessage(), e);
            }
        }
        if (p.checkpoint.isEmpty() && p.woocommerce.isPresent()) {
            p.checkpoint = Optional.of(callerDir.resolve(woocommerceCheckpoint(p.woocommerce.get())));
        }
        return new ImportOptions(p.jsonl, p.customers, p.orders, p.exportedAt, p.woocommerce, p.keySecret, p.since,
                p.bus, p.region, p.owners, p.currency, p.rate, p.checkpoint, p.resume);
    }

    /** The files read. */
    List<Path> inputs() {
        return files(jsonl, shopifyCustomers, shopifyOrders);
    }

    @SafeVarargs
    private static List<Path> files(Optional<Path>... inputs) {
        List<Path> files = new ArrayList<>();
        for (Optional<Path> input : inputs) {
            input.ifPresent(files::add);
        }
        return files;
    }

    /** {@code --checkpoint}, or {@code <input>.checkpoint.json} next to the (first) input file. */
    Path checkpointFile() {
        return checkpoint.orElseGet(() -> inputs().isEmpty() ? Path.of(woocommerceCheckpoint(woocommerce.orElseThrow()))
                : inputs().getFirst().resolveSibling(inputs().getFirst().getFileName() + ".checkpoint.json"));
    }

    /** {@code woocommerce-<host>.checkpoint.json}, in the caller's directory. */
    private static String woocommerceCheckpoint(String store) {
        return "woocommerce-" + store.replaceFirst("^[a-z]+://", "").replaceAll("[^A-Za-z0-9.-]+", "_")
                + ".checkpoint.json";
    }

    /** Next to the checkpoint: {@code <...>.rejects.jsonl}. */
    Path rejectsFile() {
        String name = checkpointFile().getFileName().toString().replaceFirst("(\\.checkpoint)?\\.json$", "");
        return checkpointFile().resolveSibling(name + ".rejects.jsonl");
    }

    /** A date ({@code 2024-01-01}, midnight UTC) or a date-time with an offset. */
    private static Instant instant(String value) {
        return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                : OffsetDateTime.parse(value).toInstant();
    }

    private static final class Parsed {
        Optional<Path> jsonl = Optional.empty();
        Optional<Path> customers = Optional.empty();
        Optional<Path> orders = Optional.empty();
        Optional<OffsetDateTime> exportedAt = Optional.empty();
        Optional<String> woocommerce = Optional.empty();
        Optional<String> keySecret = Optional.empty();
        Optional<Instant> since = Optional.empty();
        Optional<String> bus = Optional.empty();
        Optional<String> region = Optional.empty();
        Optional<String> owners = Optional.empty();
        Optional<String> currency = Optional.empty();
        Optional<Path> checkpoint = Optional.empty();
        int rate = DEFAULT_RATE;
        boolean resume;
    }
}
