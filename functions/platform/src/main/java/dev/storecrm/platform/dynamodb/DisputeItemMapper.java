package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.bool;
import static dev.storecrm.platform.dynamodb.Attributes.m;
import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.dispute.Deadline;
import dev.storecrm.domain.dispute.Dispute;
import dev.storecrm.domain.dispute.DisputeStatus;
import dev.storecrm.domain.dispute.Fact;
import dev.storecrm.domain.dispute.Opening;
import dev.storecrm.domain.dispute.Resolution;
import dev.storecrm.domain.event.CustomerContact;
import dev.storecrm.domain.event.DisputeEvent.Party;
import dev.storecrm.domain.event.DisputeEvent.Proposal;
import dev.storecrm.domain.event.DisputeEvent.Reason;
import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.money.Money;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A dispute as a DisputesTable item, explicitly mapped. Besides the dispute's facts (each with its
 * stamp) the item carries what its indexes need: {@code openCustomerId} only while the dispute is
 * open (sparse GSI {@code OpenByCustomer}, read by the sender), and {@code status} with
 * {@code queueKey} for the agents' queue (GSI {@code QueueByStatus}): the nearest deadline at fixed
 * width then the id for open disputes, the moment of the final status for resolved and closed ones.
 * {@code contact} (M email name phone locale timeZone stamp) is the customer's contact of the newest
 * dispute event that carried one (contract version 2), for the dispute mail of a customer who is not a member.
 */
final class DisputeItemMapper {

    static final DateTimeFormatter FIXED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** Sorts open disputes without a deadline after every dated one. */
    static final String NO_DEADLINE = "9999-12-31T23:59:59.999999999Z";

    private DisputeItemMapper() {}

    static Map<String, AttributeValue> toItem(
            Dispute dispute, Optional<Deadline> nearest, long revision, Instant updatedAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("disputeId", s(dispute.disputeId()));
        item.put("rev", n(revision));
        item.put("updatedAt", s(updatedAt.toString()));
        dispute.opening().ifPresent(o -> {
            item.put("orderId", s(o.orderId()));
            item.put("customerId", s(o.customerId()));
            item.put("channel", s(o.channel()));
            item.put("reason", s(o.reason().name()));
            item.put("amount", n(o.amount().minor()));
            item.put("currency", s(o.amount().currency().getCurrencyCode()));
            item.put("openedStamp", s(o.stamp().encode()));
        });
        dispute.openCustomerId().ifPresent(c -> item.put("openCustomerId", s(c)));
        dispute.status().ifPresent(st -> {
            item.put("status", s(st.value().name()));
            item.put("statusStamp", s(st.stamp().encode()));
            String order = st.value().isOpen()
                    ? nearest.map(d -> FIXED.format(d.due())).orElse(NO_DEADLINE)
                    : FIXED.format(st.stamp().at());
            item.put("queueKey", s(order + "#" + dispute.disputeId()));
        });
        nearest.ifPresent(d -> {
            item.put("nextDeadline", s(d.name()));
            item.put("nextDeadlineAt", s(d.due().toString()));
        });
        dispute.resolution().ifPresent(r -> {
            item.put("resolution", s(r.value().name()));
            item.put("resolutionStamp", s(r.stamp().encode()));
        });
        if (!dispute.proposals().isEmpty()) {
            Map<String, AttributeValue> proposals = new HashMap<>();
            dispute.proposals().forEach((party, fact) -> proposals.put(party.name(), m(proposal(fact))));
            item.put("proposals", m(proposals));
        }
        dispute.evidenceDueBy().ifPresent(e -> {
            item.put("evidenceDueBy", s(e.value().toString()));
            item.put("evidenceStamp", s(e.stamp().encode()));
        });
        dispute.returnTracking().ifPresent(t -> {
            item.put("returnTrackingNumber", s(t.value()));
            item.put("returnTrackingStamp", s(t.stamp().encode()));
        });
        dispute.contact().ifPresent(c -> item.put("contact", m(contact(c))));
        return item;
    }

    static Revisioned<Dispute> fromItem(Map<String, AttributeValue> item) {
        String id = item.get("disputeId").s();
        Optional<Opening> opening = Attributes.string(item, "openedStamp").map(stamp -> new Opening(
                item.get("orderId").s(), item.get("customerId").s(), item.get("channel").s(),
                Reason.valueOf(item.get("reason").s()), Money.of(Attributes.number(item, "amount", 0),
                item.get("currency").s()), Stamp.decode(stamp)));
        Optional<Fact<DisputeStatus>> status = Attributes.string(item, "status").map(st -> new Fact<>(
                DisputeStatus.valueOf(st), Stamp.decode(item.get("statusStamp").s())));
        Optional<Fact<Resolution>> resolution = Attributes.string(item, "resolution").map(r -> new Fact<>(
                Resolution.valueOf(r), Stamp.decode(item.get("resolutionStamp").s())));
        Map<Party, Fact<Proposal>> proposals = new EnumMap<>(Party.class);
        Attributes.map(item, "proposals").forEach((party, value) -> proposals.put(Party.valueOf(party),
                proposal(Party.valueOf(party), value.m())));
        Optional<Fact<Instant>> evidence = Attributes.string(item, "evidenceDueBy").map(e -> new Fact<>(
                Instant.parse(e), Stamp.decode(item.get("evidenceStamp").s())));
        Optional<Fact<String>> tracking = Attributes.string(item, "returnTrackingNumber").map(t -> new Fact<>(
                t, Stamp.decode(item.get("returnTrackingStamp").s())));
        Map<String, AttributeValue> contact = Attributes.map(item, "contact");
        Optional<Fact<CustomerContact>> customer = contact.isEmpty() ? Optional.empty() : Optional.of(contact(contact));
        return new Revisioned<>(new Dispute(id, opening, status, resolution, proposals, evidence, tracking, customer),
                Attributes.number(item, "rev", 0));
    }

    private static Map<String, AttributeValue> contact(Fact<CustomerContact> fact) {
        Map<String, AttributeValue> value = new HashMap<>();
        CustomerContact contact = fact.value();
        contact.email().ifPresent(v -> value.put("email", s(v)));
        contact.name().ifPresent(v -> value.put("name", s(v)));
        contact.phone().ifPresent(v -> value.put("phone", s(v)));
        contact.locale().ifPresent(v -> value.put("locale", s(v)));
        contact.timeZone().ifPresent(v -> value.put("timeZone", s(v)));
        value.put("stamp", s(fact.stamp().encode()));
        return value;
    }

    private static Fact<CustomerContact> contact(Map<String, AttributeValue> value) {
        return new Fact<>(new CustomerContact(Attributes.string(value, "email"), Attributes.string(value, "name"),
                Attributes.string(value, "phone"), Attributes.string(value, "locale"),
                Attributes.string(value, "timeZone")), Stamp.decode(value.get("stamp").s()));
    }

    private static Map<String, AttributeValue> proposal(Fact<Proposal> fact) {
        Map<String, AttributeValue> value = new HashMap<>();
        value.put("refund", n(fact.value().refund().minor()));
        value.put("currency", s(fact.value().refund().currency().getCurrencyCode()));
        value.put("returnGoods", bool(fact.value().returnGoods()));
        fact.value().text().ifPresent(t -> value.put("text", s(t)));
        value.put("stamp", s(fact.stamp().encode()));
        return value;
    }

    private static Fact<Proposal> proposal(Party party,
                                           Map<String, AttributeValue> value) {
        return new Fact<>(new Proposal(party,
                Money.of(Long.parseLong(value.get("refund").n()), value.get("currency").s()),
                value.get("returnGoods").bool(), Attributes.string(value, "text")),
                Stamp.decode(value.get("stamp").s()));
    }
}
