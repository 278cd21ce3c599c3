package dev.storecrm.domain.broadcast;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.member.MemberDays;
import dev.storecrm.domain.time.FestivalCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A broadcast a festival starts every year: the store's template parameter {@code FestivalCampaigns} is a JSON
 * array of them, each a broadcast definition ({@link BroadcastJson}) without {@code campaignId} and
 * {@code window}, plus when it goes:
 *
 * <pre>
 * [{"festival": "spring-festival", "id": "cny", "daysBefore": 0, "send": {"from": "10:00", "to": "20:00"},
 *   "audience": {"segment": "champions"}, "variants": [...], "coupon": {...}, "holdoutPercent": "5"}]
 * </pre>
 * The year's broadcast is {@code <id>-<year>} ({@code id} defaults to the festival's key): its campaign id is
 * the once-per-festival-and-year key, its window the festival's date less {@code daysBefore} (0 to 30), from
 * {@code from} to {@code to} local time in each member's zone.
 *
 * <p>{@code "festival": "member-day"} ({@link #MEMBER_DAY}) names the store's member days ({@link MemberDays},
 * the {@code MemberDays} parameter) instead of a festival: such a campaign goes for every member day, and its
 * broadcast is {@code <id>-<date>} ({@code md-2027-03-18}), once per member day. An optional {@code capPriority}
 * (a kind of {@code MarketingPriorities}) is the broadcast's own ({@link BroadcastJson}).
 *
 * @param definition the broadcast's own fields, as {@link BroadcastJson} reads them
 */
public record FestivalCampaign(String festival, String id, int daysBefore, LocalTime from, LocalTime to,
                               ObjectNode definition) {

    /** A year's broadcast is created when its window opens somewhere within this long (a daily run: two days). */
    public static final Duration LEAD = Duration.ofHours(48);
    /** The {@code festival} of a campaign that goes on each of the store's member days. */
    public static final String MEMBER_DAY = "member-day";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DAYS_BEFORE = 30;

    public FestivalCampaign {
        definition = definition.deepCopy();
    }

    /**
     * The campaigns of the parameter's text ({@code ""} or {@code []} for none), each checked against the store's
     * calendar and built once as a broadcast, so that a mistake stops the start-up with its entry named
     * ({@code FestivalCampaigns[0] (spring-festival): variants[0].share ...}) rather than on the festival's day.
     * A {@code member-day} campaign needs the store's member days ({@code memberDays} with a day rule).
     */
    public static List<FestivalCampaign> parse(String text, FestivalCalendar calendar, MemberDays memberDays,
                                               Holdout storeHoldout) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("FestivalCampaigns is not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("FestivalCampaigns is a JSON array of campaigns");
        }
        List<FestivalCampaign> campaigns = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            FestivalCampaign campaign = entry(root.get(i), "FestivalCampaigns[" + i + "]", calendar, memberDays);
            String where = "FestivalCampaigns[" + i + "] (" + campaign.id() + ")";
            if (campaigns.stream().anyMatch(c -> c.id().equals(campaign.id()))) {
                throw new IllegalArgumentException(where + ": another campaign has this id; give one an \"id\"");
            }
            try {
                LocalDate sample = LocalDate.of(2030, 1, 1);
                campaign.broadcast(campaign.memberDay() ? sample : calendar.next(campaign.festival(), sample),
                        storeHoldout);
            } catch (InvalidInputException invalid) {
                throw new IllegalArgumentException(where + ": " + invalid.detail());
            }
            campaigns.add(campaign);
        }
        return List.copyOf(campaigns);
    }

    private static FestivalCampaign entry(JsonNode node, String where, FestivalCalendar calendar,
                                          MemberDays memberDays) {
        if (!(node instanceof ObjectNode entry)) {
            throw new IllegalArgumentException(where + ": a campaign is a JSON object");
        }
        ObjectNode definition = entry.deepCopy();
        String festival = definition.path("festival").asText("");
        if (festival.equals(MEMBER_DAY) && memberDays.days().isEmpty()) {
            throw new IllegalArgumentException(where + ": festival member-day needs the store's member days, and"
                    + " MemberDays names none (e.g. day=date:*-18); see docs/calendars.md#member-days");
        }
        if (!festival.equals(MEMBER_DAY) && calendar.festival(festival).isEmpty()) {
            throw new IllegalArgumentException(where + ": festival names no festival of the store's calendar ("
                    + festival + "); see docs/calendars.md");
        }
        String id = definition.path("id").asText(festival);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(where + ": id is 1 to 40 of a-z 0-9 -, starting with a letter or digit");
        }
        JsonNode days = definition.path("daysBefore");
        if (!days.isMissingNode() && !(days.canConvertToInt() && days.isIntegralNumber()
                && days.asInt() >= 0 && days.asInt() <= MAX_DAYS_BEFORE)) {
            throw new IllegalArgumentException(where + " (" + id + "): daysBefore is 0 to " + MAX_DAYS_BEFORE);
        }
        JsonNode send = definition.path("send");
        LocalTime from = time(send, "from", where, id);
        LocalTime to = time(send, "to", where, id);
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException(where + " (" + id + "): send.to is after send.from, on the same day");
        }
        if (definition.has("campaignId") || definition.has("window")) {
            throw new IllegalArgumentException(where + " (" + id + "): campaignId and window are made each year"
                    + " from id, daysBefore and send; leave them out");
        }
        definition.remove(List.of("festival", "id", "daysBefore", "send"));
        return new FestivalCampaign(festival, id, days.asInt(0), from, to, definition);
    }

    private static LocalTime time(JsonNode send, String name, String where, String id) {
        try {
            return LocalTime.parse(send.path(name).asText(""));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + " (" + id + "): send." + name + " is a local time such as "
                    + "10:00");
        }
    }

    /** The day the broadcast goes for the festival on {@code festivalDay}. */
    public LocalDate sendDay(LocalDate festivalDay) {
        return festivalDay.minusDays(daysBefore);
    }

    /** Whether it goes on each of the store's member days rather than on a festival. */
    public boolean memberDay() {
        return festival.equals(MEMBER_DAY);
    }

    /**
     * The campaign id of the festival's broadcast on {@code festivalDay}: once per festival and year
     * ({@code cny-2027}), or for a member-day campaign once per member day ({@code md-2027-03-18}).
     */
    public String campaignId(LocalDate festivalDay) {
        return id + "-" + (memberDay() ? festivalDay.toString() : Integer.toString(festivalDay.getYear()));
    }

    /** Whether a run at {@code now} creates the broadcast: its window opens somewhere within the lead, not over. */
    public boolean due(LocalDate festivalDay, Instant now) {
        LocalDate day = sendDay(festivalDay);
        Instant opensFirst = day.atTime(from).atOffset(ZoneOffset.ofHours(14)).toInstant();
        Instant closesLast = day.atTime(to).atOffset(ZoneOffset.ofHours(-12)).toInstant();
        return !opensFirst.isAfter(now.plus(LEAD)) && now.isBefore(closesLast);
    }

    /** The year's broadcast for the festival on {@code festivalDay}; {@link InvalidInputException} if not one. */
    public Broadcast broadcast(LocalDate festivalDay, Holdout storeHoldout) {
        ObjectNode body = definition.deepCopy();
        body.put("campaignId", campaignId(festivalDay));
        LocalDate day = sendDay(festivalDay);
        body.putObject("window").put("start", day.atTime(from).toString()).put("end", day.atTime(to).toString());
        return BroadcastJson.read(body.toString(), storeHoldout);
    }

    /**
     * The campaigns' festivals (or member days) whose send day falls from {@code from} to {@code to}, each with its
     * campaign.
     */
    public static List<Due> between(List<FestivalCampaign> campaigns, FestivalCalendar calendar,
                                    MemberDays memberDays, LocalDate from, LocalDate to) {
        List<Due> due = new ArrayList<>();
        for (FestivalCampaign campaign : campaigns) {
            LocalDate first = from.plusDays(campaign.daysBefore());
            LocalDate last = to.plusDays(campaign.daysBefore());
            if (campaign.memberDay()) {
                memberDays.between(first, last).forEach(day -> due.add(new Due(campaign, day)));
            } else {
                calendar.between(first, last).stream().filter(d -> d.festival().key().equals(campaign.festival()))
                        .forEach(d -> due.add(new Due(campaign, d.date())));
            }
        }
        return due;
    }

    /** A campaign and the date of the festival it is for. */
    public record Due(FestivalCampaign campaign, LocalDate festivalDay) {}

}
