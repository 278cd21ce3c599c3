package dev.storecrm.domain.dispute;

import dev.storecrm.domain.event.CustomerContact;
import dev.storecrm.domain.event.DisputeEvent.Party;
import dev.storecrm.domain.event.DisputeEvent.Proposal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The record of one dispute (售后纠纷): what its opening said, where it stands, how it ended, the
 * parties' latest proposals, the evidence deadline of a payment dispute and the return's tracking
 * number, and the customer's contact as the newest dispute event carrying one gave it (contract
 * version 2: how a customer who is not a member gets their dispute mail). Every part is a
 * {@link Fact}, merged by stamp. A dispute whose DisputeOpened has not
 * arrived yet (an update came first) has no opening; it is not chased until the opening arrives.
 * Notes and every change are kept in the dispute's history, not here, so the record stays small.
 */
public record Dispute(String disputeId, Optional<Opening> opening, Optional<Fact<DisputeStatus>> status,
                      Optional<Fact<Resolution>> resolution, Map<Party, Fact<Proposal>> proposals,
                      Optional<Fact<Instant>> evidenceDueBy, Optional<Fact<String>> returnTracking,
                      Optional<Fact<CustomerContact>> contact) {

    public Dispute {
        Objects.requireNonNull(disputeId, "disputeId");
        Objects.requireNonNull(opening, "opening");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(evidenceDueBy, "evidenceDueBy");
        Objects.requireNonNull(returnTracking, "returnTracking");
        Objects.requireNonNull(contact, "contact");
        proposals = proposals.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(proposals));
    }

    /** A dispute nothing is known of yet. */
    public static Dispute unknown(String disputeId) {
        return new Dispute(disputeId, Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** Open: not resolved or closed (a dispute whose status is not known yet counts as open). */
    public boolean isOpen() {
        return status.map(s -> s.value().isOpen()).orElse(true);
    }

    public Optional<DisputeStatus> currentStatus() {
        return status.map(Fact::value);
    }

    /** The customer whose marketing is withheld while the dispute is open. */
    public Optional<String> openCustomerId() {
        return isOpen() ? opening.map(Opening::customerId) : Optional.empty();
    }

    public Optional<Proposal> proposalOf(Party party) {
        return Optional.ofNullable(proposals.get(party)).map(Fact::value);
    }

    /** The customer's contact, as the newest dispute event carrying one gave it. */
    public Optional<CustomerContact> customerContact() {
        return contact.map(Fact::value);
    }

    Dispute withContact(Fact<CustomerContact> value) {
        return new Dispute(disputeId, opening, status, resolution, proposals, evidenceDueBy, returnTracking,
                Optional.of(value));
    }

    Dispute withOpening(Opening value) {
        return new Dispute(disputeId, Optional.of(value), status, resolution, proposals, evidenceDueBy,
                returnTracking, contact);
    }

    Dispute withStatus(Fact<DisputeStatus> value) {
        return new Dispute(disputeId, opening, Optional.of(value), resolution, proposals, evidenceDueBy,
                returnTracking, contact);
    }

    Dispute withResolution(Fact<Resolution> value) {
        return new Dispute(disputeId, opening, status, Optional.of(value), proposals, evidenceDueBy,
                returnTracking, contact);
    }

    Dispute withProposal(Fact<Proposal> value) {
        Map<Party, Fact<Proposal>> merged = new EnumMap<>(Party.class);
        merged.putAll(proposals);
        merged.put(value.value().party(), value);
        return new Dispute(disputeId, opening, status, resolution, merged, evidenceDueBy,
                returnTracking, contact);
    }

    Dispute withEvidenceDueBy(Fact<Instant> value) {
        return new Dispute(disputeId, opening, status, resolution, proposals, Optional.of(value),
                returnTracking, contact);
    }

    Dispute withReturnTracking(Fact<String> value) {
        return new Dispute(disputeId, opening, status, resolution, proposals, evidenceDueBy,
                Optional.of(value), contact);
    }
}
