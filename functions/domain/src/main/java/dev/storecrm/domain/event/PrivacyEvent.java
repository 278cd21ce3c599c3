package dev.storecrm.domain.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request about a customer's personal data (contract version 2): to see it (access, export) or to erase it. The
 * privacy requests consumer keeps every one, once per {@link #requestId()}, and answers it; no
 * journey reads them.
 */
public sealed interface PrivacyEvent extends ContractEvent {

    /** The request's id at its source (a platform's request id), unique among the store's requests of its type. */
    String requestId();

    /** Whose data: at least one of the customer id, the e-mail address, the phone number. */
    Subject subject();

    /** Who asked, and through what. */
    Requester requester();

    /** When the source requires the request to be done by, where it says. */
    Optional<Instant> deadline();

    /** The orders the request names, where the source lists them (the subject's orders are found by customer too). */
    List<String> orderIds();

    /** The customer the request is about, as the source identifies them. */
    record Subject(Optional<String> customerId, Optional<String> email, Optional<String> phone) {
        public Subject {
            if (customerId.isEmpty() && email.isEmpty() && phone.isEmpty()) {
                throw new IllegalArgumentException("a subject needs a customer id, an e-mail address or a phone");
            }
        }
    }

    /**
     * Who made a request: the customer themself ({@code subject}), someone acting for them ({@code agent}), the
     * store's own staff ({@code store}), the platform ({@code platform}), a regulator or a court ({@code authority}).
     */
    enum Party { subject, agent, store, platform, authority }

    /**
     * @param via   the channel it came through ({@code shopify}, {@code woocommerce}, {@code email}, ...)
     * @param name  the requester's name, where it is not the subject
     * @param email the requester's e-mail address, where it is not the subject's
     */
    record Requester(Party party, Optional<String> via, Optional<String> name, Optional<String> email) {
        public Requester {
            Objects.requireNonNull(party, "party");
        }
    }

    /** A request to see (access, export) the personal data held about the subject. */
    record CustomerDataRequested(EventMeta meta, String requestId, Subject subject, Requester requester,
                                 Optional<Instant> deadline, List<String> orderIds) implements PrivacyEvent {
        public CustomerDataRequested {
            orderIds = List.copyOf(orderIds);
        }
    }

    /** A request to erase the personal data held about the subject. */
    record CustomerErasureRequested(EventMeta meta, String requestId, Subject subject, Requester requester,
                                    Optional<Instant> deadline, List<String> orderIds) implements PrivacyEvent {
        public CustomerErasureRequested {
            orderIds = List.copyOf(orderIds);
        }
    }
}
