package dev.storecrm.broadcasts;

import dev.storecrm.domain.broadcast.BroadcastDelivery;
import dev.storecrm.domain.broadcast.FestivalCampaign;
import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.domain.member.MemberDays;
import dev.storecrm.domain.time.FestivalCalendar;
import dev.storecrm.platform.HoldoutSettings;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.metrics.MetricsFactory;
import dev.storecrm.platform.schedule.ScheduledRun;
import java.time.Clock;
import java.util.Map;

/**
 * The composition root of FestivalCampaignsFunction: the store's calendar ({@code FESTIVAL_OVERRIDES}), member days
 * ({@code MEMBER_DAYS}, read as every function reads them) and campaigns ({@code FESTIVAL_CAMPAIGNS}), all checked
 * here so that a mistake fails the cold start with its entry named; then the same broadcasts service as
 * BroadcastsFunction's.
 */
record FestivalCampaignsWiring(FestivalCampaignService service, ScheduledRun run) {

    /** Festival campaigns are started, never viewed: this function reads no delivery counts (and has no grant). */
    private static final BroadcastDelivery UNREAD = new BroadcastDelivery() {
        @Override
        public void count(String campaignId, String variant, String outcome) {
            throw new UnsupportedOperationException("the sender counts delivery");
        }

        @Override
        public Tally read(String campaignId) {
            throw new UnsupportedOperationException("FestivalCampaignsFunction reads no delivery counts");
        }
    };

    FestivalCampaignsWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private FestivalCampaignsWiring(SharedAdapters shared) {
        this(service(shared, FestivalCalendar.withOverrides(shared.env().optional("FESTIVAL_OVERRIDES", "")),
                HoldoutSettings.from(shared.env())), new ScheduledRun(MetricsFactory.getMetricsInstance()));
    }

    private static FestivalCampaignService service(SharedAdapters shared, FestivalCalendar calendar, Holdout holdout) {
        MemberDays memberDays = MemberPolicySettings.from(shared.env()).memberDays();
        return new FestivalCampaignService(FestivalCampaign.parse(shared.env().optional("FESTIVAL_CAMPAIGNS", ""),
                calendar, memberDays, holdout), calendar, memberDays, BroadcastsWiring.service(shared, UNREAD), holdout,
                shared.clock());
    }
}
