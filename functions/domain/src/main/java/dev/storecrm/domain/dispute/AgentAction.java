package dev.storecrm.domain.dispute;

import dev.storecrm.domain.event.DisputeEvent.Party;
import dev.storecrm.domain.event.DisputeEvent.Proposal;
import dev.storecrm.domain.event.Stamp;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an agent does in the dispute queue (the seller's actions of the source material). Each
 * action is checked against the dispute as it stands now and becomes a {@link DisputeChange},
 * recorded in the history like an event:
 *
 * <ul>
 *   <li><b>accept</b> (waiting for confirmation, negotiating): the buyer's proposal is accepted. With
 *       goods to return, the return is agreed and the buyer's shipping deadline starts; otherwise the
 *       buyer is refunded and the dispute is resolved.</li>
 *   <li><b>reject</b> with a counter-proposal (waiting for confirmation, negotiating): negotiating, with
 *       the seller's proposal.</li>
 *   <li><b>confirm receipt</b> of the returned goods (return awaited or shipped): the buyer is refunded
 *       and the dispute is resolved.</li>
 *   <li><b>note</b> (any time): kept in the history; the lifecycle and the deadlines stay as they are.</li>
 * </ul>
 */
public sealed interface AgentAction {

    record Accept(Optional<String> note) implements AgentAction {
        public Accept {
            Objects.requireNonNull(note, "note");
        }
    }

    record Reject(Proposal counterProposal) implements AgentAction {
        public Reject {
            Objects.requireNonNull(counterProposal, "counterProposal");
            if (counterProposal.party() != Party.seller) {
                throw new IllegalArgumentException("a counter-proposal is the seller's");
            }
        }
    }

    record ConfirmReceipt(Optional<String> note) implements AgentAction {
        public ConfirmReceipt {
            Objects.requireNonNull(note, "note");
        }
    }

    record AddNote(String text) implements AgentAction {
        public AddNote {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The action as a change, or why it may not be taken now. */
    sealed interface Decision {
        record Take(DisputeChange change) implements Decision {}

        record Refuse(String reason) implements Decision {}
    }

    Set<DisputeStatus> RESPONDABLE = Set.of(DisputeStatus.awaiting_seller_confirmation, DisputeStatus.negotiating);
    Set<DisputeStatus> RETURNING =
            Set.of(DisputeStatus.awaiting_return_shipment, DisputeStatus.awaiting_return_receipt);

    /** Decides the action against the dispute as it stands: the change it makes, or a refusal (HTTP 409). */
    static Decision decide(Dispute dispute, AgentAction action, Stamp stamp, String actor) {
        Optional<String> refusal = switch (action) {
            case Accept a -> refusal(dispute, "accept", RESPONDABLE,
                    "awaiting the seller's confirmation or negotiating");
            case Reject r -> refusal(dispute, "reject", RESPONDABLE,
                    "awaiting the seller's confirmation or negotiating");
            case ConfirmReceipt c -> refusal(dispute, "confirm-receipt", RETURNING,
                    "whose return is agreed or shipped");
            case AddNote n -> Optional.empty();
        };
        if (refusal.isPresent()) {
            return new Decision.Refuse(refusal.get());
        }
        return switch (action) {
            case Accept accept -> {
                boolean returnGoods = dispute.proposalOf(Party.buyer).map(Proposal::returnGoods).orElse(false);
                yield new Decision.Take(change(dispute, stamp, DisputeChange.Origin.accept,
                        returnGoods ? DisputeStatus.awaiting_return_shipment : DisputeStatus.resolved,
                        returnGoods ? Optional.empty() : Optional.of(Resolution.refunded), Optional.empty(),
                        accept.note(), actor));
            }
            case Reject reject -> new Decision.Take(change(dispute, stamp, DisputeChange.Origin.reject,
                    DisputeStatus.negotiating, Optional.empty(), Optional.of(reject.counterProposal()),
                    Optional.empty(), actor));
            case ConfirmReceipt receipt -> new Decision.Take(change(dispute, stamp,
                    DisputeChange.Origin.confirm_receipt, DisputeStatus.resolved, Optional.of(Resolution.refunded),
                    Optional.empty(), receipt.note(), actor));
            case AddNote note -> new Decision.Take(new DisputeChange(dispute.disputeId(), stamp,
                    DisputeChange.Origin.note, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of(note.text()), Optional.empty(), Optional.of(actor)));
        };
    }

    /** Why an action may not be taken in the dispute's status, if it may not. */
    private static Optional<String> refusal(Dispute dispute, String action, Set<DisputeStatus> allowed, String needs) {
        Optional<DisputeStatus> status = dispute.currentStatus();
        if (status.isPresent() && allowed.contains(status.get())) {
            return Optional.empty();
        }
        return Optional.of(action + " needs a dispute " + needs + "; " + dispute.disputeId() + " is "
                + status.map(Enum::name).orElse("unknown"));
    }

    private static DisputeChange change(Dispute dispute, Stamp stamp, DisputeChange.Origin origin, DisputeStatus status,
                                        Optional<Resolution> resolution, Optional<Proposal> proposal,
                                        Optional<String> note, String actor) {
        return new DisputeChange(dispute.disputeId(), stamp, origin, Optional.empty(), Optional.of(status), resolution,
                proposal, Optional.empty(), note, Optional.empty(), Optional.of(actor));
    }
}
