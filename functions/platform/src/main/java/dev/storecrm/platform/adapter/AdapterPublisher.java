package dev.storecrm.platform.adapter;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.event.EventParser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes what a platform payload maps to: every canonical event is first read back with the
 * contract's own parser ({@link EventParser}), so a payload the mapping turned into something the
 * contract refuses (a SKU no identifier can hold, 600 lines) is refused here with the parser's
 * reason and kept, not published for every consumer to refuse; then the orders' customers are
 * remembered (before publishing, so that a refund arriving right after finds its order); then
 * the events go to the store bus, all of one payload together ({@code PutEvents} in batches of ten,
 * failed entries retried).
 */
public final class AdapterPublisher {

    private final StoreBus bus;
    private final OrderOwners owners;
    private final Clock clock;

    /** @param clock the receiving clock the contract's time window is checked against */
    public AdapterPublisher(StoreBus bus, OrderOwners owners, Clock clock) {
        this.bus = bus;
        this.owners = owners;
        this.clock = clock;
    }

    /** Publishes a mapping's events and returns their ids (none for an ignored payload). */
    public List<String> publish(Mapping mapping) {
        List<String> events = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (CanonicalEvent event : mapping.events()) {
            validate(event, clock);
            events.add(event.json());
            ids.add(event.id());
        }
        mapping.orderOwners().forEach(owners::remember);
        if (!events.isEmpty()) {
            bus.publish(events);
        }
        return ids;
    }

    /** Refuses an event the contract would refuse, with the parser's reason and the event's type. */
    static void validate(CanonicalEvent event, Clock clock) {
        try {
            EventParser.parse(event.json(), clock);
        } catch (InvalidInputException refused) {
            throw new InvalidInputException(refused.reason(),
                    "the " + event.type() + " mapped from it: " + refused.detail());
        }
    }
}
