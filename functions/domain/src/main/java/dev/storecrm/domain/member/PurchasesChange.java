package dev.storecrm.domain.member;

import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.member.MemberPolicy.Enrolment;
import dev.storecrm.domain.member.Purchases.MonthSpend;
import dev.storecrm.domain.member.Purchases.Payment;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The difference one order's new facts make to a member's {@link Purchases}: counters by the
 * difference, the first and last counted order and each month's first and last payment by the
 * order's old and new payment, and, when the order was the one at an edge, by reading the next one
 * from the {@link PaymentsView} (the last order cancelled: the one before it is the last now).
 */
final class PurchasesChange {

    private final MemberPolicy policy;
    private final PaymentsView view;
    private final Purchases start;
    private long orderCount;
    private long lifetime;
    private long refundCount;
    private long refunded;
    private Instant firstOrderAt;
    private Instant lastOrderAt;
    private Stamp firstPayment;
    private Purchases.Enrolment enrolment;
    private final TreeMap<YearMonth, MonthSpend> months;
    private final List<Payment> recent;
    private boolean firstOrderGone;
    private boolean lastOrderGone;
    private final Set<YearMonth> monthFirstGone = new HashSet<>();
    private final Set<YearMonth> monthLastGone = new HashSet<>();

    PurchasesChange(Purchases purchases, MemberPolicy policy, PaymentsView view) {
        this.policy = policy;
        this.view = view;
        this.start = purchases;
        orderCount = purchases.orderCount();
        lifetime = purchases.lifetimeSpendMinor();
        refundCount = purchases.refundCount();
        refunded = purchases.refundedMinor();
        firstOrderAt = purchases.firstOrderAt();
        lastOrderAt = purchases.lastOrderAt();
        firstPayment = purchases.firstPayment();
        enrolment = purchases.enrolment();
        months = new TreeMap<>(purchases.months());
        recent = new ArrayList<>(purchases.recent());
    }

    /**
     * The purchases with the order's facts changed from {@code before} to {@code after} (the view
     * shows {@code after}).
     */
    Purchases replace(String orderId, OrderFacts before, OrderFacts after) {
        refundCount = Totals.add(refundCount, after.refunds().size() - before.refunds().size(), "the refund count");
        refunded = Totals.add(refunded, after.countedRefundMinor() - before.countedRefundMinor(), "the refunded total");
        if (before.counts()) {
            removeCounted(before);
        }
        if (after.counts()) {
            addCounted(after);
        }
        if (after.isPaid() && !after.payment().equals(before.payment())) {
            payment(orderId, before.payment(), after.payment());
        }
        settleEdges();
        trimMonths();
        return new Purchases(orderCount, lifetime, refundCount, refunded, start.points(), firstOrderAt, lastOrderAt,
                firstPayment, enrolment, months, recent, start.repricing());
    }

    private void removeCounted(OrderFacts order) {
        orderCount--;
        lifetime -= order.netMinor();
        Instant at = order.paidAt().truncatedTo(ChronoUnit.MILLIS);
        YearMonth month = Purchases.monthOf(at);
        MonthSpend spend = months.get(month);
        if (spend != null) {
            long net = spend.netMinor() - order.netMinor();
            if (net <= 0) {
                months.remove(month);
            } else {
                months.put(month, new MonthSpend(net, spend.first(), spend.last()));
                if (spend.first().equals(at)) {
                    monthFirstGone.add(month);
                }
                if (spend.last().equals(at)) {
                    monthLastGone.add(month);
                }
            }
        }
        firstOrderGone |= at.equals(firstOrderAt);
        lastOrderGone |= at.equals(lastOrderAt);
    }

    private void addCounted(OrderFacts order) {
        orderCount++;
        lifetime = Totals.add(lifetime, order.netMinor(), "the lifetime spend");
        Instant at = order.paidAt().truncatedTo(ChronoUnit.MILLIS);
        YearMonth month = Purchases.monthOf(at);
        MonthSpend spend = months.get(month);
        if (spend == null) {
            months.put(month, new MonthSpend(order.netMinor(), at, at));
            monthFirstGone.remove(month);
            monthLastGone.remove(month);
        } else {
            boolean first = !at.isAfter(spend.first());
            boolean last = !at.isBefore(spend.last());
            months.put(month, new MonthSpend(Totals.add(spend.netMinor(), order.netMinor(), "a month's spend"),
                    first ? at : spend.first(), last ? at : spend.last()));
            if (first) {
                monthFirstGone.remove(month);
            }
            if (last) {
                monthLastGone.remove(month);
            }
        }
        if (firstOrderAt == null || !at.isAfter(firstOrderAt)) {
            firstOrderAt = at;
            firstOrderGone = false;
        }
        if (lastOrderAt == null || !at.isBefore(lastOrderAt)) {
            lastOrderAt = at;
            lastOrderGone = false;
        }
    }

    /** Where the order at an edge went away, the next counted order is the edge now. */
    private void settleEdges() {
        if (orderCount == 0) {
            firstOrderAt = null;
            lastOrderAt = null;
        } else {
            if (firstOrderGone) {
                firstOrderAt = firstCounted(OrderBook.BEGINNING, OrderBook.END, false).orElse(null);
            }
            if (lastOrderGone) {
                lastOrderAt = firstCounted(OrderBook.BEGINNING, OrderBook.END, true).orElse(null);
            }
        }
        for (YearMonth month : monthFirstGone) {
            MonthSpend spend = months.get(month);
            if (spend != null) {
                Instant first = firstCounted(start(month), start(month.plusMonths(1)), false).orElse(spend.first());
                months.put(month, new MonthSpend(spend.netMinor(), first, spend.last()));
            }
        }
        for (YearMonth month : monthLastGone) {
            MonthSpend spend = months.get(month);
            if (spend != null) {
                Instant last = firstCounted(start(month), start(month.plusMonths(1)), true).orElse(spend.last());
                months.put(month, new MonthSpend(spend.netMinor(), spend.first(), last));
            }
        }
    }

    private Optional<Instant> firstCounted(Instant from, Instant to, boolean newestFirst) {
        return view.paid(from, to, newestFirst).map(ArchivedOrder::facts).filter(OrderFacts::counts)
                .findFirst().map(OrderFacts::paidAt);
    }

    private static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** Months no tier or trailing year can reach any more: older than the latest payment by the kept span. */
    private void trimMonths() {
        if (!recent.isEmpty()) {
            YearMonth latest = Purchases.monthOf(recent.getFirst().stamp().at());
            YearMonth oldestKept = latest.minusMonths(ArchiveLimits.SPEND_MONTHS - 1);
            months.headMap(oldestKept).clear();
        }
    }

    private void payment(String orderId, OrderFacts.Payment old, OrderFacts.Payment now) {
        if (firstPayment == null || now.stamp().compareTo(firstPayment) < 0) {
            firstPayment = now.stamp();
        }
        boolean full = recent.size() >= ArchiveLimits.RECENT_PAYMENTS;
        boolean listed = recent.removeIf(p -> p.orderId().equals(orderId));
        if (listed && full && old != null) {
            recent.clear();
            view.paid(OrderBook.BEGINNING, OrderBook.END, true).limit(ArchiveLimits.RECENT_PAYMENTS)
                    .forEach(o -> recent.add(new Payment(o.orderId(), o.facts().payment().stamp(),
                            o.facts().payment().amountMinor())));
        } else {
            recent.add(new Payment(orderId, now.stamp(), now.amountMinor()));
            recent.sort(Comparator.comparing(Payment::stamp).reversed());
            while (recent.size() > ArchiveLimits.RECENT_PAYMENTS) {
                recent.removeLast();
            }
        }
        if (policy.enrolment() == Enrolment.SPEND_THRESHOLD) {
            enrolment = new SpendEnrolment(policy.enrolmentSpendMinor(), view)
                    .after(enrolment, orderId, old, now, recent);
        }
    }
}
