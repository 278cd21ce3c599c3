package dev.storecrm.domain.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.domain.member.MemberDays;
import dev.storecrm.domain.messaging.MarketingKind;
import dev.storecrm.domain.time.FestivalCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FestivalCampaignTest {

    private static final FestivalCalendar CALENDAR = FestivalCalendar.withOverrides("store-day=date:09-18");
    /** The 18th of every month. */
    private static final MemberDays EIGHTEENTH = new MemberDays(List.of("date:*-18"), Map.of(),
            ZoneId.of("Asia/Shanghai"));
    private static final String CONTENT = """
            "audience": {"segment": "champions"}, "variants": [{"name": "A", "share": 100,
             "content": {"zh-CN": {"headline": "新春快乐", "message": "红包已到"}}}]""";

    @Test
    void aSpringFestivalCampaignThreeDaysAheadBecomesTheYearsBroadcastOnTheCorrectedDate() {
        List<FestivalCampaign> campaigns = FestivalCampaign.parse("[{\"festival\": \"spring-festival\", \"id\": "
                + "\"cny-early\", \"daysBefore\": 3, \"send\": {\"from\": \"09:30\", \"to\": \"21:00\"}, "
                + "\"coupon\": {\"value\": \"10%\", \"validDays\": 7}, " + CONTENT + "}]", CALENDAR, MemberDays.NONE,
                Holdout.NONE);

        List<FestivalCampaign.Due> due = FestivalCampaign.between(campaigns, CALENDAR, MemberDays.NONE,
                LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 5));
        assertEquals(1, due.size());
        assertEquals(LocalDate.of(2027, 2, 6), due.getFirst().festivalDay(), "the observatories' date, not ICU's 7th");
        Broadcast broadcast = campaigns.getFirst().broadcast(due.getFirst().festivalDay(), Holdout.NONE);
        assertEquals("cny-early-2027", broadcast.campaignId());
        assertEquals(new Broadcast.Window(LocalDateTime.parse("2027-02-03T09:30"),
                LocalDateTime.parse("2027-02-03T21:00")), broadcast.window());
        assertTrue(broadcast.coupon().isPresent());
    }

    @Test
    void theBroadcastIsDueFromTwoDaysBeforeItOpensAtUtcPlus14UntilItClosesAtUtcMinus12() {
        FestivalCampaign campaign = FestivalCampaign.parse("[{\"festival\": \"store-day\", \"send\": {\"from\": "
                + "\"10:00\", \"to\": \"20:00\"}, " + CONTENT + "}]", CALENDAR, MemberDays.NONE,
                Holdout.NONE).getFirst();
        LocalDate day = LocalDate.of(2027, 9, 18);
        // 10:00 at UTC+14 is 20:00 UTC the day before; 20:00 at UTC-12 is 08:00 UTC the day after.
        assertFalse(campaign.due(day, Instant.parse("2027-09-15T19:59:00Z")));
        assertTrue(campaign.due(day, Instant.parse("2027-09-15T20:00:00Z")));
        assertTrue(campaign.due(day, Instant.parse("2027-09-19T07:59:00Z")));
        assertFalse(campaign.due(day, Instant.parse("2027-09-19T08:00:00Z")));
        assertEquals("store-day-2027", campaign.campaignId(day));
    }

    @Test
    void aMistakeIsRefusedAtStartWithTheEntryNamed() {
        assertEquals("FestivalCampaigns[0]: festival names no festival of the store's calendar (easter); see "
                + "docs/calendars.md", refused("{\"festival\": \"easter\", \"send\": {\"from\": \"10:00\", \"to\": "
                + "\"20:00\"}, " + CONTENT + "}"));
        assertEquals("FestivalCampaigns[1] (mid-autumn): variants[0].share must be between 1 and 100",
                refused("{\"festival\": \"qixi\", \"send\": {\"from\": \"10:00\", \"to\": \"20:00\"}, " + CONTENT
                        + "}, {\"festival\": \"mid-autumn\", \"send\": {\"from\": \"10:00\", \"to\": \"20:00\"}, "
                        + CONTENT.replace("100", "1000") + "}"));
        assertEquals("FestivalCampaigns[0] (qixi): send.to is after send.from, on the same day",
                refused("{\"festival\": \"qixi\", \"send\": {\"from\": \"20:00\", \"to\": \"10:00\"}, " + CONTENT
                        + "}"));
        assertEquals("FestivalCampaigns[0] (qixi): daysBefore is 0 to 30", refused("{\"festival\": \"qixi\", "
                + "\"daysBefore\": 31, \"send\": {\"from\": \"10:00\", \"to\": \"20:00\"}, " + CONTENT + "}"));
        assertEquals("FestivalCampaigns[1] (qixi): another campaign has this id; give one an \"id\"",
                refused(("{\"festival\": \"qixi\", \"send\": {\"from\": \"10:00\", \"to\": \"20:00\"}, " + CONTENT
                        + "}").repeat(2).replace("}{", "},{")));
        assertEquals(List.of(), FestivalCampaign.parse("[]", CALENDAR, MemberDays.NONE, Holdout.NONE));
    }

    @Test
    void aMemberDayCampaignGoesOnEveryMemberDayOnceEachItsIdCarryingTheDate() {
        List<FestivalCampaign> campaigns = FestivalCampaign.parse("[{\"festival\": \"member-day\", \"id\": \"md\", "
                + "\"daysBefore\": 1, \"send\": {\"from\": \"10:00\", \"to\": \"20:00\"}, " + CONTENT + "}]",
                CALENDAR, EIGHTEENTH, Holdout.NONE);
        FestivalCampaign campaign = campaigns.getFirst();
        assertTrue(campaign.memberDay());

        List<FestivalCampaign.Due> due = FestivalCampaign.between(campaigns, CALENDAR, EIGHTEENTH,
                LocalDate.of(2027, 2, 17), LocalDate.of(2027, 4, 17));
        assertEquals(List.of(LocalDate.of(2027, 2, 18), LocalDate.of(2027, 3, 18), LocalDate.of(2027, 4, 18)),
                due.stream().map(FestivalCampaign.Due::festivalDay).toList(), "each member day whose send day is in");
        assertEquals(List.of(), FestivalCampaign.between(campaigns, CALENDAR, EIGHTEENTH, LocalDate.of(2027, 3, 18),
                LocalDate.of(2027, 4, 16)), "each goes the day before: 18 April's on the 17th");
        Broadcast march = campaign.broadcast(LocalDate.of(2027, 3, 18), Holdout.NONE);
        assertEquals("md-2027-03-18", march.campaignId(), "once per member day, not per year");
        assertEquals("md-2027-04-18", campaign.campaignId(LocalDate.of(2027, 4, 18)));
        assertEquals(new Broadcast.Window(LocalDateTime.parse("2027-03-17T10:00"),
                LocalDateTime.parse("2027-03-17T20:00")), march.window(), "daysBefore: 1, in each member's zone");
        // 10:00 on the 17th at UTC+14 is 20:00 UTC on the 16th: due from two days before that.
        assertTrue(campaign.due(LocalDate.of(2027, 3, 18), Instant.parse("2027-03-14T20:00:00Z")));
        assertFalse(campaign.due(LocalDate.of(2027, 3, 18), Instant.parse("2027-03-14T19:59:00Z")));
    }

    @Test
    void aMemberDayCampaignWithoutMemberDaysIsRefusedAtStartWithTheEntryNamed() {
        assertEquals("FestivalCampaigns[1]: festival member-day needs the store's member days, and MemberDays names"
                + " none (e.g. day=date:*-18); see docs/calendars.md#member-days", refused("{\"festival\": \"qixi\", "
                + "\"send\": {\"from\": \"10:00\", \"to\": \"20:00\"}, " + CONTENT + "}, {\"festival\": "
                + "\"member-day\", \"send\": {\"from\": \"10:00\", \"to\": \"20:00\"}, " + CONTENT + "}"));
    }

    @Test
    void aCampaignsCapPriorityIsKeptOnItsBroadcastAndAnUnknownOneIsRefusedWithTheEntryNamed() {
        String qixi = "{\"festival\": \"qixi\", \"send\": {\"from\": \"10:00\", \"to\": \"20:00\"}, " + CONTENT + "}";
        Broadcast broadcast = FestivalCampaign.parse("[" + qixi.replace("{\"festival\"", "{\"capPriority\": "
                + "\"greeting\", \"festival\"") + "]", CALENDAR, MemberDays.NONE, Holdout.NONE).getFirst()
                .broadcast(LocalDate.of(2027, 8, 8), Holdout.NONE);
        assertEquals(Optional.of(MarketingKind.GREETING), broadcast.capPriority());
        assertEquals(broadcast, BroadcastJson.read(BroadcastJson.write(broadcast), Holdout.NONE), "as stored");
        assertEquals(Optional.empty(), FestivalCampaign.parse("[" + qixi + "]", CALENDAR, MemberDays.NONE,
                Holdout.NONE).getFirst().broadcast(LocalDate.of(2027, 8, 8), Holdout.NONE).capPriority(),
                "none: the broadcast kind's");
        assertEquals("FestivalCampaigns[0] (qixi): capPriority must be one of greeting, cart-coupon, cart-reminder,"
                + " win-back, order-feedback, broadcast (as MarketingPriorities spells them)",
                refused(qixi.replace("{\"festival\"", "{\"capPriority\": \"urgent\", \"festival\"")));
    }

    private static String refused(String entries) {
        return assertThrows(IllegalArgumentException.class, () -> FestivalCampaign.parse("[" + entries + "]",
                CALENDAR, MemberDays.NONE, Holdout.NONE)).getMessage();
    }
}
