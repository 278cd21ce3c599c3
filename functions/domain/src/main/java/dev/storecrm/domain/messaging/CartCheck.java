package dev.storecrm.domain.messaging;

import dev.storecrm.domain.event.Stamp;

/**
 * The sender's look at a cart when a cart message is about to go (CartsTable on AWS): whether the
 * cart was checked out or ordered, or changed after the activity the message was planned for.
 */
public interface CartCheck {

    /** A check for senders that have no carts to look at: every cart counts as closed, so cart messages never go. */
    CartCheck NONE = (cartId, armedFor) -> true;

    /** True if the cart is unknown, closed, or changed since {@code armedFor}. */
    boolean closedOrChangedSince(String cartId, Stamp armedFor);
}
