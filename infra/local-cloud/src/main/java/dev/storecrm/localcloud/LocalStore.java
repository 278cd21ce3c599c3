package dev.storecrm.localcloud;

import dev.storecrm.domain.time.SimulatedClock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5, registered on a field: what an integration test's store is made of, new for each test. The
 * {@link LocalCloudExtension}'s cloud reset as {@link FreshLocalCloud} resets it (before the test's
 * {@code @BeforeEach} methods, and the test fails if it leaves a message in a dead-letter queue, unless
 * {@link #deadLettersExpected()}), a {@link SimulatedClock} at the test's start, and the template's functions on
 * that clock with some environment variables replaced:
 * <pre>{@code
 * @RegisterExtension
 * final LocalStore local = LocalStore.at("2027-01-04T00:00:00Z").with("DISPUTE_AGENT_LOCALE", "en");
 * }</pre>
 */
public final class LocalStore implements BeforeEachCallback, AfterEachCallback {

    /** The function whose every-minute schedule delivers the timers: what time travel runs. */
    public static final String TIMER_SWEEP = "TimerSweepFunction";

    private final FreshLocalCloud fresh = new FreshLocalCloud();
    private final Instant start;
    private final Map<String, String> environment;
    private final boolean strict;
    private LocalCloud cloud;
    private SimulatedClock clock;
    private LocalFunctions functions;

    private LocalStore(Instant start, Map<String, String> environment, boolean strict) {
        this.start = start;
        this.environment = Map.copyOf(environment);
        this.strict = strict;
    }

    /** A store whose clock starts at {@code start}, every function with its template environment. */
    public static LocalStore at(Instant start) {
        return new LocalStore(start, Map.of(), true);
    }

    /** {@link #at(Instant)} at an ISO 8601 instant. */
    public static LocalStore at(String start) {
        return at(Instant.parse(start));
    }

    /** This store with the functions' environment variables {@code environment} replaced. */
    public LocalStore with(Map<String, String> environment) {
        Map<String, String> all = new HashMap<>(this.environment);
        all.putAll(environment);
        return new LocalStore(start, all, strict);
    }

    /** This store with the functions' environment variable {@code name} set to {@code value}. */
    public LocalStore with(String name, String value) {
        return with(Map.of(name, value));
    }

    /** This store for a test that means to dead-letter a message: what the dead-letter queues hold is its to check. */
    public LocalStore deadLettersExpected() {
        return new LocalStore(start, environment, false);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        fresh.beforeEach(context);
        cloud = LocalCloudExtension.cloud(context);
        clock = new SimulatedClock(start);
        functions = cloud.functions(clock, environment);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (strict) {
            fresh.afterEach(context);
        }
    }

    public LocalCloud cloud() {
        return cloud;
    }

    public SimulatedClock clock() {
        return clock;
    }

    public LocalFunctions functions() {
        return functions;
    }

    /**
     * The template's functions deployed again on this clock with {@code environment} (in place of the store's
     * replacements) over the template's: a configuration change mid-test. {@link #functions()} answers them.
     */
    public LocalFunctions redeploy(Map<String, String> environment) {
        functions = cloud.functions(clock, environment);
        return functions;
    }

    /** Publishes a store event (its JSON) on the bus from source {@code test} at this store's clock. */
    public void publish(String event) {
        cloud.eventBus().publish(event, "test", clock.instant());
    }

    /** Time travel to {@code instant} through the timer sweep ({@link LocalFunctions#advanceTo}). */
    public void advanceTo(Instant instant) {
        functions.advanceTo(TIMER_SWEEP, instant);
    }

    /** {@link #advanceTo(Instant)} to an ISO 8601 instant. */
    public void advanceTo(String instant) {
        advanceTo(Instant.parse(instant));
    }
}
