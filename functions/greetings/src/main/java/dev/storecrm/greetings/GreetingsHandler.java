package dev.storecrm.greetings;

import com.amazonaws.services.lambda.runtime.Context;
import dev.storecrm.platform.metrics.MetricUnit;
import dev.storecrm.platform.schedule.ScheduledRun;
import dev.storecrm.platform.stream.ScheduledFunction;
import java.time.Clock;
import java.util.Map;

/**
 * GreetingsFunction: invoked at the top of every hour by EventBridge Scheduler; greets the members
 * whose occasion is today in their time zone and whose greeting time has come. A failed run is made
 * good by the next one (it starts from the last hour completed).
 */
public final class GreetingsHandler implements ScheduledFunction {

    private final GreetingService service;
    private final ScheduledRun run;

    public GreetingsHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public GreetingsHandler(Map<String, String> environment, Clock clock) {
        this(new GreetingsWiring(environment, clock));
    }

    GreetingsHandler(GreetingsWiring wiring) {
        this.service = wiring.service();
        this.run = wiring.run();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> scheduledEvent, Context context) {
        return run.handle(context, metrics -> {
            GreetingService.Report report = service.run();
            metrics.addMetric("GreetingsRequested", report.greeted(), MetricUnit.COUNT);
            metrics.addMetric("GreetingGifts", report.withGift(), MetricUnit.COUNT);
            return Map.of("hours", report.hours(), "greeted", report.greeted(), "withGift", report.withGift(),
                    "skipped", report.skipped(), "refiled", report.refiled(), "heldOut", report.heldOut());
        });
    }
}
