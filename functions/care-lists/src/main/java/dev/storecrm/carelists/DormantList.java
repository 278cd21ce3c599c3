package dev.storecrm.carelists;

import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.coupon.Coupon;
import dev.storecrm.domain.coupon.CouponBook;
import dev.storecrm.domain.member.MemberArchive;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.member.OrderHistory;
import dev.storecrm.domain.messaging.SendLedger;
import dev.storecrm.domain.winback.WinBackJournal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The dormant member wake-up follow-up list (沉睡会员唤醒跟进表): the members who entered a win-back
 * step in a month, or became dormant (step {@code dormant}), when, whether the message went, the
 * coupon and whether it was used, and whether they came back (paid an order afterwards).
 *
 * <p>It reads the month's journal entries (one query) and, per member on the list, the member, the
 * message's ledger entry, the coupon and the member's orders.
 */
public final class DormantList {

    static final List<String> COLUMNS = Stream.of(MemberColumns.NAMES.stream(), Stream.of(
            "step", "lastOrderAt", "enteredAt", "message", "messageDetail", "coupon", "couponUsed", "cameBack",
            "cameBackAt", "cameBackOrderId"), FollowUpColumns.NAMES.stream()).flatMap(s -> s).toList();

    private final WinBackJournal journal;
    private final MemberArchive members;
    private final MemberPolicy memberPolicy;
    private final SendLedger ledger;
    private final CouponBook coupons;
    private final OrderHistory orders;
    private final ZoneId storeZone;
    private final FollowUpColumns followUps;
    private final Clock clock;

    DormantList(WinBackJournal journal, MemberArchive members, MemberPolicy memberPolicy, SendLedger ledger,
                CouponBook coupons, OrderHistory orders, ZoneId storeZone, FollowUpColumns followUps, Clock clock) {
        this.journal = journal;
        this.members = members;
        this.memberPolicy = memberPolicy;
        this.ledger = ledger;
        this.coupons = coupons;
        this.orders = orders;
        this.storeZone = storeZone;
        this.followUps = followUps;
        this.clock = clock;
    }

    /**
     * The entries of the month (store time zone for times shown; month by UTC entry time), oldest
     * first: the page of them {@code page} asks for (members are read for the page's rows only).
     */
    public Table of(YearMonth month, ListPage page) {
        ListPage.Slice<WinBackJournal.Entry> slice = page.of(entries(month), DormantList::key);
        return table(month, slice.rows()).next(slice.next());
    }

    /** The whole list, {@code size} rows at a time (the month's journal is read once). */
    void pages(YearMonth month, int size, Consumer<Table> each) {
        ListPage.chunks(entries(month), size, rows -> each.accept(table(month, rows)));
    }

    private List<WinBackJournal.Entry> entries(YearMonth month) {
        return journal.enteredIn(month).stream().sorted(Comparator.comparing(DormantList::key)).toList();
    }

    private Table table(YearMonth month, List<WinBackJournal.Entry> rows) {
        Instant now = clock.instant();
        Map<String, Optional<MemberRecord>> records = new ConcurrentHashMap<>();
        Map<String, List<OrderHistory.PaidOrder>> paid = new ConcurrentHashMap<>();
        Table table = new Table(COLUMNS);
        RowReads.map(rows, entry -> {
            Optional<MemberRecord> record = records.computeIfAbsent(entry.customerId(),
                    id -> members.find(id, false).map(Revisioned::value));
            Optional<MemberSummary> summary = record.map(r -> MemberSummary.of(r, memberPolicy, now));
            List<OrderHistory.PaidOrder> paidOrders = paid.computeIfAbsent(entry.customerId(), orders::paidOrders);
            Optional<OrderHistory.PaidOrder> back = paidOrders.stream()
                    .filter(order -> order.paidAt().isAfter(entry.enteredAt()))
                    .min(Comparator.comparing(OrderHistory.PaidOrder::paidAt));
            Optional<SendLedger.Entry> message = entry.messageKey().flatMap(key -> ledger.find(key, false));
            Optional<Coupon> coupon = entry.couponCode().flatMap(coupons::find);
            List<String> cells = new ArrayList<>(MemberColumns.of(entry.customerId(), record, summary));
            cells.addAll(List.of(
                    entry.step() == 0 ? "dormant" : String.valueOf(entry.step()),
                    local(entry.episode()),
                    local(entry.enteredAt()),
                    messageState(entry, message),
                    message.map(m -> m.status() == SendLedger.Status.SENT ? local(m.settledAt()) : nonNull(m.reason()))
                            .orElse(entry.skipped().orElse("")),
                    coupon.map(Coupon::code).orElse(""),
                    coupon.map(c -> c.isRedeemed() ? "yes" : "no").orElse(""),
                    back.isPresent() ? "yes" : "no",
                    back.map(order -> local(order.paidAt())).orElse(""),
                    back.map(OrderHistory.PaidOrder::orderId).orElse("")));
            cells.addAll(followUps.of("dormant", month, entry.customerId()));
            return cells;
        }).forEach(table::add);
        return table;
    }

    /** Entry time (nanoseconds, zero-padded so that text order is time order), member, step. */
    private static String key(WinBackJournal.Entry entry) {
        Instant at = entry.enteredAt();
        return String.format("%019d|%s|%d", at.getEpochSecond() * 1_000_000_000L + at.getNano(), entry.customerId(),
                entry.step());
    }

    private static String messageState(WinBackJournal.Entry entry, Optional<SendLedger.Entry> message) {
        if (entry.step() == 0) {
            return "";
        }
        if (entry.skipped().isPresent()) {
            return "not requested";
        }
        return message.map(m -> switch (m.status()) {
            case SENT -> "sent";
            case CLAIMED -> "sending";
            case SKIPPED -> "skipped";
            case FAILED -> "failed";
        }).orElse("queued");
    }

    private String local(Instant instant) {
        return instant == null
                ? ""
                : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(instant.atZone(storeZone).withNano(0));
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
