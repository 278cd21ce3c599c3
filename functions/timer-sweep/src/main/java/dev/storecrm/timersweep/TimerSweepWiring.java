package dev.storecrm.timersweep;

import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.metrics.MetricsFactory;
import dev.storecrm.platform.schedule.ScheduledRun;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The composition root of TimerSweepFunction: settings, clients, adapters, the service. */
record TimerSweepWiring(TimerSweepService service, ScheduledRun run) {

    TimerSweepWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private TimerSweepWiring(SharedAdapters shared) {
        this(service(shared, shared.aws().sqs()), new ScheduledRun(MetricsFactory.getMetricsInstance()));
    }

    private static TimerSweepService service(SharedAdapters shared, SqsClient sqs) {
        return new TimerSweepService(shared.timers(), targets(shared.env().required("TIMER_TARGETS")),
                (queueUrl, body) -> sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(body)), shared.clock());
    }

    /** {@code outbox=https://...,cart=https://...}: timer target names to queue URLs. */
    static Map<String, String> targets(String spec) {
        Map<String, String> targets = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalStateException("TIMER_TARGETS entries look like name=queueUrl, not " + entry);
            }
            targets.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return targets;
    }
}
