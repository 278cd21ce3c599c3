package dev.storecrm.broadcasts;

import com.amazonaws.services.lambda.runtime.Context;
import dev.storecrm.platform.metrics.MetricUnit;
import dev.storecrm.platform.schedule.ScheduledRun;
import dev.storecrm.platform.stream.ScheduledFunction;
import java.time.Clock;
import java.util.Map;

/**
 * FestivalCampaignsFunction: invoked once a day by EventBridge Scheduler; starts the broadcasts of the store's
 * festival campaigns ({@code FestivalCampaigns}) whose send window is about to open, once per festival and year.
 */
public final class FestivalCampaignsHandler implements ScheduledFunction {

    private final FestivalCampaignService service;
    private final ScheduledRun run;

    public FestivalCampaignsHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public FestivalCampaignsHandler(Map<String, String> environment, Clock clock) {
        this(new FestivalCampaignsWiring(environment, clock));
    }

    FestivalCampaignsHandler(FestivalCampaignsWiring wiring) {
        this.service = wiring.service();
        this.run = wiring.run();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> scheduledEvent, Context context) {
        return run.handle(context, metrics -> {
            FestivalCampaignService.Report report = service.run();
            metrics.addMetric("FestivalBroadcastsStarted", report.started().size(), MetricUnit.COUNT);
            return Map.of("started", report.started(), "alreadyStarted", report.alreadyStarted());
        });
    }
}
