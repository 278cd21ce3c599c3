package dev.storecrm.domain.dispute;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a dispute stands, in the contract's wire names. The lifecycle only moves forward by
 * {@link #rank()}: waiting for the seller's confirmation comes first; the working states
 * (negotiating, return agreed and awaiting the buyer's shipment, awaiting the seller's receipt of the
 * return, escalated to the platform) may follow each other in any order; resolved is final except
 * for closing; closed is final.
 */
public enum DisputeStatus {
    awaiting_seller_confirmation(0),
    negotiating(1),
    awaiting_return_shipment(1),
    awaiting_return_receipt(1),
    escalated(1),
    resolved(2),
    closed(3);

    private final int rank;

    DisputeStatus(int rank) {
        this.rank = rank;
    }

    /** The lifecycle's order: a status of a lower rank never follows one of a higher rank. */
    public int rank() {
        return rank;
    }

    /** Open disputes are chased and withhold marketing from their customer. */
    public boolean isOpen() {
        return rank < resolved.rank;
    }

    public static Optional<DisputeStatus> fromWire(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
