package dev.storecrm.platform.adapter;

import java.util.Optional;

/**
 * Which customer each order belongs to, as the adapters saw when the order was placed. Refunds and
 * disputes name only the order (Shopify's refunds and disputes, Stripe's refunds and disputes),
 * while the contract's OrderRefunded and DisputeOpened need the customer too. This is the one piece
 * of state the payment adapters keep: one small item per order, kept for a bounded time.
 */
public interface OrderOwners {

    /**
     * For a platform whose refunds come inside their order, which names its customer (WooCommerce):
     * nothing to remember, nothing known.
     */
    OrderOwners NONE = new OrderOwners() {
        @Override
        public void remember(String orderId, String customerId) {
            // The order names its customer wherever it is needed.
        }

        @Override
        public Optional<String> customerOf(String orderId) {
            return Optional.empty();
        }
    };

    /** Remembers an order's customer (again, harmlessly, for a re-delivery). */
    void remember(String orderId, String customerId);

    /** The customer of an order this adapter saw placed, if it did. */
    Optional<String> customerOf(String orderId);
}
