package dev.storecrm.importer;

import dev.storecrm.platform.adapter.OrderOwners;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The order owners of a Shopify import: each order's customer kept for the import's own refunds
 * (which follow their order in the same record), and, where the stack's OrderOwnersTable is named,
 * remembered there too, so that a refund or dispute of an imported order that a webhook brings
 * later finds its customer (instead of being kept as {@code UNKNOWN_ORDER}).
 */
final class RememberedOrderOwners implements OrderOwners {

    private final Map<String, String> owners = new HashMap<>();
    private final OrderOwners table;

    RememberedOrderOwners(OrderOwners table) {
        this.table = table;
    }

    @Override
    public void remember(String orderId, String customerId) {
        if (!customerId.equals(owners.put(orderId, customerId))) {
            table.remember(orderId, customerId);
        }
    }

    @Override
    public Optional<String> customerOf(String orderId) {
        return Optional.ofNullable(owners.get(orderId)).or(() -> table.customerOf(orderId));
    }
}
