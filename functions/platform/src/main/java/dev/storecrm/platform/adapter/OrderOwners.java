package dev.storecrm.platform.adapter;

import dev.storecrm.domain.event.CustomerContact;
import java.util.Objects;
import java.util.Optional;

/**
 * Which customer each order belongs to, as the adapters saw when the order was placed, and how to reach them.
 * Refunds and disputes name only the order (Shopify's refunds and disputes, Stripe's refunds and disputes), while
 * the contract's OrderRefunded and DisputeOpened need the customer too, and a dispute of a customer who may not be
 * a member carries their contact (contract version 2). This is the one piece of state the payment adapters keep:
 * one small item per order, kept for a bounded time.
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

    /** An order's customer and, where the order gave an e-mail address, how to reach them. */
    record Owner(String customerId, Optional<CustomerContact> contact) {
        public Owner {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(contact, "contact");
        }
    }

    /** Remembers an order's customer (again, harmlessly, for a re-delivery). */
    void remember(String orderId, String customerId);

    /** The customer of an order this adapter saw placed, if it did. */
    Optional<String> customerOf(String orderId);

    /** Remembers an order's customer and contact; a store of owners that keeps no contacts keeps the customer. */
    default void remember(String orderId, Owner owner) {
        remember(orderId, owner.customerId());
    }

    /** The customer and contact of an order this adapter saw placed, if it did. */
    default Optional<Owner> ownerOf(String orderId) {
        return customerOf(orderId).map(customerId -> new Owner(customerId, Optional.empty()));
    }
}
