package dev.storecrm.domain.event;

import dev.storecrm.domain.event.PrivacyEvent.CustomerDataRequested;
import dev.storecrm.domain.event.PrivacyEvent.CustomerErasureRequested;
import dev.storecrm.domain.event.PrivacyEvent.Requester;
import dev.storecrm.domain.event.PrivacyEvent.Subject;
import dev.storecrm.domain.json.JsonFields;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The bodies of the privacy requests (contract version 2): CustomerDataRequested and CustomerErasureRequested share
 * one shape ({@code privacyRequest} in {@code common.schema.json}).
 */
final class PrivacyBodies {

    /** At most this many order ids on one request (the subject's orders are found by customer anyway). */
    static final int MAX_ORDER_IDS = 1000;
    private static final Set<String> FIELDS = Set.of("requestId", "subject", "requester", "deadline", "orderIds");

    private PrivacyBodies() {}

    static CustomerDataRequested dataRequested(EventMeta meta, JsonFields body) {
        body.allowOnly(FIELDS);
        return new CustomerDataRequested(meta, body.identifier("requestId"), subject(body.object("subject")),
                requester(body.object("requester")), deadline(meta, body), orderIds(body));
    }

    static CustomerErasureRequested erasureRequested(EventMeta meta, JsonFields body) {
        body.allowOnly(FIELDS);
        return new CustomerErasureRequested(meta, body.identifier("requestId"), subject(body.object("subject")),
                requester(body.object("requester")), deadline(meta, body), orderIds(body));
    }

    private static Subject subject(JsonFields subject) {
        subject.allowOnly(Set.of("customerId", "email", "phone"));
        Optional<String> customerId = subject.optionalIdentifier("customerId");
        Optional<String> email = subject.optionalEmail("email");
        Optional<String> phone = subject.optionalMatching("phone", ContractFields.PHONE, ContractFields.PHONE_RULE);
        if (customerId.isEmpty() && email.isEmpty() && phone.isEmpty()) {
            throw JsonFields.violation(subject.path("customerId"), "(or email, or phone) is required: whose data");
        }
        return new Subject(customerId, email, phone);
    }

    private static Requester requester(JsonFields requester) {
        requester.allowOnly(Set.of("party", "via", "name", "email"));
        return new Requester(requester.enumValue("party", PrivacyEvent.Party.class),
                requester.optionalMatching("via", ContractFields.CHANNEL, ContractFields.CHANNEL_RULE),
                requester.optionalString("name", 200), requester.optionalEmail("email"));
    }

    private static Optional<Instant> deadline(EventMeta meta, JsonFields body) {
        Optional<Instant> deadline = body.optionalDateTime("deadline").map(OffsetDateTime::toInstant);
        deadline.ifPresent(due -> EventLimits.requireDeadlineAfterRequest(body.path("deadline"), meta.instant(), due));
        return deadline;
    }

    private static List<String> orderIds(JsonFields body) {
        return body.strings("orderIds", JsonFields.IDENTIFIER,
                "an order id of 1 to 128 letters, digits or ._:/#@+=-", MAX_ORDER_IDS);
    }
}
