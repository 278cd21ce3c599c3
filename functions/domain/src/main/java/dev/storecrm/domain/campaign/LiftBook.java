package dev.storecrm.domain.campaign;

import dev.storecrm.domain.Revisioned;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the lift report keeps its figures (docs/campaigns.md, "The lift report"): the tally of each cell, each
 * member's assignments while orders can still count for them, and what each order has contributed. Every write
 * is conditional, so an event delivered twice or two events of one member at once change nothing twice.
 */
public interface LiftBook {

    /** The most assignments a member keeps at once: one per journey step in the window, with room to spare. */
    int MAX_KEPT = 100;

    /**
     * Records an assignment and adds its change to its cell, at once; false when the business key was recorded
     * before (a duplicate: nothing is added).
     *
     * @param keepUntil when the assignment may be forgotten: its window and the refund grace have passed
     */
    boolean assign(LiftAssignment assignment, LiftTally change, Instant keepUntil);

    /**
     * The member's assignments made at or after {@code since} (a payment's time less the attribution window: those
     * whose window can hold it), at most {@link #MAX_KEPT}. Not every assignment kept: a member keeps them for the
     * window and the refund grace, far longer than the window.
     */
    List<LiftAssignment> assignedSince(String customerId, Instant since);

    /** What the order has contributed so far, with its revision (0 when nothing yet). */
    Revisioned<OrderCredit> order(String orderId, String customerId);

    /**
     * Saves an event's outcome at once: the order, the assignments whose revenue moved (each only if it still
     * holds what {@code before} says) and the cells' changes.
     *
     * @throws dev.storecrm.domain.ConcurrentUpdateException when the order or an assignment changed since read
     */
    void save(Revisioned<OrderCredit> prior, Map<String, LiftAssignment> before, LiftAttribution.Outcome outcome,
              Instant keepUntil);

    /**
     * Adds a redeemed coupon's discount to the cell of the assignment it was issued with, once: the assignment
     * keeps the order that redeemed its coupon (a message has at most one coupon, and a coupon one order), and
     * both are written at once. False when the assignment's coupon was counted before, or it is no longer kept.
     *
     * @throws dev.storecrm.domain.ConcurrentUpdateException when the assignment changed while it was written
     */
    boolean chargeCoupon(LiftAssignment assignment, String orderId, long discountMinor);

    /** The tallies of one period's cells, by cell; one query, as many items as the period has cells. */
    Map<LiftCell, LiftTally> period(String period);

    /** The assignment of a business key of the member, when still kept. */
    Optional<LiftAssignment> assignment(String customerId, String businessKey);
}
