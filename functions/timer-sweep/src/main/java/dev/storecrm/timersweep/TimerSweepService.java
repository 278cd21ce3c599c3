package dev.storecrm.timersweep;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.messaging.DueTimers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sweep of the timers: asks each shard for the timers due now (and only those), delivers each to
 * its target queue, and deletes it unless it was re-armed meanwhile. Delivery is at least once
 * (everything a timer triggers is idempotent), so overlapping sweeps are harmless. A sweep delivers
 * at most {@link #MAX_PER_SHARD} timers per shard; if more are due it says so, and the next minute's
 * sweep goes on.
 */
public final class TimerSweepService {

    /** What a sweep did; {@code maxLagSeconds} is how late the latest-delivered timer was; {@code more}: work left. */
    public record Report(int delivered, int rearmed, long maxLagSeconds, boolean more) {}

    static final int MAX_PER_SHARD = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(TimerSweepService.class);

    private final DueTimers timers;
    private final Map<String, String> targets;
    private final BiConsumer<String, String> delivery;
    private final Clock clock;

    /**
     * @param targets  timer target names to queue URLs ({@code outbox=https://...})
     * @param delivery sends a body to a queue URL
     */
    public TimerSweepService(DueTimers timers, Map<String, String> targets, BiConsumer<String, String> delivery,
                             Clock clock) {
        this.timers = timers;
        this.targets = Map.copyOf(targets);
        this.delivery = delivery;
        this.clock = clock;
    }

    public Report sweep() {
        Instant now = clock.instant();
        int delivered = 0;
        int rearmed = 0;
        long maxLag = 0;
        boolean more = false;
        for (int shard = 0; shard < timers.shards(); shard++) {
            var due = timers.due(shard, now, MAX_PER_SHARD);
            more |= due.size() == MAX_PER_SHARD;
            for (DueTimers.Armed timer : due) {
                String queue = targets.get(timer.timer().target());
                if (queue == null) {
                    LOG.error("timer has an unknown target; it stays until TIMER_TARGETS names it",
                            entry("timerId", timer.timer().id()), entry("target", timer.timer().target()));
                    continue;
                }
                delivery.accept(queue, timer.timer().body());
                delivered++;
                maxLag = Math.max(maxLag, Duration.between(timer.timer().dueAt(), now).toSeconds());
                if (!timers.deleteFired(timer)) {
                    rearmed++;
                }
            }
        }
        return new Report(delivered, rearmed, maxLag, more);
    }
}
