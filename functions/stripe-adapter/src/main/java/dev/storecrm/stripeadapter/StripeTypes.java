package dev.storecrm.stripeadapter;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.platform.adapter.Amounts;
import dev.storecrm.platform.adapter.Mapping;
import dev.storecrm.platform.adapter.OrderOwners;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which mapping each Stripe event type takes. StripeAdapterRule routes exactly these types
 * (StripeTypesTest holds the two lists equal); any other that arrives is {@code UNSUPPORTED_TOPIC}.
 */
final class StripeTypes {

    private final Map<String, Function<StripeEvent, Mapping>> mappings = new LinkedHashMap<>();

    StripeTypes(Amounts amounts, OrderOwners owners) {
        StripeCheckouts checkouts = new StripeCheckouts(amounts);
        StripePayments payments = new StripePayments(amounts, owners);
        StripeCustomers customers = new StripeCustomers();
        mappings.put("checkout.session.completed", checkouts::completed);
        mappings.put("checkout.session.async_payment_succeeded", checkouts::asyncPaid);
        mappings.put("checkout.session.expired", checkouts::expired);
        mappings.put("refund.created", payments::refund);
        mappings.put("refund.updated", payments::refund);
        mappings.put("charge.dispute.created", payments::disputeCreated);
        mappings.put("charge.dispute.updated", payments::disputeUpdated);
        mappings.put("charge.dispute.closed", payments::disputeUpdated);
        mappings.put("charge.dispute.funds_withdrawn", payments::fundsWithdrawn);
        mappings.put("customer.created", customers::changed);
        mappings.put("customer.updated", customers::changed);
    }

    Set<String> mapped() {
        return mappings.keySet();
    }

    Mapping map(StripeEvent event) {
        Function<StripeEvent, Mapping> mapping = mappings.get(event.type());
        if (mapping == null) {
            throw new InvalidInputException(RejectReason.UNSUPPORTED_TOPIC, "StoreCRM does not read this event type;"
                    + " leave it out of the event destination (and of StripeAdapterRule)");
        }
        return mapping.apply(event);
    }
}
