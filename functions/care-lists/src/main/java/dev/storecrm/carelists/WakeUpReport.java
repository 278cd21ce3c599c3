package dev.storecrm.carelists;

import dev.storecrm.domain.coupon.Coupon;
import dev.storecrm.domain.coupon.CouponBook;
import dev.storecrm.domain.member.OrderHistory;
import dev.storecrm.domain.messaging.SendLedger;
import dev.storecrm.domain.winback.WinBackJournal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The wake-up rate (唤醒率) of the win-back sequence, per step: of the members a step's message was
 * sent to in a period, the share who paid an order within the window after it (default 14 days),
 * the revenue of those orders (paid amounts net of refunds; cancelled orders count nothing), the
 * value the step's coupon took off, and the revenue net of that coupon value.
 *
 * <p>A message counts when the send ledger says it went; a member who paid within the window of
 * two steps counts for both. Messages whose window has not closed yet are counted in
 * {@code stillInWindow}: their step's rate may still rise.
 */
public final class WakeUpReport {

    static final List<String> COLUMNS = List.of("step", "sent", "woken", "wakeUpRate", "revenueMinor",
            "couponDiscountMinor", "netRevenueMinor", "stillInWindow", "windowDays");

    private final WinBackJournal journal;
    private final SendLedger ledger;
    private final CouponBook coupons;
    private final OrderHistory orders;
    private final Duration window;
    private final ZoneId storeZone;
    private final Clock clock;

    public WakeUpReport(WinBackJournal journal, SendLedger ledger, CouponBook coupons, OrderHistory orders,
                        Duration window, ZoneId storeZone, Clock clock) {
        this.journal = journal;
        this.ledger = ledger;
        this.coupons = coupons;
        this.orders = orders;
        this.window = window;
        this.storeZone = storeZone;
        this.clock = clock;
    }

    /** The steps entered from {@code from} to {@code to} (store-local dates, both included), and their total. */
    public Table between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        Instant start = from.atStartOfDay(storeZone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(storeZone).toInstant();
        Instant now = clock.instant();
        Map<Integer, Tally> steps = new TreeMap<>();
        Tally total = new Tally();
        Map<String, List<OrderHistory.PaidOrder>> paid = new HashMap<>();
        for (YearMonth month = YearMonth.from(start.atOffset(ZoneOffset.UTC));
             !month.isAfter(YearMonth.from(end.minusMillis(1).atOffset(ZoneOffset.UTC))); month = month.plusMonths(1)) {
            for (WinBackJournal.Entry entry : journal.enteredIn(month)) {
                if (entry.step() == 0 || entry.enteredAt().isBefore(start) || !entry.enteredAt().isBefore(end)
                        || entry.messageKey().isEmpty()) {
                    continue;
                }
                Optional<SendLedger.Entry> message = ledger.find(entry.messageKey().get(), false)
                        .filter(m -> m.status() == SendLedger.Status.SENT);
                if (message.isEmpty()) {
                    continue;
                }
                Instant sentAt = Optional.ofNullable(message.get().settledAt()).orElse(entry.enteredAt());
                Instant closes = sentAt.plus(window);
                List<OrderHistory.PaidOrder> paidOrders = paid.computeIfAbsent(entry.customerId(), orders::paidOrders);
                List<OrderHistory.PaidOrder> within = paidOrders.stream()
                        .filter(order -> order.paidAt().isAfter(sentAt) && !order.paidAt().isAfter(closes))
                        .toList();
                Set<String> orderIds = within.stream().map(OrderHistory.PaidOrder::orderId).collect(Collectors.toSet());
                long discount = entry.couponCode().flatMap(coupons::find).flatMap(Coupon::redemption)
                        .filter(redemption -> orderIds.contains(redemption.orderId()))
                        .map(Coupon.Redemption::discountMinor).orElse(0L);
                long revenue = within.stream().mapToLong(OrderHistory.PaidOrder::netMinor).sum();
                boolean open = closes.isAfter(now);
                for (Tally tally : List.of(steps.computeIfAbsent(entry.step(), s -> new Tally()), total)) {
                    tally.add(!within.isEmpty(), revenue, discount, open);
                }
            }
        }
        Table table = new Table(COLUMNS);
        steps.forEach((step, tally) -> table.add(tally.row(String.valueOf(step), window)));
        table.add(total.row("all", window));
        return table;
    }

    private static final class Tally {
        long sent;
        long woken;
        long revenue;
        long discount;
        long open;

        void add(boolean wokenUp, long revenueMinor, long discountMinor, boolean stillOpen) {
            sent++;
            woken += wokenUp ? 1 : 0;
            revenue += revenueMinor;
            discount += discountMinor;
            open += stillOpen ? 1 : 0;
        }

        List<String> row(String step, Duration window) {
            String rate = sent == 0 ? "" : String.format(Locale.ROOT, "%.1f%%", 100.0 * woken / sent);
            return List.of(step, String.valueOf(sent), String.valueOf(woken), rate, String.valueOf(revenue),
                    String.valueOf(discount), String.valueOf(revenue - discount), String.valueOf(open),
                    String.valueOf(window.toDays()));
        }
    }
}
