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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * This month's birthday members (本月生日会员), the list customer-care staff call from: who, on which
 * local date, tier and contact preference, whether the greeting went, and whether the gift coupon
 * was used.
 *
 * <p>It reads the occasion diary by local date: an occasion not yet greeted this year is filed
 * under this year's date, one already greeted under next year's, so the month's dates of both
 * years hold every occasion of the month exactly once. The cost is one small query per date and
 * shard (at most 62 per shard) plus three item reads per member on the list: proportional to the
 * month's birthdays, not to the membership.
 */
public final class BirthdayList {

    static final List<String> COLUMNS = Stream.concat(MemberColumns.NAMES.stream(), Stream.of(
            "kind", "localDate", "timeZone", "greeted", "greetingDetail", "giftCoupon", "couponUsed", "couponOrderId"))
            .toList();

    private final OccasionDiary diary;
    private final GreetingCalendar calendar;
    private final MemberArchive members;
    private final MemberPolicy memberPolicy;
    private final SendLedger ledger;
    private final CouponBook coupons;
    private final CouponCodes codes;
    private final Clock clock;

    public BirthdayList(OccasionDiary diary, GreetingCalendar calendar, MemberArchive members,
                        MemberPolicy memberPolicy, SendLedger ledger, CouponBook coupons, CouponCodes codes,
                        Clock clock) {
        this.diary = diary;
        this.calendar = calendar;
        this.members = members;
        this.memberPolicy = memberPolicy;
        this.ledger = ledger;
        this.coupons = coupons;
        this.codes = codes;
        this.clock = clock;
    }

    /** The members whose occasion of {@code kind} falls in {@code month} (their local dates), by date. */
    public Table of(YearMonth month, String kind) {
        Map<String, Occasion> occasions = new LinkedHashMap<>();
        for (YearMonth filed : List.of(month, month.plusYears(1))) {
            for (int day = 1; day <= filed.lengthOfMonth(); day++) {
                for (int shard = 0; shard < diary.shards(); shard++) {
                    for (OccasionDiary.Entry entry : diary.filedFor(filed.atDay(day).toString(), shard)) {
                        if (entry.occasion().kind().equals(kind)) {
                            occasions.putIfAbsent(entry.occasion().customerId(), entry.occasion());
                        }
                    }
                }
            }
        }
        record Row(LocalDate date, String customerId, List<String> cells) {}
        List<Row> rows = new ArrayList<>();
        Instant now = clock.instant();
        for (Occasion occasion : occasions.values()) {
            GreetingCalendar.Due due = calendar.after(occasion, month.getYear() - 1);
            if (!YearMonth.from(due.localDate()).equals(month)) {
                continue; // first celebrated in a later year, or moved to a neighbouring month (29 February)
            }
            rows.add(new Row(due.localDate(), occasion.customerId(), row(occasion, due, now)));
        }
        Table table = new Table(COLUMNS);
        rows.stream().sorted(Comparator.comparing(Row::date).thenComparing(Row::customerId))
                .forEach(row -> table.add(row.cells()));
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
        cells.addAll(List.of(occasion.kind(), due.localDate().toString(), zone(occasion.zone()), greeted, detail,
                coupon.map(Coupon::code).orElse(""),
                coupon.map(c -> c.isRedeemed() ? "yes" : "no").orElse(""),
                coupon.flatMap(Coupon::redemption).map(Coupon.Redemption::orderId).orElse("")));
        return cells;
    }

    private static String zone(ZoneId zone) {
        return zone.getId();
    }
}
