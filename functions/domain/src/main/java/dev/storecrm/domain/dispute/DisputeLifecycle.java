package dev.storecrm.domain.dispute;

import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.event.DisputeEvent.Proposal;
import dev.storecrm.domain.event.EventLimits;
import dev.storecrm.domain.event.Stamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The dispute lifecycle as a state machine over stamped facts. A change is applied by its stamp,
 * not by its arrival, so duplicated and reordered changes converge:
 *
 * <ul>
 *   <li>The status is the greatest by ({@link DisputeStatus#rank() rank}, stamp) of the statuses
 *       accepted so far. A newer status of the same rank replaces the current one; an older one is
 *       kept in the history but does not move the dispute back; a resolution or closing stands
 *       whatever order it arrives in.</li>
 *   <li>A <em>newer</em> status of a lower rank is an invalid transition and is refused with the
 *       reason: a resolved dispute does not reopen, a closed one does not change, and a dispute does
 *       not return to awaiting the seller's confirmation once the seller has responded. Valid event
 *       sequences are accepted in every arrival order, because these rules only forbid moving
 *       backwards in rank.</li>
 *   <li>Resolved needs a resolution; a resolution comes with resolved or closed; a dispute resolved
 *       one way is not resolved another way.</li>
 *   <li>Proposals (one per party), the evidence deadline and the return's tracking number are
 *       last-writer-wins by stamp; the opening is the earliest one. An evidence deadline outside
 *       {@link EventLimits#EVIDENCE_WINDOW} after the known opening is refused.</li>
 * </ul>
 */
public final class DisputeLifecycle {

    /** What a change did to a dispute. */
    public sealed interface Outcome {

        /** The dispute changed. {@code statusMoved} is true when this change set a different status. */
        record Applied(Dispute before, Dispute after, boolean statusMoved) implements Outcome {}

        /** Nothing changed: a duplicate, or a change whose facts are all older than what the dispute holds. */
        record Unchanged(Dispute dispute, String why) implements Outcome {}

        /**
         * A change refused with a reason that names statuses, fields and stamps, never personal data: an invalid
         * transition ({@link RejectReason#INVALID_TRANSITION}), or an evidence deadline outside the window after
         * the opening ({@link RejectReason#DATE_OUT_OF_RANGE}).
         */
        record Refused(RejectReason code, String reason) implements Outcome {
            public Refused(String reason) {
                this(RejectReason.INVALID_TRANSITION, reason);
            }
        }
    }

    private DisputeLifecycle() {}

    public static Outcome apply(Optional<Dispute> current, DisputeChange change) {
        Dispute before = current.orElseGet(() -> Dispute.unknown(change.disputeId()));
        Optional<Instant> openedAt = change.opening().or(before::opening).map(o -> o.stamp().at());
        if (change.evidenceDueBy().isPresent() && openedAt.isPresent()
                && !EventLimits.isEvidenceWindow(openedAt.get(), change.evidenceDueBy().get())) {
            return new Outcome.Refused(RejectReason.DATE_OUT_OF_RANGE, "evidenceDueBy must lie after the opening of"
                    + " dispute " + before.disputeId() + " and at most " + EventLimits.EVIDENCE_WINDOW.toDays()
                    + " days after it");
        }
        Optional<String> invalid = invalid(before, change);
        if (invalid.isPresent()) {
            return new Outcome.Refused(invalid.get());
        }
        Stamp stamp = change.stamp();
        Dispute after = before;
        boolean statusMoved = false;
        if (change.opening().isPresent()
                && before.opening().map(o -> stamp.compareTo(o.stamp()) < 0).orElse(true)) {
            after = after.withOpening(change.opening().get());
        }
        Optional<DisputeStatus> requested = change.requestedStatus();
        if (requested.isPresent() && wins(requested.get(), stamp, before.status())) {
            after = after.withStatus(new Fact<>(requested.get(), stamp));
            statusMoved = before.currentStatus().map(s -> s != requested.get()).orElse(true);
        }
        if (change.resolution().isPresent() && before.resolution().isEmpty()) {
            after = after.withResolution(new Fact<>(change.resolution().get(), stamp));
        }
        if (change.proposal().isPresent()) {
            Proposal proposal = change.proposal().get();
            Optional<Fact<Proposal>> known = Optional.ofNullable(before.proposals().get(proposal.party()));
            if (known.map(k -> k.olderThan(stamp)).orElse(true)) {
                after = after.withProposal(new Fact<>(proposal, stamp));
            }
        }
        if (change.evidenceDueBy().isPresent() && before.evidenceDueBy().map(f -> f.olderThan(stamp)).orElse(true)) {
            after = after.withEvidenceDueBy(new Fact<Instant>(change.evidenceDueBy().get(), stamp));
        }
        if (change.returnTracking().isPresent() && before.returnTracking().map(f -> f.olderThan(stamp)).orElse(true)) {
            after = after.withReturnTracking(new Fact<>(change.returnTracking().get(), stamp));
        }
        if (change.contact().isPresent() && before.contact().map(f -> f.olderThan(stamp)).orElse(true)) {
            after = after.withContact(new Fact<>(change.contact().get(), stamp));
        }
        if (after.equals(before) && current.isPresent()) {
            boolean older = before.status().map(s -> s.stamp().compareTo(stamp) > 0).orElse(false)
                    && change.requestedStatus().isPresent();
            return new Outcome.Unchanged(before, older ? "older than the current status; kept in the history only"
                    : change.note().isPresent() ? "note recorded" : "already reflected");
        }
        return new Outcome.Applied(before, after, statusMoved);
    }

    /** Whether a status at {@code stamp} replaces the current one: greater rank, or the same rank and newer. */
    private static boolean wins(DisputeStatus status, Stamp stamp, Optional<Fact<DisputeStatus>> current) {
        if (current.isEmpty()) {
            return true;
        }
        int byRank = Integer.compare(status.rank(), current.get().value().rank());
        return byRank > 0 || (byRank == 0 && current.get().olderThan(stamp));
    }

    private static Optional<String> invalid(Dispute before, DisputeChange change) {
        Optional<DisputeStatus> requested = change.requestedStatus();
        if (change.resolution().isPresent() && change.status().isPresent() && change.status().get().isOpen()) {
            return Optional.of("a resolution comes with status resolved or closed, not " + change.status().get());
        }
        if (requested.orElse(null) == DisputeStatus.resolved && change.resolution().isEmpty()
                && before.resolution().isEmpty()) {
            return Optional.of("status resolved needs a resolution (refunded, rejected or withdrawn)");
        }
        if (change.resolution().isPresent() && before.resolution().isPresent()
                && before.resolution().get().value() != change.resolution().get()) {
            return Optional.of("dispute " + before.disputeId() + " is already resolved as "
                    + before.resolution().get().value() + "; a resolution does not change to "
                    + change.resolution().get());
        }
        if (requested.isEmpty() || before.status().isEmpty() || change.origin() == DisputeChange.Origin.opened) {
            // An opening's status only ever seeds the lifecycle: a late or skewed DisputeOpened never refuses.
            return Optional.empty();
        }
        Fact<DisputeStatus> current = before.status().get();
        DisputeStatus to = requested.get();
        if (!current.olderThan(change.stamp()) || to.rank() >= current.value().rank()) {
            return Optional.empty();
        }
        String from = current.value().name();
        return Optional.of(switch (current.value()) {
            case closed -> "dispute " + before.disputeId() + " is closed; " + to + " cannot follow it";
            case resolved -> "dispute " + before.disputeId() + " is resolved; it cannot return to " + to
                    + " (a new dispute is opened instead)";
            default -> "dispute " + before.disputeId() + " is " + from + "; it cannot return to " + to
                    + " once the seller has responded";
        });
    }
}
