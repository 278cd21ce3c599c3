package dev.storecrm.carelists;

import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.coupon.Coupon;
import dev.storecrm.domain.coupon.CouponBook;
import dev.storecrm.domain.coupon.CouponCodes;
import dev.storecrm.domain.member.MemberArchive;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.messaging.SendLedger;
import dev.storecrm.domain.occasion.GreetingCalendar;
import dev.storecrm.domain.occasion.Occasion;
import dev.storecrm.domain.occasion.OccasionDiary;
import dev.storecrm.domain.time.LunarDate;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * This month's birthday members (本月生日会员), the list customer-care staff call from: who, on which
 * local date, tier and contact preference, whether the greeting went, and whether the gift coupon
 * was used.
 *
 * <p>A lunar birthday (农历生日) is listed on the Gregorian date it falls on, with the lunar date
 * beside it ({@code lunarDate}, e.g. {@code 闰五月三十}); the lunar date of a January or February
 * may be the previous lunar year's.
 *
 * <p>It reads the occasion diary by local date: an occasion not yet greeted this year is filed
 * under this year's date, one already greeted under next year's, so the month's dates of both
 * years hold every occasion of the month exactly once. Next year's date of a lunar birthday lies
 * up to three weeks either side of this year's, so next year's month is read with its neighbours.
 * The cost is one small query per date and shard (at most 124 per shard) plus three item reads per
 * member on the list: proportional to the month's birthdays, not to the membership.
 */
public final class BirthdayList {

    static final List<String> COLUMNS = Stream.of(MemberColumns.NAMES.stream(), Stream.of("kind", "localDate",
            "lunarDate", "timeZone", "greeted", "greetingDetail", "giftCoupon", "couponUsed", "couponOrderId"),
            FollowUpColumns.NAMES.stream()).flatMap(s -> s).toList();

    private final OccasionDiary diary;
    private final GreetingCalendar calendar;
    private final MemberArchive members;
    private final MemberPolicy memberPolicy;
    private final SendLedger ledger;
    private final CouponBook coupons;
    private final CouponCodes codes;
    private final FollowUpColumns followUps;
    private final Clock clock;

    BirthdayList(OccasionDiary diary, GreetingCalendar calendar, MemberArchive members, MemberPolicy memberPolicy,
                 SendLedger ledger, CouponBook coupons, CouponCodes codes, FollowUpColumns followUps, Clock clock) {
        this.diary = diary;
        this.calendar = calendar;
        this.members = members;
        this.memberPolicy = memberPolicy;
        this.ledger = ledger;
        this.coupons = coupons;
        this.codes = codes;
        this.followUps = followUps;
        this.clock = clock;
    }

    /** The list's file name, no extension: {@code birthdays-2026-06}, {@code wedding-anniversaries-2026-06}. */
    static String fileName(YearMonth month, String kind) {
        if (!kind.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("kind must be an occasion kind such as birthday or wedding, not '"
                    + kind + "'");
        }
        return (kind.equals("birthday") ? "birthdays" : kind + "-anniversaries") + "-" + month;
    }

    /**
     * The members whose occasion of {@code kind} falls in {@code month} (their local dates), by date:
     * the page of them {@code page} asks for (members are read for the page's rows only).
     */
    public Table of(YearMonth month, String kind, ListPage page) {
        ListPage.Slice<Due> slice = page.of(dues(month, kind), Due::key);
        return table(month, slice.rows()).next(slice.next());
    }

    /** The whole list, {@code size} rows at a time (the diary is read once; members as their rows are made). */
    void pages(YearMonth month, String kind, int size, Consumer<Table> each) {
        ListPage.chunks(dues(month, kind), size, rows -> each.accept(table(month, rows)));
    }

    private record Filed(String date, int shard) {}

    private record Due(Occasion occasion, GreetingCalendar.Due due) {
        String key() {
            return due.localDate() + "|" + occasion.customerId();
        }
    }

    /**
     * The month's occasions of {@code kind}, from the diary's days of four months (this one, and the next year's
     * neighbours, where next greetings are filed) in every shard: about a thousand small queries, read
     * {@value RowReads#CONCURRENT} at a time, since one after another their latency (a few milliseconds each on AWS)
     * made every page of the list wait seconds.
     */
    private List<Due> dues(YearMonth month, String kind) {
        List<Filed> days = new ArrayList<>();
        YearMonth nextYear = month.plusYears(1);
        for (YearMonth filed : List.of(month, nextYear.minusMonths(1), nextYear, nextYear.plusMonths(1))) {
            for (int day = 1; day <= filed.lengthOfMonth(); day++) {
                for (int shard = 0; shard < diary.shards(); shard++) {
                    days.add(new Filed(filed.atDay(day).toString(), shard));
                }
            }
        }
        Map<String, Occasion> occasions = new LinkedHashMap<>();
        for (List<OccasionDiary.Entry> entries : RowReads.map(days, d -> diary.filedFor(d.date(), d.shard()))) {
            for (OccasionDiary.Entry entry : entries) {
                if (entry.occasion().kind().equals(kind)) {
                    occasions.putIfAbsent(entry.occasion().customerId(), entry.occasion());
                }
            }
        }
        List<Due> dues = new ArrayList<>();
        for (Occasion occasion : occasions.values()) {
            // This year's date, or for a lunar date early in the year, last lunar year's;
            // else first celebrated later, or moved to a neighbouring month.
            Stream.of(calendar.after(occasion, month.getYear() - 2), calendar.after(occasion, month.getYear() - 1))
                    .filter(due -> YearMonth.from(due.localDate()).equals(month)).findFirst()
                    .ifPresent(due -> dues.add(new Due(occasion, due)));
        }
        dues.sort(Comparator.comparing(Due::key));
        return dues;
    }

    private Table table(YearMonth month, List<Due> rows) {
        Instant now = clock.instant();
        Table table = new Table(COLUMNS);
        RowReads.map(rows, due -> {
            List<String> cells = new ArrayList<>(row(due.occasion(), due.due(), now));
            cells.addAll(followUps.of("birthdays", month, due.occasion().customerId()));
            return cells;
        }).forEach(table::add);
        return table;
    }

    private List<String> row(Occasion occasion, GreetingCalendar.Due due, Instant now) {
        Optional<MemberRecord> record = members.find(occasion.customerId(), false).map(Revisioned::value);
        Optional<MemberSummary> summary = record.map(r -> MemberSummary.of(r, memberPolicy, now));
        String key = occasion.greetingKey(due.year());
        Optional<SendLedger.Entry> sent = ledger.find(key, false);
        String greeted;
        String detail;
        if (sent.isEmpty()) {
            greeted = due.greetAt().isAfter(now) ? "not yet" : "no";
            detail = due.greetAt().isAfter(now) ? "due " + due.greetAt() : "";
        } else {
            SendLedger.Entry entry = sent.get();
            greeted = switch (entry.status()) {
                case SENT -> "yes";
                case CLAIMED -> "sending";
                case SKIPPED, FAILED -> "no";
            };
            detail = switch (entry.status()) {
                case SENT -> "sent " + entry.settledAt();
                case CLAIMED -> "";
                case SKIPPED, FAILED -> entry.status().name().toLowerCase() + ": " + entry.reason();
            };
        }
        Optional<Coupon> coupon = coupons.find(codes.codeFor(occasion.kind(), key));
        List<String> cells = new ArrayList<>(MemberColumns.of(occasion.customerId(), record, summary));
        String lunar = occasion.date() instanceof LunarDate date ? date.chinese() : "";
        cells.addAll(List.of(occasion.kind(), due.localDate().toString(), lunar, zone(occasion.zone()), greeted, detail,
                coupon.map(Coupon::code).orElse(""),
                coupon.map(c -> c.isRedeemed() ? "yes" : "no").orElse(""),
                coupon.flatMap(Coupon::redemption).map(Coupon.Redemption::orderId).orElse("")));
        return cells;
    }

    private static String zone(ZoneId zone) {
        return zone.getId();
    }
}
