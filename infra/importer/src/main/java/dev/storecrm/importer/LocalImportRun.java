package dev.storecrm.importer;

import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.platform.AwsClients;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.adapter.OrderOwners;
import dev.storecrm.platform.adapter.StoreBus;
import dev.storecrm.platform.dynamodb.DynamoDbOrderOwners;
import dev.storecrm.platform.events.EventBridgeStoreBus;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./dev import} without {@code --bus}: the import into the local cloud, the way {@code ./dev
 * run} plays a store. The local cloud lives in this JVM: it is started and provisioned from
 * template.yaml, the import publishes through the SDK's {@code PutEvents} on its store bus (routed
 * by the template's rules), the real functions drain their queues, the timer sweep runs once as its
 * schedule would in the stack's first minute, and the archive the history built is summarised
 * ({@link ArchiveSummary}). The cloud is gone when the command ends: this shows what an import
 * does, and checks the input, before it is run against a deployed stack.
 */
final class LocalImportRun {

    static final String SWEEP = "TimerSweepFunction";

    private LocalImportRun() {}

    static Optional<Importer.Result> run(ImportOptions options, PrintStream out, Map<String, String> environment) {
        out.println("StoreCRM history import into the local cloud");
        try (LocalCloud cloud = LocalCloud.start().provision()) {
            out.println("  local cloud:  " + cloud.describe());
            SimulatedClock clock = new SimulatedClock(Instant.now());
            LocalFunctions functions = cloud.functions(clock);
            Optional<Importer.Result> result = new ImportRun(options, bus(cloud), owners(cloud, Clock.systemUTC()),
                    currency(options, functions), environment, id -> {
                        throw new IllegalArgumentException("--woocommerce-key-secret reads a deployed stack's secret"
                                + " (with --bus); for the local cloud set WOOCOMMERCE_CONSUMER_KEY and"
                                + " WOOCOMMERCE_CONSUMER_SECRET");
                    }, Duration.ofSeconds(1), Clock.systemUTC()).execute(out);
            settle(functions, Instant.now());
            boolean intact = new ArchiveSummary(cloud).print(out);
            return result.filter(r -> intact);
        }
    }

    /** The local cloud's store bus, through the SDK's {@code PutEvents} as a deployed import publishes. */
    static StoreBus bus(LocalCloud cloud) {
        return new EventBridgeStoreBus(new AwsClients(new Settings(Map.of("AWS_REGION", cloud.template().region())))
                .eventBridge(), cloud.eventBus().storeBusName(), "storecrm.import")::publish;
    }

    /** The template's OrderOwnersTable, as the Shopify adapter keeps it. */
    static OrderOwners owners(LocalCloud cloud, Clock clock) {
        return new RememberedOrderOwners(new DynamoDbOrderOwners(cloud.dynamoDb(), cloud.tableName("OrderOwnersTable"),
                Duration.ofDays(400), clock));
    }

    static String currency(ImportOptions options, LocalFunctions functions) {
        return options.currency().orElseGet(() -> functions.spec("MemberArchiveFunction").environment()
                .get("STORE_CURRENCY"));
    }

    /** Every queue drained by its function, then the timer sweep as its schedule would run it at {@code now}. */
    static void settle(LocalFunctions functions, Instant now) {
        functions.advanceTo(SWEEP, now);
    }
}
