package dev.storecrm.benchmarks;

import dev.storecrm.localcloud.CapacityRecorder;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.domain.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One day of the every-minute timer sweep, as EventBridge Scheduler would run it, with the function
 * the timers wake drained after each sweep that delivered something; the units both used.
 */
record SweepDay(double readUnits, double writeUnits) {

    static SweepDay play(LocalFunctions functions, SimulatedClock clock, Instant day, String woken) {
        CapacityRecorder.reset();
        for (Instant minute = day; minute.isBefore(day.plus(Duration.ofDays(1))); minute = minute.plusSeconds(60)) {
            clock.set(minute);
            boolean more;
            do {
                Map<?, ?> report = (Map<?, ?>) functions.invoke("TimerSweepFunction", new HashMap<String, Object>());
                more = (Boolean) report.get("more");
                if (((Number) report.get("delivered")).intValue() > 0) {
                    functions.drain(woken);
                }
            } while (more);
        }
        double read = 0;
        double write = 0;
        for (CapacityRecorder.Usage usage : CapacityRecorder.usage()) {
            if (usage.function().equals("TimerSweepFunction") || usage.function().equals(woken)) {
                read += usage.readUnits();
                write += usage.writeUnits();
            }
        }
        return new SweepDay(read, write);
    }
}
