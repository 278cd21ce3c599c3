package dev.storecrm.simulation;

import dev.storecrm.domain.broadcast.FestivalCampaign;
import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.member.MemberDays;
import dev.storecrm.domain.time.FestivalCalendar;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.Settings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The store's festival campaigns ({@code FestivalCampaigns}, started by FestivalCampaignsFunction's daily schedule
 * as template.yaml plays it): to the year's buyers at 10:00 to 20:00 local on 春节, and a member-day reminder at
 * 10:00 to 20:00 local on each of the store's member days ({@link PointsInvariants#MEMBER_DAYS}, the 18th). At the
 * end they are judged on the send ledger: every {@code SENT} entry of the Spring Festival campaign went on the
 * festival's computed date (6 February in 2027, the observatories' date) in the member's zone and inside the
 * window; every {@code SENT} entry of the member-day campaign went on a member day, the one its broadcast names,
 * in the member's zone and inside the window; a festival or member day whose window closed everywhere during the
 * run has its broadcast started and sent.
 */
final class FestivalSends {

    static final String FESTIVAL = "spring-festival";
    static final String ID = "sim-cny";
    static final String MEMBER_DAY_ID = "sim-md";
    static final String ON_THE_DAY = "festival sends on their computed dates, in the member's zone";
    static final String ON_MEMBER_DAYS = "member-day sends only on member days, in the member's zone";
    private static final String CAMPAIGNS = """
            [{"festival": "%s", "id": "%s", "send": {"from": "10:00", "to": "20:00"}, "name": "春节",
              "audience": {"audience": "bought-360d"},
              "variants": [{"name": "A", "share": 100, "content": {
                              "zh-CN": {"headline": "新春快乐", "message": "给您拜年了，红包已备好。"},
                              "en": {"headline": "Happy Spring Festival", "message": "A red envelope for you."}}}]},
             {"festival": "member-day", "id": "%s", "send": {"from": "10:00", "to": "20:00"}, "name": "会员日",
              "audience": {"audience": "bought-360d"},
              "variants": [{"name": "A", "share": 100, "content": {
                              "zh-CN": {"headline": "今天是会员日", "message": "今日下单，积分加倍。"},
                              "en": {"headline": "It's member day", "message": "More points on today's orders."}}}]}]"""
            .formatted(FESTIVAL, ID, MEMBER_DAY_ID);

    private FestivalSends() {}

    /** The functions' environment with the store's festival campaigns. */
    static Map<String, String> environment(Map<String, String> environment) {
        Map<String, String> with = new HashMap<>(environment);
        with.put("FESTIVAL_CAMPAIGNS", CAMPAIGNS);
        return with;
    }

    /** Judges the campaigns' ledger entries over the run from {@code start} to {@code end}; returns the report. */
    static String check(List<Map<String, AttributeValue>> ledger, GroundTruth truth, LocalFunctions functions,
                        Instant start, Instant end, Invariants invariants) {
        // Not listed up front: a run that crosses no festival window has nothing to judge here (its first send,
        // or a window wholly inside the run, puts it to the test).
        Map<String, String> environment = functions.spec("FestivalCampaignsFunction").environment();
        FestivalCalendar calendar = FestivalCalendar.withOverrides(environment.getOrDefault("FESTIVAL_OVERRIDES", ""));
        // The run gives every function the store's member days (an override the spec's environment does not show).
        MemberDays memberDays = MemberPolicySettings.from(new Settings(PointsInvariants.environment(environment)))
                .memberDays();
        ZoneId storeZone = ZoneId.of(functions.spec("SenderFunction").environment().getOrDefault("STORE_TIME_ZONE",
                "Asia/Shanghai"));
        List<FestivalCampaign> campaigns = FestivalCampaign.parse(CAMPAIGNS, calendar, memberDays, Holdout.NONE);
        TextTable table = new TextTable("campaign", "day", "status", "created by", "members", "held out", "sent",
                "sent on the day");
        LocalDate from = LocalDate.ofInstant(start, ZoneOffset.UTC);
        LocalDate to = LocalDate.ofInstant(end, ZoneOffset.UTC);
        Set<String> judged = new HashSet<>();
        for (FestivalCampaign.Due due : FestivalCampaign.between(campaigns, calendar, memberDays, from.minusDays(1),
                to.plusDays(1))) {
            FestivalCampaign campaign = due.campaign();
            String invariant = campaign.memberDay() ? ON_MEMBER_DAYS : ON_THE_DAY;
            String campaignId = campaign.campaignId(due.festivalDay());
            judged.add(campaignId);
            String prefix = "BROADCAST#" + campaignId + "#";
            LocalDate sendDay = campaign.sendDay(due.festivalDay());
            int sent = 0;
            int onTheDay = 0;
            for (Map<String, AttributeValue> entry : ledger) {
                String key = entry.get("businessKey").s();
                if (!key.startsWith(prefix) || !"SENT".equals(entry.get("status").s())) {
                    continue;
                }
                sent++;
                invariants.checked(invariant);
                Instant when = Instant.parse(entry.get("settledAt").s());
                ZoneId zone = truth.member(key.substring(prefix.length())).zone.at(when).orElse(storeZone);
                ZonedDateTime local = when.atZone(zone);
                LocalTime time = local.toLocalTime();
                if (!local.toLocalDate().equals(sendDay) || time.isBefore(campaign.from())
                        || !time.isBefore(campaign.to())
                        || campaign.memberDay() && !memberDays.isMemberDay(local.toLocalDate())) {
                    invariants.violation(invariant, key + " went at " + local + "; it goes on " + sendDay + ", "
                            + campaign.from() + " to " + campaign.to());
                } else {
                    onTheDay++;
                }
            }
            JsonNode view = StoreBroadcast.view(functions, campaignId);
            boolean closedInRun = sendDay.plusDays(1).atTime(campaign.to())
                    .toInstant(ZoneOffset.ofHours(-12)).isBefore(end);
            boolean opensInRun = sendDay.atTime(campaign.from()).toInstant(ZoneOffset.ofHours(14))
                    .minus(FestivalCampaign.LEAD).isAfter(start);
            if (closedInRun && opensInRun) {
                invariants.checked(invariant);
                if (!"sent".equals(view.path("status").asText())) {
                    invariants.violation(invariant, campaignId + " was not started and sent for "
                            + campaign.festival() + " on " + due.festivalDay() + ": " + view);
                }
            }
            JsonNode counts = view.path("counts");
            table.row(campaignId, due.festivalDay(), view.path("status").asText("none"),
                    view.path("createdBy").asText("-"), counts.path("members").asLong(),
                    counts.path("heldOut").asLong(), sent, onTheDay);
        }
        noneOnOtherDays(ledger, judged, invariants);
        return table.render();
    }

    /** A member-day send under a campaign id of no member day of the run (a day the rule does not give) breaks it. */
    private static void noneOnOtherDays(List<Map<String, AttributeValue>> ledger, Set<String> judged,
                                        Invariants invariants) {
        String prefix = "BROADCAST#" + MEMBER_DAY_ID + "-";
        for (Map<String, AttributeValue> entry : ledger) {
            String key = entry.get("businessKey").s();
            if (key.startsWith(prefix) && "SENT".equals(entry.get("status").s())
                    && !judged.contains(key.substring("BROADCAST#".length(), key.lastIndexOf('#')))) {
                invariants.violation(ON_MEMBER_DAYS, key + " was sent for a day that is not a member day of "
                        + PointsInvariants.MEMBER_DAYS);
            }
        }
    }
}
