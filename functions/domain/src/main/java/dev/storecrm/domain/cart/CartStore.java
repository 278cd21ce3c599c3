package dev.storecrm.domain.cart;

import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.Revisioned;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Where carts are kept: one record per cart id, saved with optimistic concurrency. */
public interface CartStore {

    Optional<Revisioned<Cart>> find(String cartId, boolean consistentRead);

    /**
     * Saves the cart, if the stored revision is still {@code expectedRevision} (empty: it must not
     * exist yet), and adds {@code stats} to the daily report in the same transaction.
     *
     * @throws ConcurrentUpdateException if another writer got there first (nothing is written)
     */
    void save(Cart cart, OptionalLong expectedRevision, CartStatsDelta stats);

    /** The ids of the open carts of a member (to end their sequences when the member pays an order). */
    List<String> openCartsOf(String customerId);
}
