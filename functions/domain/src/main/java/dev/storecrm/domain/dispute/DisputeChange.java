package dev.storecrm.domain.dispute;

import dev.storecrm.domain.event.CustomerContact;
import dev.storecrm.domain.event.DisputeEvent;
import dev.storecrm.domain.event.DisputeEvent.DisputeOpened;
import dev.storecrm.domain.event.DisputeEvent.DisputeUpdated;
import dev.storecrm.domain.event.DisputeEvent.Proposal;
import dev.storecrm.domain.event.Stamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change to a dispute, from the channel (DisputeOpened, DisputeUpdated) or from an agent's
 * action in the queue, stamped with when it happened and its id (the event id or the action id).
 *
 * @param actor   who made an agent's action (the caller's IAM principal); empty for events
 * @param contact the customer's contact the event carried (contract version 2); empty for agents' actions
 */
public record DisputeChange(String disputeId, Stamp stamp, Origin origin, Optional<Opening> opening,
                            Optional<DisputeStatus> status, Optional<Resolution> resolution,
                            Optional<Proposal> proposal, Optional<Instant> evidenceDueBy, Optional<String> note,
                            Optional<String> returnTracking, Optional<String> actor,
                            Optional<CustomerContact> contact) {

    /** Where a change came from: an event of the channel, or an agent's action. */
    public enum Origin {
        opened, updated, accept, reject, confirm_receipt, note;

        public boolean isAgentAction() {
            return this != opened && this != updated;
        }
    }

    public DisputeChange {
        Objects.requireNonNull(disputeId, "disputeId");
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(opening, "opening");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(evidenceDueBy, "evidenceDueBy");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(returnTracking, "returnTracking");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(contact, "contact");
    }

    /** A change that carries no customer contact (an agent's action). */
    public DisputeChange(String disputeId, Stamp stamp, Origin origin, Optional<Opening> opening,
                         Optional<DisputeStatus> status, Optional<Resolution> resolution, Optional<Proposal> proposal,
                         Optional<Instant> evidenceDueBy, Optional<String> note, Optional<String> returnTracking,
                         Optional<String> actor) {
        this(disputeId, stamp, origin, opening, status, resolution, proposal, evidenceDueBy, note, returnTracking,
                actor, Optional.empty());
    }

    /** The change a canonical dispute event describes. The parser has checked the wire values already. */
    public static DisputeChange of(DisputeEvent event) {
        Stamp stamp = event.stamp();
        return switch (event) {
            case DisputeOpened opened -> new DisputeChange(opened.disputeId(), stamp, Origin.opened,
                    Optional.of(new Opening(opened.orderId(), opened.customerId(), opened.channel(), opened.reason(),
                            opened.amount(), stamp)),
                    Optional.of(opened.status().flatMap(DisputeStatus::fromWire)
                            .orElse(DisputeStatus.awaiting_seller_confirmation)),
                    Optional.empty(), opened.buyerProposal(), opened.evidenceDueBy(), Optional.empty(),
                    Optional.empty(), Optional.empty(), opened.customer());
            case DisputeUpdated updated -> new DisputeChange(updated.disputeId(), stamp, Origin.updated,
                    Optional.empty(), updated.status().flatMap(DisputeStatus::fromWire),
                    updated.resolution().flatMap(Resolution::fromWire), updated.proposal(), updated.evidenceDueBy(),
                    updated.note(), updated.returnTrackingNumber(), Optional.empty(), updated.customer());
        };
    }

    /** The status this change asks for: the one it names, or resolved when it only names a resolution. */
    public Optional<DisputeStatus> requestedStatus() {
        return status.isPresent() ? status : resolution.map(r -> DisputeStatus.resolved);
    }
}
