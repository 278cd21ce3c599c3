package dev.storecrm.domain.campaign;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a payment or a refund changes the lift report, decided from what is already stored, so that the cost of an
 * event is that of the member's open assignments (at most one per journey step in the window), never of the
 * member's history:
 *
 * <ul>
 *   <li>a payment is counted once per order: it credits the order's net (paid less the refunds already seen)
 *       to every assignment of the member whose window holds the payment, held out or treated alike;</li>
 *   <li>a refund is counted once per refund id; before the payment it is only kept, after it the assignments
 *       credited lose what the order's net lost;</li>
 *   <li>each assignment's revenue moves from {@code old} to {@code new}, and its cell's sum of squares by
 *       {@code new^2 - old^2}, so the cell's variance stays exact whatever the order of events.</li>
 * </ul>
 *
 * @param window the attribution window: an order paid this long after an assignment counts for it
 */
public record LiftAttribution(Duration window) {

    public LiftAttribution {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the attribution window must be positive");
        }
    }

    /**
     * What an event changes: the order's new record, the assignments whose revenue moved, and the change of each
     * cell; {@link #unchanged()} when the event was already counted.
     */
    public record Outcome(OrderCredit order, List<LiftAssignment> assignments, Map<LiftCell, LiftTally> changes,
                          boolean unchanged) {
        public Outcome {
            Objects.requireNonNull(order, "order");
            assignments = List.copyOf(assignments);
            changes = Map.copyOf(changes);
        }
    }

    /**
     * An order paid at {@code paidAt} for {@code amountMinor}.
     *
     * @param prior the order's record so far ({@link OrderCredit#none} when new)
     * @param open  the member's assignments still open (the store's bounded read); those outside the window are
     *              left alone
     */
    public Outcome paid(OrderCredit prior, long amountMinor, Instant paidAt, List<LiftAssignment> open) {
        if (prior.paid()) {
            return new Outcome(prior, List.of(), Map.of(), true);
        }
        List<LiftAssignment> counted = open.stream()
                .filter(a -> a.customerId().equals(prior.customerId()) && a.counts(paidAt, window)).toList();
        if (counted.size() > OrderCredit.MAX_CREDITED) {
            counted = counted.subList(0, OrderCredit.MAX_CREDITED);
        }
        OrderCredit order = new OrderCredit(prior.orderId(), prior.customerId(), amountMinor, paidAt,
                prior.refundedMinor(), prior.refundIds(), counted.stream().map(LiftAssignment::businessKey).toList());
        return credit(order, counted, 0, true);
    }

    /**
     * A refund of {@code amountMinor} with its own id.
     *
     * @param credited the assignments the order was credited to ({@link OrderCredit#creditedKeys()}, as stored;
     *                 one that has expired since is missing and keeps what it had)
     */
    public Outcome refunded(OrderCredit prior, String refundId, long amountMinor, List<LiftAssignment> credited) {
        if (prior.refundIds().contains(refundId)) {
            return new Outcome(prior, List.of(), Map.of(), true);
        }
        if (prior.refundIds().size() >= OrderCredit.MAX_REFUNDS) {
            throw new InvalidInputException(RejectReason.LIMIT_EXCEEDED,
                    "an order counts at most " + OrderCredit.MAX_REFUNDS + " refunds in the lift report");
        }
        List<String> refunds = new ArrayList<>(prior.refundIds());
        refunds.add(refundId);
        OrderCredit order = new OrderCredit(prior.orderId(), prior.customerId(), prior.paidMinor(), prior.paidAt(),
                Math.addExact(prior.refundedMinor(), amountMinor), refunds, prior.creditedKeys());
        Set<String> keys = new HashSet<>(prior.creditedKeys());
        return credit(order, credited.stream().filter(a -> keys.contains(a.businessKey())).toList(), prior.net(),
                false);
    }

    private static Outcome credit(OrderCredit order, List<LiftAssignment> assignments, long netBefore,
                                  boolean payment) {
        long change = order.net() - netBefore;
        List<LiftAssignment> moved = new ArrayList<>();
        Map<LiftCell, LiftTally> changes = new LinkedHashMap<>();
        for (LiftAssignment a : assignments) {
            boolean newlyConverted = payment && !a.converted();
            if (change == 0 && !newlyConverted) {
                continue;
            }
            long after = Math.max(0, a.revenueMinor() + change);
            moved.add(new LiftAssignment(a.businessKey(), a.customerId(), a.cell(), a.heldOut(), a.at(), after,
                    a.converted() || payment));
            changes.merge(a.cell(), LiftTally.revenue(a.heldOut(), newlyConverted, a.revenueMinor(), after),
                    LiftTally::plus);
        }
        return new Outcome(order, moved, changes, false);
    }
}
