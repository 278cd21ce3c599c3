package dev.storecrm.carelists;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.rfm.RfmChange;
import dev.storecrm.platform.http.HttpAnswer;
import dev.storecrm.platform.http.StaffRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lists customer-care staff work from:
 *
 * <ul>
 *   <li>{@code GET /birthdays?month=2026-06[&kind=birthday]}: this month's birthday members;</li>
 *   <li>{@code GET /dormant?month=2026-06}: the dormant member wake-up follow-up list;</li>
 *   <li>{@code GET /wake-up?from=2026-04-01&to=2026-06-30}: the wake-up rate per win-back step;</li>
 *   <li>{@code GET /carts?from=2026-04-01&to=2026-06-30}: cart recovery per day;</li>
 *   <li>{@code GET /mail-outcomes?from=2026-06-01&to=2026-06-30}: the messages per day, journey and outcome (sent,
 *       or why not), at most 92 days ({@link MailReport});</li>
 *   <li>{@code GET /coupon-outcomes?from=2026-06-01&to=2026-06-30}: the coupons issued and redeemed per day and
 *       journey, at most 92 days ({@link MailReport#coupons});</li>
 *   <li>{@code GET /lift?from=2026-W45&to=2026-W49}: the lift report per journey, step, variant and week;</li>
 *   <li>{@code GET /order-feedback?from=2026-11-01&to=2026-11-30[&met=yes]}: the answers to the order follow-up
 *       ({@link OrderFeedbackList}, served beside this service);</li>
 *   <li>{@code GET /referrals?month=2026-06} or {@code ?referrerId=c-1}: referrals, their conversion and reward
 *       ({@link ReferralList}, at most 1000 rows a page);</li>
 *   <li>{@code GET /segments/champions} or {@code GET /audiences/bought-360d}: a segment's or an audience's
 *       members with their RFM scores ({@link SegmentList}: always a page, 100 unless {@code limit}, at most
 *       1000);</li>
 *   <li>{@code POST /exports} {@code {"list":"birthdays","month":"2026-06"[,"kind":"birthday"]}} (or
 *       {@code "list":"dormant"}): the whole list as one CSV file in the exports' bucket, written by
 *       ListExportFunction; answered at once with {@code 202} and the export's id ({@link ExportJobs});</li>
 *   <li>{@code GET /exports/{id}}: the export's status ({@code running}, {@code done} with a short-lived link,
 *       or {@code failed} with the reason);</li>
 *   <li>{@code POST /follow-ups} {@code {"list":"birthdays","month":"2026-06","customerId":"c-1","outcome":"reached",
 *       "note":"…"}}: a follow-up call made from a list, shown back on the list's rows.</li>
 * </ul>
 * The two member lists page with {@code limit} (at most 5000) and {@code next} (the cursor the previous
 * page gave: in JSON as {@code next}, in CSV as the {@code X-Next-Cursor} header); a page reads only its
 * members.
 * Each is CSV (UTF-8 with a byte order mark) unless {@code format=json} is asked for. A month
 * defaults to the current one in the store's time zone; the wake-up period to the last 90 days.
 * A bad parameter gets 400 with what was wrong. The lists hold personal data: the answers are
 * never cached and nothing of them is logged.
 */
final class CareListsService {

    /** The console groups the lists serve (an IAM caller allowed the function URL may use them too). */
    static final Set<String> GROUPS = Set.of("marketers", "admins");

    private static final Logger LOG = LoggerFactory.getLogger(CareListsService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A function URL response carries at most 6 MB; headers and framing need a little of it. */
    static final int MAX_BODY_BYTES = 6 * 1024 * 1024 - 64 * 1024;
    private static final Pattern GROUP_ROUTE = Pattern.compile("/(segments|audiences)/([^/]*)");

    private final BirthdayList birthdays;
    private final DormantList dormant;
    private final WakeUpReport wakeUp;
    private final FollowUps followUps;
    private final CartReport carts;
    private final MailReport mail;
    private final ReferralList referrals;
    private final SegmentList segments;
    private final ExportJobs exports;
    private final LiftReport lift;
    private final ZoneId storeZone;
    private final Clock clock;

    CareListsService(BirthdayList birthdays, DormantList dormant, WakeUpReport wakeUp, FollowUps followUps,
                     CartReport carts, MailReport mail, ReferralList referrals, SegmentList segments,
                     ExportJobs exports, LiftReport lift, ZoneId storeZone, Clock clock) {
        this.carts = carts;
        this.mail = mail;
        this.lift = lift;
        this.referrals = referrals;
        this.segments = segments;
        this.exports = exports;
        this.birthdays = birthdays;
        this.dormant = dormant;
        this.wakeUp = wakeUp;
        this.followUps = followUps;
        this.storeZone = storeZone;
        this.clock = clock;
    }

    HttpAnswer handle(StaffRequest request) {
        if (request.path().equals("/follow-ups")) {
            if (!request.method().equals("POST")) {
                return error(405, "a follow-up call is recorded with POST", Map.of("Allow", "POST"));
            }
            try {
                return HttpAnswer.json(200, followUps.record(request.body(), request.caller()));
            } catch (IllegalArgumentException bad) {
                return error(400, bad.getMessage(), Map.of());
            }
        }
        if (request.path().equals("/exports") || request.path().startsWith("/exports/")) {
            return export(request);
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return error(405, "only GET is served", Map.of("Allow", "GET"));
        }
        Map<String, String> query = request.query();
        try {
            ListFormat format = ListFormat.of(query.get("format"), request.header("accept"));
            LocalDate today = clock.instant().atZone(storeZone).toLocalDate();
            Named list = switch (request.path()) {
                case "/birthdays" -> birthdays(month(query, YearMonth.from(today)),
                        query.getOrDefault("kind", "birthday").trim(), ListPage.of(query));
                case "/dormant" -> {
                    YearMonth month = month(query, YearMonth.from(today));
                    yield new Named("dormant-" + month, dormant.of(month, ListPage.of(query)));
                }
                case "/wake-up" -> wakeUp(date(query, "to", today), query);
                case "/carts" -> {
                    Period period = period(date(query, "to", today), query);
                    yield new Named("carts-" + period.from() + "-to-" + period.to(),
                            carts.between(period.from(), period.to()));
                }
                case "/mail-outcomes" -> {
                    Period period = period(date(query, "to", today), query);
                    yield new Named("mail-outcomes-" + period.from() + "-to-" + period.to(),
                            mail.between(period.from(), period.to()));
                }
                case "/coupon-outcomes" -> {
                    Period period = period(date(query, "to", today), query);
                    yield new Named("coupon-outcomes-" + period.from() + "-to-" + period.to(),
                            mail.coupons(period.from(), period.to()));
                }
                case "/lift" -> new Named("lift", lift.weeks(Optional.ofNullable(query.get("from")),
                        Optional.ofNullable(query.get("to")), Optional.ofNullable(query.get("by")), today));
                case "/referrals" -> {
                    YearMonth month = month(query, YearMonth.from(today));
                    Optional<String> referrer = Optional.ofNullable(query.get("referrerId")).map(String::trim)
                            .filter(id -> !id.isEmpty());
                    if (referrer.filter(id -> !id.matches("[A-Za-z0-9][A-Za-z0-9._:/#@+=-]{0,127}")).isPresent()) {
                        throw new BadRequest(
                                "referrerId must be a customer id (1 to 128 of A-Z a-z 0-9 . _ : / # @ + = -)");
                    }
                    yield new Named(referrer.isPresent() ? "referrals-by-referrer" : "referrals-" + month,
                            referrals.of(month, referrer, ListPage.of(query)));
                }
                default -> groupList(request.path(), ListPage.of(query));
            };
            if (list == null) {
                return error(404, "no such list: " + request.path() + " (lists: /birthdays, /dormant, /wake-up, "
                        + "/carts, /mail-outcomes, /coupon-outcomes, /lift, /referrals, /order-feedback, "
                        + "/segments/{segment}, /audiences/{audience})", Map.of());
            }
            LOG.info("list served", entry("list", request.path()), entry("rows", list.table().rows().size()));
            HttpAnswer answer = format.answer(list.table(), list.name());
            if (answer.body().getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
                return error(413, "the list has " + list.table().rows().size() + " rows, more than a function URL "
                        + "response can carry (6 MB); ask for it in pages (limit and next) or as one file "
                        + "(POST /exports)",
                        Map.of());
            }
            return answer;
        } catch (BadRequest | IllegalArgumentException e) {
            return error(400, e.getMessage(), Map.of());
        }
    }

    /** A segment's or an audience's members, or null for a path that names neither. */
    private Named groupList(String path, ListPage page) {
        Matcher route = GROUP_ROUTE.matcher(path);
        if (!route.matches()) {
            return null;
        }
        RfmChange.Group group = SegmentList.group(route.group(1).equals("segments") ? RfmChange.Kind.SEGMENT
                : RfmChange.Kind.AUDIENCE, route.group(2));
        return new Named(SegmentList.fileName(group), segments.of(group, page));
    }

    private Named birthdays(YearMonth month, String kind, ListPage page) {
        return new Named(BirthdayList.fileName(month, kind), birthdays.of(month, kind, page));
    }

    private HttpAnswer export(StaffRequest request) {
        if (request.path().equals("/exports")) {
            if (!request.method().equals("POST")) {
                return error(405, "an export is asked for with POST", Map.of("Allow", "POST"));
            }
            try {
                YearMonth current = YearMonth.from(clock.instant().atZone(storeZone).toLocalDate());
                return HttpAnswer.json(202, exports.start(ExportRequest.parse(request.body(), current)).toString());
            } catch (IllegalArgumentException e) {
                return error(400, e.getMessage(), Map.of());
            }
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return error(405, "an export is followed with GET", Map.of("Allow", "GET"));
        }
        String id = request.path().substring("/exports/".length());
        return exports.status(id).map(status -> HttpAnswer.json(200, status.toString()))
                .orElseGet(() -> error(404, "no export " + id + " (an export and its file are kept for a day)",
                        Map.of()));
    }

    private Named wakeUp(LocalDate to, Map<String, String> query) {
        Period period = period(to, query);
        return new Named("wake-up-" + period.from() + "-to-" + period.to(), wakeUp.between(period.from(), period.to()));
    }

    /** A report's period: {@code from} (default 90 days before {@code to}) to {@code to}, at most two years. */
    private static Period period(LocalDate to, Map<String, String> query) {
        LocalDate from = date(query, "from", to.minusDays(89));
        if (to.isBefore(from)) {
            throw new BadRequest("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        if (from.plusYears(2).isBefore(to)) {
            throw new BadRequest("a report's period is at most two years; ask for shorter periods");
        }
        return new Period(from, to);
    }

    private record Period(LocalDate from, LocalDate to) {}

    private static YearMonth month(Map<String, String> query, YearMonth fallback) {
        String value = query.get("month");
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequest("month must be a calendar month such as 2026-06, not '" + value + "'");
        }
    }

    /** A day of the query, or the fallback; an IllegalArgumentException (a 400) says what is wrong. */
    static LocalDate date(Map<String, String> query, String name, LocalDate fallback) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date such as 2026-06-30, not '" + value + "'");
        }
    }

    private static HttpAnswer error(int status, String message, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Content-Type", "application/json");
        return new HttpAnswer(status, all, JSON.createObjectNode().put("error", message).toString());
    }

    /** A list and the file name it is served under. */
    private record Named(String name, Table table) {}

    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
