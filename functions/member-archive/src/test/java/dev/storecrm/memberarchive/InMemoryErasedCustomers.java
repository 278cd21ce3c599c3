package dev.storecrm.memberarchive;

import dev.storecrm.domain.privacy.ErasedCustomers;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Erased customers' marks in memory. */
final class InMemoryErasedCustomers implements ErasedCustomers {

    final Map<String, Instant> marks = new HashMap<>();

    @Override
    public Optional<Instant> erasedAt(String customerId) {
        return Optional.ofNullable(marks.get(customerId));
    }

    @Override
    public void lift(String customerId, Instant at) {
        marks.remove(customerId);
    }
}
