package dev.storecrm.domain.messaging;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/** Who a message goes to: a member of the archive, or an address (a guest's cart, a care agent, a team). */
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
}
