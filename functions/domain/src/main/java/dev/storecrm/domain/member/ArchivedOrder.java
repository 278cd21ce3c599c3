package dev.storecrm.domain.member;

import java.util.Objects;
import java.util.Optional;

/**
 * One order as the member archive holds it in the OrdersTable: its facts and its {@link Credit}.
 * An order written before the archive kept credits has none; it is priced from the member's
 * timeline when read ({@link Pricing}), which is what the member's totals hold for it.
 */
public record ArchivedOrder(String orderId, OrderFacts facts, Optional<Credit> credit) {

    public ArchivedOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(credit, "credit");
    }

    public static ArchivedOrder unseen(String orderId) {
        return new ArchivedOrder(orderId, OrderFacts.NONE, Optional.of(Credit.NONE));
    }

    public ArchivedOrder with(OrderFacts newFacts, Credit newCredit) {
        return new ArchivedOrder(orderId, newFacts, Optional.of(newCredit));
    }
}
