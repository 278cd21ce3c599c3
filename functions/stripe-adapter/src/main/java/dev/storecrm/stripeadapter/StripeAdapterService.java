package dev.storecrm.stripeadapter;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.platform.adapter.AdapterPublisher;
import dev.storecrm.platform.adapter.AdapterRejects;
import dev.storecrm.platform.adapter.Amounts;
import dev.storecrm.platform.adapter.Mapping;
import dev.storecrm.platform.adapter.OrderOwners;
import dev.storecrm.platform.adapter.StoreBus;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Stripe adapter: one Stripe event from the event destination in, its canonical events out on
 * the store bus. Refuses, with the reason (the batch processor keeps the event in the
 * RejectsTable): test-mode events unless {@code ACCEPT_TEST_PAYMENTS} ({@code TEST_DELIVERY}),
 * types it does not read ({@code UNSUPPORTED_TOPIC}), sessions that are not orders yet
 * ({@code NOT_YET_MAPPED}), and events that do not map. Each reason names the type and the
 * {@code evt_} id; logs carry ids only.
 */
public final class StripeAdapterService {

    private static final Logger LOG = LoggerFactory.getLogger(StripeAdapterService.class);

    private final StripeTypes types;
    private final AdapterPublisher publisher;
    private final AdapterRejects rejects;
    private final boolean acceptTestPayments;

    public StripeAdapterService(Amounts amounts, OrderOwners owners, StoreBus bus, AdapterRejects rejects,
                                boolean acceptTestPayments) {
        this.types = new StripeTypes(amounts, owners);
        this.publisher = new AdapterPublisher(bus, owners, rejects.clock());
        this.rejects = rejects;
        this.acceptTestPayments = acceptTestPayments;
    }

    /** Maps and publishes one Stripe event (the detail of its EventBridge event); returns the outcome. */
    public String handle(String detail) {
        StripeEvent event = StripeEvent.read(detail);
        Mapping mapping;
        List<String> published;
        try {
            if (!event.livemode() && !acceptTestPayments) {
                throw new InvalidInputException(RejectReason.TEST_DELIVERY, "a test-mode event (livemode false);"
                        + " AcceptTestPayments maps them on a staging stack");
            }
            mapping = types.map(event);
            published = publisher.publish(mapping);
        } catch (InvalidInputException refused) {
            throw new InvalidInputException(refused.reason(), "Stripe " + event.type() + " " + event.id() + ": "
                    + refused.detail());
        }
        mapping.alsoKept().ifPresent(part -> rejects.keptInPart(event.id(), Optional.of(event.id()),
                Optional.of(event.type()), part, detail));
        LOG.info("stripe event mapped", entry("type", event.type()), entry("stripeEventId", event.id()),
                entry("outcome", mapping.outcome()), entry("published", published));
        return mapping.outcome();
    }
}
