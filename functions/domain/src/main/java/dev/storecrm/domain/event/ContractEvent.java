package dev.storecrm.domain.event;

/**
 * Any event of the canonical contract ({@code events/schemas/}): the store's activity ({@link StoreEvent}), which
 * the journeys consume, or a privacy request about a customer's data ({@link PrivacyEvent}), which only the privacy
 * requests consumer reads. The two are kept apart in the types so that no journey can ever act on a privacy
 * request: {@link EventParser#parse} gives journeys store events only, {@link EventParser#read} gives any.
 */
public sealed interface ContractEvent permits StoreEvent, PrivacyEvent {

    EventMeta meta();

    default Stamp stamp() {
        return meta().stamp();
    }
}
