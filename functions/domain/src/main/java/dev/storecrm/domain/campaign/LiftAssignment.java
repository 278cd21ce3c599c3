package dev.storecrm.domain.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One member's assignment to one journey step, as the lift report keeps it while orders can still count for it:
 * the business key the sender settled ({@code SENT} or {@code HELD_OUT}), its cell and arm, when it was settled,
 * and the member's revenue so far in its attribution window, net of refunds. It is small and fixed in size; the
 * store keeps it under the member, one per business key, until the window and the refund grace have passed.
 *
 * @param revenueMinor the member's net revenue in this assignment so far, minor units
 * @param converted    whether an order of the member was paid in the window
 */
public record LiftAssignment(String businessKey, String customerId, LiftCell cell, boolean heldOut, Instant at,
                             long revenueMinor, boolean converted) {

    public LiftAssignment {
        Objects.requireNonNull(businessKey, "businessKey");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(at, "at");
        if (revenueMinor < 0) {
            throw new IllegalArgumentException("an assignment's revenue cannot be negative");
        }
    }

    /** A new assignment, before any order. */
    public static LiftAssignment settled(String businessKey, String customerId, LiftCell cell, boolean heldOut,
                                         Instant at) {
        return new LiftAssignment(businessKey, customerId, cell, heldOut, at, 0, false);
    }

    /** Whether an order paid at {@code paidAt} counts for this assignment: after it, within the window. */
    public boolean counts(Instant paidAt, Duration window) {
        return paidAt.isAfter(at) && !paidAt.isAfter(at.plus(window));
    }

    LiftAssignment withRevenue(long revenue) {
        return new LiftAssignment(businessKey, customerId, cell, heldOut, at, revenue, true);
    }
}
