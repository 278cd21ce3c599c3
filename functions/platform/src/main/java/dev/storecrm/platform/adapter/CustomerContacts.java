package dev.storecrm.platform.adapter;

import dev.storecrm.domain.event.CustomerContact;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.messaging.EmailAddress;
import java.util.Optional;

/**
 * The contact the payment adapters remember with an order ({@link OrderOwners}) and put on the order's disputes
 * (contract version 2's {@code customer}): taken from the contact the order's checkout captured, the same one
 * OrderPaid carries, so an order is mapped once. Only what the dispute mail needs is kept: the e-mail address (one
 * plain address, else no contact at all), the name and the language.
 */
public final class CustomerContacts {

    private CustomerContacts() {}

    /** From a checkout's contact as OrderPaid's {@code customer} writes it; empty without a plain e-mail address. */
    public static Optional<CustomerContact> ofCheckout(ObjectNode checkoutContact) {
        Optional<String> email = text(checkoutContact, "email").filter(EmailAddress::isPlain);
        return email.map(address -> new CustomerContact(Optional.of(address), text(checkoutContact, "name"),
                Optional.empty(), text(checkoutContact, "locale"), Optional.empty()));
    }

    /** A contact as the contract writes it (a dispute's {@code customer}). */
    public static ObjectNode json(CustomerContact contact) {
        ObjectNode json = CanonicalEvent.object();
        contact.email().ifPresent(email -> json.put("email", email));
        contact.name().ifPresent(name -> json.put("name", name));
        contact.phone().ifPresent(phone -> json.put("phone", phone));
        contact.locale().ifPresent(locale -> json.put("locale", locale));
        contact.timeZone().ifPresent(zone -> json.put("timeZone", zone));
        return json;
    }

    private static Optional<String> text(ObjectNode node, String field) {
        return Optional.ofNullable(node.get(field)).filter(value -> value.isTextual() && !value.asText().isBlank())
                .map(value -> value.asText());
    }
}
