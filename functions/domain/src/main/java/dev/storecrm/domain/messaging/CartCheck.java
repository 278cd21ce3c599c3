package dev.storecrm.domain.messaging;

import dev.storecrm.domain.event.Stamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The sender's look at a cart when a cart message is about to go (CartsTable on AWS): whether the
 * cart was checked out or ordered, or changed after the activity the message was planned for; and
 * for a guest's message, whether the cart's newest update still carries the guest's consent.
 */
public interface CartCheck {

    /**
     * A check for senders that have no carts to look at: every cart counts as closed and no guest as
     * consenting, so cart messages never go.
     */
    CartCheck NONE = new CartCheck() {
        @Override
        public boolean closedOrChangedSince(String cartId, Stamp armedFor) {
            return true;
        }

        @Override
        public Optional<Instant> guestConsentAt(String cartId, String email) {
            return Optional.empty();
        }
    };

    /** True if the cart is unknown, closed, or changed since {@code armedFor}. */
    boolean closedOrChangedSince(String cartId, Stamp armedFor);

    /**
     * When the guest of the cart consented to marketing for this address, as the cart's newest update
     * says; empty if the cart is unknown or its newest update carries no such consent.
     */
    Optional<Instant> guestConsentAt(String cartId, String email);
}
