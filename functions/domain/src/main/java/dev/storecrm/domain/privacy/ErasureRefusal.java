package dev.storecrm.domain.privacy;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.event.MemberEvent.MemberRegistered;
import dev.storecrm.domain.event.StoreEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The one refusal of a later event for a customer erased on request (docs/privacy.md, erasure step 1), shared by
 * every consumer that would keep or mail for the customer (the member archive, cart recovery, disputes): the event
 * is refused with {@code ERASED} (kept in the RejectsTable with the reason by the batch processor), unless it is a
 * new registration with fresh consent (marketing consent granted at or after the erasure), which lifts the mark.
 * One read of the mark per call; a consumer calls it only for events that name a customer.
 */
public final class ErasureRefusal {

    private final ErasedCustomers erased;
    private final Clock clock;

    public ErasureRefusal(ErasedCustomers erased, Clock clock) {
        this.erased = erased;
        this.clock = clock;
    }

    /** @throws InvalidInputException {@code ERASED} when the customer was erased and this is no fresh registration */
    public void refuseIfErased(String customerId, StoreEvent event) {
        Optional<Instant> erasedAt = erased.erasedAt(customerId);
        if (erasedAt.isEmpty()) {
            return;
        }
        if (event instanceof MemberRegistered registered && registered.profile().values().marketingConsent() != null
                && registered.profile().values().marketingConsent().granted()
                && !registered.profile().values().marketingConsent().at().isBefore(erasedAt.get())) {
            erased.lift(customerId, clock.instant());
            return;
        }
        throw new InvalidInputException(RejectReason.ERASED, event.meta().type() + " for a customer erased on request"
                + " at " + erasedAt.get() + "; only a new registration with fresh consent is taken");
    }
}
