package dev.storecrm.domain.messaging;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a message goes to: a member of the archive, a guest who consented at checkout, a customer who may not be a
 * member, or a plain address (a care agent, a team).
 */
public sealed interface Recipient {

    /** A member: address, locale, time zone, consent and status are read from the archive at send time. */
    record Member(String customerId) implements Recipient {
        public Member {
            Objects.requireNonNull(customerId, "customerId");
        }
    }

    /** A plain address, with what the message needs to know of it. */
    record Address(String email, Optional<String> name, Optional<String> locale, Optional<ZoneId> timeZone)
            implements Recipient {
        public Address {
            Objects.requireNonNull(email, "email");
        }
    }

    /**
     * A guest (no member) who consented to marketing at checkout for a cart (contract version 2). The
     * address and the consent evidence travel with the message: the cart and the moment of the consent.
     * The sender re-checks at send time that the cart's newest update still carries the consent for
     * this address; the request names no customer id, and logs name only the cart and the business key.
     */
    record Guest(String email, String cartId, Instant consentAt, Optional<String> locale, Optional<ZoneId> timeZone)
            implements Recipient {
        public Guest {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(cartId, "cartId");
            Objects.requireNonNull(consentAt, "consentAt");
            Objects.requireNonNull(locale, "locale");
            Objects.requireNonNull(timeZone, "timeZone");
        }
    }

    /**
     * A customer who may not be a member, for transactional mail (a dispute): the member archive's
     * address if it knows the customer with one, otherwise the contact the event carried.
     */
    record Customer(String customerId, Address contact) implements Recipient {
        public Customer {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(contact, "contact");
        }
    }
}
