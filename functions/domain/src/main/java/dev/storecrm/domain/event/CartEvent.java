package dev.storecrm.domain.event;

import dev.storecrm.domain.money.Money;
import java.util.List;
import java.util.Optional;

/** Events of a shopping cart: the trigger and the cancellation of cart recovery. */
public sealed interface CartEvent extends StoreEvent {

    String cartId();

    /**
     * The cart as it now is. The contact is a customer id, an e-mail, or both; a cart with no
     * lines or no contact starts no recovery.
     */
    record CartUpdated(EventMeta meta, String cartId, Optional<String> customerId, Optional<String> email,
                       List<OrderEvent.Line> lines, Money total, Optional<String> recoveryUrl,
                       Optional<String> locale, Optional<String> timeZone) implements CartEvent {
        public CartUpdated {
            lines = List.copyOf(lines);
        }
    }

    /** The cart became an order. */
    record CheckoutCompleted(EventMeta meta, String cartId, String orderId, Optional<String> customerId)
            implements CartEvent {}
}
