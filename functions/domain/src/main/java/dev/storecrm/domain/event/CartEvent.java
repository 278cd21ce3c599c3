package dev.storecrm.domain.event;

import dev.storecrm.domain.member.Consent;
import dev.storecrm.domain.money.Money;
import java.util.List;
import java.util.Optional;

/** Events of a shopping cart: the trigger and the cancellation of cart recovery. */
public sealed interface CartEvent extends StoreEvent {

    String cartId();

    /**
     * The cart as it now is. The contact is a customer id, an e-mail, or both; a cart with no
     * lines or no contact starts no recovery.
     *
     * @param marketingConsent contract version 2: a guest's marketing consent as given (or refused) at checkout, for
     *                         the cart's {@code email}; only on a guest's cart (no {@code customerId}: a member's
     *                         consent is the member archive's, from MemberUpdated and OrderPaid)
     */
    record CartUpdated(EventMeta meta, String cartId, Optional<String> customerId, Optional<String> email,
                       List<OrderEvent.Line> lines, Money total, Optional<String> recoveryUrl,
                       Optional<String> locale, Optional<String> timeZone, Optional<Consent> marketingConsent)
            implements CartEvent {
        public CartUpdated {
            lines = List.copyOf(lines);
            if (marketingConsent.isPresent() && (customerId.isPresent() || email.isEmpty())) {
                throw new IllegalArgumentException("a marketing consent belongs to a guest's cart with an e-mail");
            }
        }

        /** Whether this is a guest's cart (no customer id) whose contact consented to marketing at checkout. */
        public boolean guestConsented() {
            return marketingConsent.map(Consent::granted).orElse(false);
        }
    }

    /** The cart became an order. */
    record CheckoutCompleted(EventMeta meta, String cartId, String orderId, Optional<String> customerId)
            implements CartEvent {}
}
