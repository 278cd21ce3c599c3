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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    static final List<String> COLUMNS = Stream.concat(MemberColumns.NAMES.stream(), Stream.of(
            "step", "lastOrderAt", "enteredAt", "message", "messageDetail", "coupon", "couponUsed", "cameBack",
            "cameBackAt", "cameBackOrderId")).toList();

    private final WinBackJournal journal;
    private final MemberArchive members;
    private final MemberPolicy memberPolicy;
    private final SendLedger ledger;
    private final CouponBook coupons;
    private final OrderHistory orders;
    private final ZoneId storeZone;
    private final Clock clock;

    public DormantList(WinBackJournal journal, MemberArchive members, MemberPolicy memberPolicy, SendLedger ledger,
                       CouponBook coupons, OrderHistory orders, ZoneId storeZone, Clock clock) {
        this.journal = journal;
        this.members = members;
        this.memberPolicy = memberPolicy;
        this.ledger = ledger;
        this.coupons = coupons;
        this.orders = orders;
        this.storeZone = storeZone;
        this.clock = clock;
    }

    /** The entries of the month (store time zone for times shown; month by UTC entry time), oldest first. */
    public Table of(YearMonth month) {
        Instant now = clock.instant();
        Map<String, Optional<MemberRecord>> records = new HashMap<>();
        Map<String, List<OrderHistory.PaidOrder>> paid = new HashMap<>();
        Table table = new Table(COLUMNS);
        List<WinBackJournal.Entry> entries = journal.enteredIn(month).stream()
                .sorted(Comparator.comparing(WinBackJournal.Entry::enteredAt)
                        .thenComparing(WinBackJournal.Entry::customerId))
                .toList();
        for (WinBackJournal.Entry entry : entries) {
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
            table.add(cells);
        }
        return table;
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
