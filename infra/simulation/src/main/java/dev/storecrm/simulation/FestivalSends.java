package dev.storecrm.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storecrm.domain.broadcast.FestivalCampaign;
import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.domain.time.FestivalCalendar;
import dev.storecrm.localcloud.LocalFunctions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The store's Spring Festival campaign ({@code FestivalCampaigns}, started by FestivalCampaignsFunction's daily
 * schedule as template.yaml plays it): to the year's buyers at 10:00 to 20:00 local on 春节. At the end it is
 * judged on the send ledger: every {@code SENT} entry of the campaign went on the festival's computed date (6
 * February in 2027, the observatories' date) in the member's zone and inside the window; a festival whose window
 * closed everywhere during the run has its broadcast started and sent.
 */
final class FestivalSends {

    static final String FESTIVAL = "spring-festival";
    static final String ID = "sim-cny";
    static final String ON_THE_DAY = "festival sends on their computed dates, in the member's zone";
    private static final String CAMPAIGNS = """
            [{"festival": "%s", "id": "%s", "send": {"from": "10:00", "to": "20:00"}, "name": "春节",
              "audience": {"audience": "bought-360d"},
              "variants": [{"name": "A", "share": 100, "content": {
                              "zh-CN": {"headline": "新春快乐", "message": "给您拜年了，红包已备好。"},
                              "en": {"headline": "Happy Spring Festival", "message": "A red envelope for you."}}}]}]"""
            .formatted(FESTIVAL, ID);

    private FestivalSends() {}

    /** The functions' environment with the store's festival campaign. */
    static Map<String, String> environment(Map<String, String> environment) {
        Map<String, String> with = new HashMap<>(environment);
        with.put("FESTIVAL_CAMPAIGNS", CAMPAIGNS);
        return with;
    }

    /** Judges the campaign's ledger entries over the run from {@code start} to {@code end}; returns the report. */
    static String check(List<Map<String, AttributeValue>> ledger, GroundTruth truth, LocalFunctions functions,
                        Instant start, Instant end, Invariants invariants) {
        // Not listed up front: a run that crosses no festival window has nothing to judge here (its first send,
        // or a window wholly inside the run, puts it to the test).
        FestivalCalendar calendar = FestivalCalendar.withOverrides(functions.spec("FestivalCampaignsFunction")
                .environment().getOrDefault("FESTIVAL_OVERRIDES", ""));
        ZoneId storeZone = ZoneId.of(functions.spec("SenderFunction").environment().getOrDefault("STORE_TIME_ZONE",
                "Asia/Shanghai"));
        FestivalCampaign campaign = FestivalCampaign.parse(CAMPAIGNS, calendar, Holdout.NONE).getFirst();
        TextTable table = new TextTable("campaign", "festival day", "status", "created by", "members", "held out",
                "sent", "sent on the day");
        LocalDate from = LocalDate.ofInstant(start, ZoneOffset.UTC);
        LocalDate to = LocalDate.ofInstant(end, ZoneOffset.UTC);
        for (FestivalCampaign.Due due : FestivalCampaign.between(List.of(campaign), calendar, from.minusDays(1),
                to.plusDays(1))) {
            String campaignId = campaign.campaignId(due.festivalDay());
            String prefix = "BROADCAST#" + campaignId + "#";
            int sent = 0;
            int onTheDay = 0;
            for (Map<String, AttributeValue> entry : ledger) {
                String key = entry.get("businessKey").s();
                if (!key.startsWith(prefix) || !"SENT".equals(entry.get("status").s())) {
                    continue;
                }
                sent++;
                invariants.checked(ON_THE_DAY);
                Instant when = Instant.parse(entry.get("settledAt").s());
                ZoneId zone = truth.member(key.substring(prefix.length())).zone.at(when).orElse(storeZone);
                ZonedDateTime local = when.atZone(zone);
                LocalTime time = local.toLocalTime();
                if (!local.toLocalDate().equals(due.festivalDay()) || time.isBefore(campaign.from())
                        || !time.isBefore(campaign.to())) {
                    invariants.violation(ON_THE_DAY, key + " went at " + local + "; the festival is on "
                            + due.festivalDay() + ", " + campaign.from() + " to " + campaign.to());
                } else {
                    onTheDay++;
                }
            }
            JsonNode view = StoreBroadcast.view(functions, campaignId);
            boolean closedInRun = due.festivalDay().plusDays(1).atTime(campaign.to())
                    .toInstant(ZoneOffset.ofHours(-12)).isBefore(end);
            boolean opensInRun = due.festivalDay().atTime(campaign.from()).toInstant(ZoneOffset.ofHours(14))
                    .minus(FestivalCampaign.LEAD).isAfter(start);
            if (closedInRun && opensInRun) {
                invariants.checked(ON_THE_DAY);
                if (!"sent".equals(view.path("status").asText())) {
                    invariants.violation(ON_THE_DAY, campaignId + " was not started and sent for " + FESTIVAL
                            + " on " + due.festivalDay() + ": " + view);
                }
            }
            JsonNode counts = view.path("counts");
            table.row(campaignId, due.festivalDay(), view.path("status").asText("none"),
                    view.path("createdBy").asText("-"), counts.path("members").asLong(),
                    counts.path("heldOut").asLong(), sent, onTheDay);
        }
        return table.render();
    }
}
