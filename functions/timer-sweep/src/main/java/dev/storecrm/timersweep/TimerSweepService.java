package dev.storecrm.timersweep;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import dev.storecrm.platform.dynamodb.DynamoDbTimers;
import dev.storecrm.platform.dynamodb.DynamoDbTimers.StoredTimer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sweep of the timers: reads the minute buckets from the cursor up to now (only timers that
 * are due), delivers each to its target queue, deletes it unless it was re-armed meanwhile, and
 * moves the cursor on. The cursor trails now by {@link #RESCAN} so that a timer written at a
 * minute's edge, or by a writer whose clock is slightly behind, is still found; delivering twice
 * is harmless, as everything a timer triggers is idempotent. After an outage the sweep catches
 * up, at most {@link #MAX_MINUTES_PER_SWEEP} minutes per run.
 */
public final class TimerSweepService {

    /** What a sweep did; {@code maxLagSeconds} is how late the latest-delivered timer was. */
    public record Report(int delivered, int rearmed, long minutesScanned, long maxLagSeconds) {}

    static final Duration RESCAN = Duration.ofMinutes(2);
    static final long MAX_MINUTES_PER_SWEEP = 120;
    private static final Logger LOG = LoggerFactory.getLogger(TimerSweepService.class);

    private final DynamoDbTimers timers;
    private final Map<String, String> targets;
    private final BiConsumer<String, String> delivery;
    private final Clock clock;

    /**
     * @param targets  timer target names to queue URLs ({@code outbox=https://...})
     * @param delivery sends a body to a queue URL
     */
    public TimerSweepService(DynamoDbTimers timers, Map<String, String> targets, BiConsumer<String, String> delivery,
                             Clock clock) {
        this.timers = timers;
        this.targets = Map.copyOf(targets);
        this.delivery = delivery;
        this.clock = clock;
    }

    public Report sweep() {
        Instant now = clock.instant();
        Instant current = DynamoDbTimers.minuteOf(now);
        Instant from = timers.cursor().map(c -> c.plus(Duration.ofMinutes(1))).orElse(current.minus(RESCAN));
        Instant last = from.plus(Duration.ofMinutes(MAX_MINUTES_PER_SWEEP - 1));
        if (last.isAfter(current)) {
            last = current;
        }
        int delivered = 0;
        int rearmed = 0;
        long maxLag = 0;
        long minutes = 0;
        for (Instant minute = from; !minute.isAfter(last); minute = minute.plus(Duration.ofMinutes(1))) {
            minutes++;
            for (StoredTimer due : timers.dueIn(minute, now)) {
                String queue = targets.get(due.timer().target());
                if (queue == null) {
                    LOG.error("timer has an unknown target; it stays until TIMER_TARGETS names it",
                            entry("timerId", due.timer().id()), entry("target", due.timer().target()));
                    continue;
                }
                delivery.accept(queue, due.timer().body());
                delivered++;
                maxLag = Math.max(maxLag, Duration.between(due.timer().dueAt(), now).toSeconds());
                if (!timers.deleteFired(due)) {
                    rearmed++;
                }
            }
        }
        Instant sweptThrough = last.equals(current) ? current.minus(RESCAN) : last;
        timers.advanceCursor(sweptThrough);
        return new Report(delivered, rearmed, minutes, maxLag);
    }
}
