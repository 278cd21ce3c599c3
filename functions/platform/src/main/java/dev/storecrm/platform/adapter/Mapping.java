package dev.storecrm.platform.adapter;

import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.event.CustomerContact;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one platform payload maps to: the canonical events to publish (in order), the orders whose
 * customer to remember ({@link OrderOwners}), and, where the contract had no place for part of the
 * payload, that part's reason, so the payload is kept in the RejectsTable as well. A payload that
 * maps to nothing on purpose (a completed checkout whose order says it all) has no events and an
 * outcome saying why. A payload that cannot be mapped at all is an
 * {@link dev.storecrm.domain.InvalidInputException}
 * instead, never a {@code Mapping}.
 *
 * @param outcome for logs and metrics: {@code PUBLISHED}, or {@code IGNORED_...} with the reason
 */
public record Mapping(List<CanonicalEvent> events, Map<String, OrderOwners.Owner> orderOwners,
                      Optional<Kept> alsoKept, String outcome) {

    /** The part of a payload the contract could not carry: why it is kept in the RejectsTable. */
    public record Kept(RejectReason reason, String detail) {}

    public Mapping {
        events = List.copyOf(events);
        orderOwners = Map.copyOf(orderOwners);
    }

    public static Mapping publish(List<CanonicalEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("nothing to publish: use Mapping.ignored with the reason");
        }
        return new Mapping(events, Map.of(), Optional.empty(), "PUBLISHED");
    }

    public static Mapping publish(CanonicalEvent... events) {
        return publish(List.of(events));
    }

    /** Nothing to publish, on purpose: {@code outcome} says why ({@code IGNORED_COMPLETED_CHECKOUT}). */
    public static Mapping ignored(String outcome) {
        return new Mapping(List.of(), Map.of(), Optional.empty(), outcome);
    }

    /** The same, remembering that the order belongs to the customer, and how to reach them where known. */
    public Mapping withOwner(String orderId, String customerId, Optional<CustomerContact> contact) {
        Map<String, OrderOwners.Owner> owners = new LinkedHashMap<>(orderOwners);
        owners.put(orderId, new OrderOwners.Owner(customerId, contact));
        return new Mapping(events, owners, alsoKept, outcome);
    }

    /** The same, and the payload kept with this reason for the part the contract could not carry. */
    public Mapping alsoKeeping(RejectReason reason, String detail) {
        return new Mapping(events, orderOwners, Optional.of(new Kept(reason, detail)), outcome);
    }
}
