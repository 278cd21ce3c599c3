package dev.storecrm.domain.event;

import dev.storecrm.domain.event.DisputeEvent.DisputeOpened;
import dev.storecrm.domain.event.DisputeEvent.DisputeUpdated;
import dev.storecrm.domain.event.DisputeEvent.Proposal;
import dev.storecrm.domain.json.JsonFields;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The bodies of the dispute events. Contract version 2 adds the {@code customer}'s contact to both, for a customer
 * who may not be a member.
 */
final class DisputeBodies {

    private static final Pattern DISPUTE_STATUS = Pattern.compile(
            "awaiting_seller_confirmation|negotiating|awaiting_return_shipment|awaiting_return_receipt"
                    + "|escalated|resolved|closed");
    private static final Pattern RESOLUTION = Pattern.compile("refunded|rejected|withdrawn");
    private static final String STATUS_RULE = "a dispute status of the contract";

    private DisputeBodies() {}

    static DisputeOpened disputeOpened(EventMeta meta, JsonFields body) {
        body.allowOnly(Set.of("disputeId", "orderId", "customerId", "channel", "reason", "amount", "status",
                "evidenceDueBy", "buyerProposal", "customer"));
        ContractFields.requireVersion(meta, body, "customer", 2);
        Optional<Instant> evidenceDueBy = body.optionalDateTime("evidenceDueBy").map(OffsetDateTime::toInstant);
        evidenceDueBy.ifPresent(due -> EventLimits.requireEvidenceAfterOpening(body.path("evidenceDueBy"),
                meta.instant(), due));
        return new DisputeOpened(meta, body.identifier("disputeId"), body.identifier("orderId"),
                body.identifier("customerId"), body.matching("channel", ContractFields.CHANNEL,
                ContractFields.CHANNEL_RULE), body.enumValue("reason", DisputeEvent.Reason.class),
                body.money("amount"), body.optionalMatching("status", DISPUTE_STATUS, STATUS_RULE), evidenceDueBy,
                body.optionalObject("buyerProposal").map(DisputeBodies::proposal),
                body.optionalObject("customer").map(DisputeBodies::contact));
    }

    static DisputeUpdated disputeUpdated(EventMeta meta, JsonFields body) {
        body.allowOnly(Set.of("disputeId", "status", "resolution", "proposal", "evidenceDueBy", "note",
                "returnTrackingNumber", "customer"));
        ContractFields.requireVersion(meta, body, "customer", 2);
        Optional<Instant> evidenceDueBy = body.optionalDateTime("evidenceDueBy").map(OffsetDateTime::toInstant);
        evidenceDueBy.ifPresent(due -> EventLimits.requireEvidenceNotBeyond(body.path("evidenceDueBy"),
                meta.instant(), due));
        return new DisputeUpdated(meta, body.identifier("disputeId"),
                body.optionalMatching("status", DISPUTE_STATUS, STATUS_RULE),
                body.optionalMatching("resolution", RESOLUTION, "one of refunded, rejected, withdrawn"),
                body.optionalObject("proposal").map(DisputeBodies::proposal), evidenceDueBy,
                body.optionalString("note", 4000), body.optionalString("returnTrackingNumber", 64),
                body.optionalObject("customer").map(DisputeBodies::contact));
    }

    private static Proposal proposal(JsonFields proposal) {
        proposal.allowOnly(Set.of("party", "refund", "returnGoods", "text"));
        return new Proposal(proposal.enumValue("party", DisputeEvent.Party.class), proposal.money("refund"),
                proposal.bool("returnGoods"), proposal.optionalString("text", 2000));
    }

    /** A customer's contact: an e-mail address or a phone number at least, and name, language, time zone. */
    static CustomerContact contact(JsonFields contact) {
        contact.allowOnly(Set.of("email", "name", "phone", "locale", "timeZone"));
        Optional<String> email = contact.optionalEmail("email");
        Optional<String> phone = contact.optionalMatching("phone", ContractFields.PHONE, ContractFields.PHONE_RULE);
        Optional<String> name = contact.optionalString("name", 200);
        Optional<String> locale = contact.optionalMatching("locale", ContractFields.LOCALE, ContractFields.LOCALE_RULE);
        Optional<String> timeZone = contact.optionalTimeZone("timeZone").map(ZoneId::getId);
        if (email.isEmpty() && phone.isEmpty()) {
            throw JsonFields.violation(contact.path("email"), "or " + contact.path("phone")
                    + " is required: how else to reach the customer");
        }
        return new CustomerContact(email, name, phone, locale, timeZone);
    }
}
