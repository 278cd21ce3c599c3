package dev.storecrm.domain.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told to: time travel for unit tests (with the test fixtures' in-memory
 * ports), for the local cloud and for the simulated store. Every handler and service takes a
 * {@link Clock}; production passes the system clock, tests and the local runs this one. It lives
 * here, in the module every other one depends on, so that the local cloud and the test fixtures
 * share it without depending on each other.
 */
public final class SimulatedClock extends Clock {

    private final AtomicReference<Instant> now;

    public SimulatedClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    public Instant advance(Duration duration) {
        return now.updateAndGet(i -> i.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a simulated clock is in UTC; convert instants where a zone is needed");
    }
}
