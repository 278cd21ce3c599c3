package dev.storecrm.domain.member;

import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.member.Purchases.Enrolment;
import dev.storecrm.domain.member.Purchases.Payment;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;

/**
 * Enrolment by spend ({@code SPEND_THRESHOLD}): the member joins at the payment, in payment order,
 * that takes the paid total to the threshold. Kept as that payment and the total before it, so a
 * payment after it changes nothing; one before it (a late one) moves it earlier by reading back from
 * it, one payment at a time, only as far as the threshold is still reached.
 */
final class SpendEnrolment {

    private final long threshold;
    private final PaymentsView view;

    SpendEnrolment(long threshold, PaymentsView view) {
        this.threshold = threshold;
        this.view = view;
    }

    /**
     * The enrolment once order {@code orderId}'s payment changed from {@code old} ({@code null}: none)
     * to {@code now}.
     */
    Enrolment after(Enrolment enrolment, String orderId, OrderFacts.Payment old, OrderFacts.Payment now,
                    List<Payment> recent) {
        Enrolment current = enrolment == null ? new Enrolment(null, 0) : enrolment;
        long oldAmount = old == null ? 0 : old.amountMinor();
        Stamp crossing = current.crossing();
        if (crossing == null) {
            long total = Totals.add(current.grossBefore() - oldAmount, now.amountMinor(), "the paid total");
            if (total < threshold) {
                return new Enrolment(null, total);
            }
            boolean latest = !recent.isEmpty() && recent.getFirst().orderId().equals(orderId);
            long before = total - now.amountMinor();
            return latest && before < threshold ? new Enrolment(now.stamp(), before) : fromStart();
        }
        if (old != null && (old.stamp().equals(crossing) || (old.stamp().compareTo(crossing) < 0
                && now.amountMinor() < old.amountMinor()))) {
            return fromStart();
        }
        long before = current.grossBefore();
        if (old != null && old.stamp().compareTo(crossing) < 0) {
            before -= oldAmount;
        }
        if (now.stamp().compareTo(crossing) < 0) {
            before = Totals.add(before, now.amountMinor(), "the paid total");
        }
        return before < threshold ? new Enrolment(crossing, before) : backFrom(crossing, before);
    }

    /**
     * Walks back from the crossing, taking payments off the total before it, until it is under the
     * threshold (counted from the start again if the total was not what the payments add up to).
     */
    private Enrolment backFrom(Stamp crossing, long before) {
        Iterator<ArchivedOrder> earlier = view.paid(OrderBook.BEGINNING, crossing.at().plusNanos(1), true)
                .filter(o -> o.facts().payment().stamp().compareTo(crossing) < 0).iterator();
        long total = before;
        while (earlier.hasNext()) {
            OrderFacts.Payment payment = earlier.next().facts().payment();
            total -= payment.amountMinor();
            if (total < threshold) {
                return new Enrolment(payment.stamp(), total);
            }
        }
        return fromStart();
    }

    /** Adds the payments up from the first until the threshold is reached. */
    private Enrolment fromStart() {
        Iterator<ArchivedOrder> payments = view.paid(OrderBook.BEGINNING, OrderBook.END, false).iterator();
        long total = 0;
        while (payments.hasNext()) {
            OrderFacts.Payment payment = payments.next().facts().payment();
            long with = Totals.add(total, payment.amountMinor(), "the paid total");
            if (with >= threshold) {
                return new Enrolment(payment.stamp(), total);
            }
            total = with;
        }
        return new Enrolment(null, total);
    }

    static Instant at(Enrolment enrolment) {
        return enrolment == null || enrolment.crossing() == null ? null : enrolment.crossing().at();
    }
}
