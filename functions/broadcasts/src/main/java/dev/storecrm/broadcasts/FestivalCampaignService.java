package dev.storecrm.broadcasts;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.broadcast.Broadcast;
import dev.storecrm.domain.broadcast.FestivalCampaign;
import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.domain.member.MemberDays;
import dev.storecrm.domain.time.FestivalCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily run of FestivalCampaignsFunction: for each of the store's festival campaigns whose window opens
 * somewhere within {@link FestivalCampaign#LEAD} (and has not closed everywhere), defines and starts the year's
 * broadcast through {@link BroadcastsService#start}, as a marketer would. Its campaign id ({@code <id>-<year>})
 * makes it once per festival and year ({@code <id>-<date>}, once per member day, for a {@code member-day} campaign):
 * a second run, a retry or an overlapping run starts nothing more.
 */
public final class FestivalCampaignService {

    /** Who the broadcasts it starts are recorded as created by. */
    static final String CREATOR = "festival-campaigns";
    private static final Logger LOG = LoggerFactory.getLogger(FestivalCampaignService.class);

    private final List<FestivalCampaign> campaigns;
    private final FestivalCalendar calendar;
    private final MemberDays memberDays;
    private final BroadcastsService broadcasts;
    private final Holdout storeHoldout;
    private final Clock clock;

    FestivalCampaignService(List<FestivalCampaign> campaigns, FestivalCalendar calendar, MemberDays memberDays,
                            BroadcastsService broadcasts, Holdout storeHoldout, Clock clock) {
        this.campaigns = List.copyOf(campaigns);
        this.calendar = calendar;
        this.memberDays = memberDays;
        this.broadcasts = broadcasts;
        this.storeHoldout = storeHoldout;
        this.clock = clock;
    }

    /** What one run did: the broadcasts it started (their campaign ids) and those already started. */
    public record Report(List<String> started, int alreadyStarted) {}

    public Report run() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<String> started = new java.util.ArrayList<>();
        int already = 0;
        for (FestivalCampaign.Due due : FestivalCampaign.between(campaigns, calendar, memberDays, today.minusDays(2),
                today.plusDays(3))) {
            if (!due.campaign().due(due.festivalDay(), now)) {
                continue;
            }
            Broadcast broadcast = due.campaign().broadcast(due.festivalDay(), storeHoldout);
            if (broadcasts.start(broadcast, CREATOR)) {
                started.add(broadcast.campaignId());
                LOG.info("festival broadcast started", entry("campaignId", broadcast.campaignId()),
                        entry("festival", due.campaign().festival()), entry("festivalDay", due.festivalDay()));
            } else {
                already++;
            }
        }
        return new Report(List.copyOf(started), already);
    }
}
