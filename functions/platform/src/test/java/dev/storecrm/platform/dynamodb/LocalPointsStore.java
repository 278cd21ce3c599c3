package dev.storecrm.platform.dynamodb;

import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A store's points in the local cloud, as the points integration tests (loyalty, the checkout's redemption) set it
 * up: the template's real functions on a simulated clock, and the PointsLedgerTable read as those functions read it.
 */
public record LocalPointsStore(SimulatedClock clock, LocalFunctions functions, DynamoDbPointsBook book) {

    /** How long ledger entries are kept as read here: longer than any test's journey (three years). */
    private static final Duration RETENTION = Duration.ofDays(1_100);

    /** The store from {@code start}, every function with its template environment. */
    public static LocalPointsStore at(LocalCloud cloud, Instant start) {
        return at(cloud, start, Map.of());
    }

    /** As {@link #at(LocalCloud, Instant)}, with some environment variables replaced. */
    public static LocalPointsStore at(LocalCloud cloud, Instant start, Map<String, String> environment) {
        SimulatedClock clock = new SimulatedClock(start);
        return new LocalPointsStore(clock, cloud.functions(clock, environment),
                new DynamoDbPointsBook(cloud.dynamoDb(), cloud.tableName("PointsLedgerTable"), RETENTION));
    }
}
