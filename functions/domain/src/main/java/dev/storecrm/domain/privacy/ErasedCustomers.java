package dev.storecrm.domain.privacy;

import java.time.Instant;
import java.util.Optional;

/**
 * Customers whose data was erased on request: their later events are refused ({@code ERASED}) unless a new
 * registration with fresh consent (a MemberRegistered whose consent is granted after the erasure) lifts the mark.
 */
public interface ErasedCustomers {

    /** When the customer was erased, if they were and have not registered again since. */
    Optional<Instant> erasedAt(String customerId);

    /** A new registration with fresh consent: the customer's later events are accepted again. */
    void lift(String customerId, Instant at);
}
