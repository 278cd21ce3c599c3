package dev.storecrm.timersweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.messaging.Timers.Timer;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.memory.InMemoryTimers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One sweep with in-memory timers: what is delivered where, what stays, and what a sweep reports. */
class TimerSweepServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T03:00:20Z");
    private static final Map<String, String> QUEUES =
            Map.of("outbox", "https://sqs/outbox", "cart", "https://sqs/cart");

    private final SimulatedClock clock = new SimulatedClock(NOW);
    private final InMemoryTimers timers = new InMemoryTimers(4);
    private final List<String> delivered = new ArrayList<>();
    private final TimerSweepService sweep = new TimerSweepService(timers, QUEUES,
            (queue, body) -> delivered.add(queue + " " + body), clock);

    @Test
    void dueTimersGoToTheirTargetsQueueAndAreGoneTimersNotDueStay() {
        timers.schedule(new Timer("cart#1", "cart", "step-1", NOW.minusSeconds(20)));
        timers.schedule(new Timer("mail#1", "outbox", "deferred", NOW.minusSeconds(3600)));
        timers.schedule(new Timer("cart#2", "cart", "step-2", NOW.plusSeconds(60)));

        TimerSweepService.Report report = sweep.sweep();

        assertEquals(List.of("https://sqs/cart step-1", "https://sqs/outbox deferred"), delivered.stream().sorted()
                .toList());
        assertEquals(new TimerSweepService.Report(2, 0, 3600, false), report, "the latest was an hour late");
        assertEquals(List.of("cart#2"), timers.armed().stream().map(Timer::id).toList());
    }

    @Test
    void aTimerReArmedWhileItWasDeliveredIsKeptForItsNewTime() {
        timers.schedule(new Timer("cart#1", "cart", "step-1", NOW));
        TimerSweepService rearming = new TimerSweepService(timers, QUEUES, (queue, body) ->
                timers.schedule(new Timer("cart#1", "cart", "step-2", NOW.plusSeconds(86_400))), clock);

        assertEquals(1, rearming.sweep().rearmed());
        assertEquals("step-2", timers.find("cart#1").orElseThrow().body());
    }

    @Test
    void aTimerOfAnUnknownTargetStaysUntilTheTargetIsConfigured() {
        timers.schedule(new Timer("x#1", "nowhere", "body", NOW));
        assertEquals(0, sweep.sweep().delivered());
        assertTrue(delivered.isEmpty());
        assertTrue(timers.find("x#1").isPresent());
    }

    @Test
    void aDeliveryThatFailsLeavesTheTimerForTheNextMinutesSweep() {
        timers.schedule(new Timer("mail#1", "outbox", "deferred", NOW));
        TimerSweepService failing = new TimerSweepService(timers, QUEUES, (queue, body) -> {
            throw new IllegalStateException("SQS unavailable");
        }, clock);
        assertThrows(IllegalStateException.class, failing::sweep);

        clock.set(NOW.plusSeconds(60));
        assertEquals(1, sweep.sweep().delivered());
        assertFalse(timers.find("mail#1").isPresent());
    }

    @Test
    void aShardWithMoreDueThanOneSweepTakesSaysSoAndTheNextSweepGoesOn() {
        InMemoryTimers one = new InMemoryTimers(1);
        for (int i = 0; i <= TimerSweepService.MAX_PER_SHARD; i++) {
            one.schedule(new Timer("mail#" + i, "outbox", "m" + i, NOW.minusSeconds(i)));
        }
        TimerSweepService busy = new TimerSweepService(one, QUEUES, (queue, body) -> delivered.add(body), clock);

        TimerSweepService.Report first = busy.sweep();
        assertEquals(TimerSweepService.MAX_PER_SHARD, first.delivered());
        assertTrue(first.more());
        assertEquals("m" + TimerSweepService.MAX_PER_SHARD, delivered.getFirst(), "the longest overdue first");

        TimerSweepService.Report second = busy.sweep();
        assertEquals(1, second.delivered());
        assertFalse(second.more());
    }
}
