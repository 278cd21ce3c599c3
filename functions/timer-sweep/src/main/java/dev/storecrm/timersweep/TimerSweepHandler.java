package dev.storecrm.timersweep;

import com.amazonaws.services.lambda.runtime.Context;
import dev.storecrm.platform.metrics.MetricUnit;
import dev.storecrm.platform.schedule.ScheduledRun;
import dev.storecrm.platform.stream.ScheduledFunction;
import java.time.Clock;
import java.util.Map;

/**
 * TimerSweepFunction: invoked every minute by EventBridge Scheduler; delivers the timers that are
 * due. A failed sweep is made good by the next minute's: undelivered timers are still there.
 */
public final class TimerSweepHandler implements ScheduledFunction {

    private final TimerSweepService service;
    private final ScheduledRun run;

    public TimerSweepHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public TimerSweepHandler(Map<String, String> environment, Clock clock) {
        this(new TimerSweepWiring(environment, clock));
    }

    TimerSweepHandler(TimerSweepWiring wiring) {
        this.service = wiring.service();
        this.run = wiring.run();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> scheduledEvent, Context context) {
        return run.handle(context, metrics -> {
            TimerSweepService.Report report = service.sweep();
            metrics.addMetric("TimersDelivered", report.delivered(), MetricUnit.COUNT);
            metrics.addMetric("TimerLagSeconds", report.maxLagSeconds(), MetricUnit.SECONDS);
            return Map.of("delivered", report.delivered(), "rearmed", report.rearmed(),
                    "maxLagSeconds", report.maxLagSeconds(), "more", report.more());
        });
    }
}
