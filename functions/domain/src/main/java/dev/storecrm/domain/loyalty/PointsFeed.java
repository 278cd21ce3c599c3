package dev.storecrm.domain.loyalty;

import java.util.List;

/**
 * How the member archive tells the ledger about the orders it writes ({@link OrderPoints}): before
 * each order write, so that a write cut short is told again by whoever finishes it.
 */
public interface PointsFeed {

    /** Nothing to tell: an archive that keeps no points ledger. */
    PointsFeed NONE = changes -> { };

    void send(List<OrderPoints> changes);
}
