package dev.storecrm.domain.dispute;

import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.messaging.MessageRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a dispute's append-only history: a change (event or agent action) with what it did,
 * or a message the chase sent. Ordered by {@code seq}, the stamp of the change or the moment of the
 * chase step, so the history reads in the order things happened whatever order they arrived in.
 *
 * @param kind     {@code opened}, {@code updated}, an agent action ({@code accept}, {@code reject},
 *                 {@code confirm_receipt}, {@code note}), {@code reminder} or {@code escalation}
 * @param details  what the change said (status, proposal, note, tracking number, ...) as text
 * @param effect   what it did, for people: {@code status negotiating -> awaiting_return_shipment}
 * @param requests the messages it put in the outbox (replayed if a crash cut their sending short)
 */
public record HistoryEntry(String disputeId, Stamp seq, String kind, Outcome outcome, Optional<String> actor,
                           Map<String, String> details, String effect, List<MessageRequest> requests) {

    /** What became of the change. */
    public enum Outcome { applied, unchanged, refused, sent }

    public HistoryEntry {
        Objects.requireNonNull(disputeId, "disputeId");
        Objects.requireNonNull(seq, "seq");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(actor, "actor");
        details = Map.copyOf(details);
        Objects.requireNonNull(effect, "effect");
        requests = List.copyOf(requests);
    }
}
