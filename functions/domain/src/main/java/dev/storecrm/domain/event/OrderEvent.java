package dev.storecrm.domain.event;

import dev.storecrm.domain.member.ProfileChanges;
import dev.storecrm.domain.money.Money;
import java.util.List;
import java.util.Optional;

/** Events of an order's life. Every one names the order and the store's customer id. */
public sealed interface OrderEvent extends StoreEvent {

    String orderId();

    String customerId();

    /** The money this event carries, if any, for the store-currency check. */
    Optional<Money> money();

    /** A line of an order or cart; {@code imageUrl} is optional. */
    record Line(String sku, String name, int quantity, Money unitPrice, String imageUrl) {}

    record OrderPlaced(EventMeta meta, String orderId, String customerId, Money total, List<Line> lines,
                       String cartId, List<String> couponCodes) implements OrderEvent {
        public OrderPlaced {
            lines = List.copyOf(lines);
            couponCodes = List.copyOf(couponCodes);
        }

        @Override
        public Optional<Money> money() {
            return Optional.of(total);
        }
    }

    /**
     * Payment of an order. {@code contact} holds the contact details the checkout captured; they
     * are applied to the member archive with this event's stamp, so a newer order's e-mail
     * replaces an older profile's.
     */
    record OrderPaid(EventMeta meta, String orderId, String customerId, Money amount,
                     ProfileChanges contact) implements OrderEvent {
        @Override
        public Optional<Money> money() {
            return Optional.of(amount);
        }
    }

    record OrderCancelled(EventMeta meta, String orderId, String customerId, String reason)
            implements OrderEvent {
        @Override
        public Optional<Money> money() {
            return Optional.empty();
        }
    }

    record OrderRefunded(EventMeta meta, String orderId, String customerId, String refundId, Money amount,
                         String reason) implements OrderEvent {
        @Override
        public Optional<Money> money() {
            return Optional.of(amount);
        }
    }
}
