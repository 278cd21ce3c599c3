package dev.storecrm.domain.dispute;

import static java.util.stream.Collectors.groupingBy;

import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.concurrency.OptimisticRetry;
import dev.storecrm.domain.dispute.DisputeLifecycle.Outcome;
import dev.storecrm.domain.event.DisputeEvent.Proposal;
import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.messaging.MessageOutbox;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.Timers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Records what happens to disputes and keeps the chase going; used by the event consumer
 * (DisputeFunction) and the agents' queue (DisputeQueueFunction) alike, so an event and an agent's
 * action take the same path:
 *
 * <ol>
 *   <li>apply the change to the dispute's lifecycle ({@link DisputeLifecycle}); an invalid transition
 *       is kept in the history as refused;</li>
 *   <li>save the dispute with the change's history entry, atomically, guarded by the revision read
 *       (a concurrent writer makes it read again) and by the entry (a redelivered change is saved once);</li>
 *   <li>put the change's customer message in the outbox (acknowledgement, apology, progress, resolution);</li>
 *   <li>re-arm the dispute's one chase timer for its next step (or for a step the change left due,
 *       such as the breach of a deadline reported late), or cancel it when nothing is left (a
 *       resolving update cancels every pending reminder).</li>
 * </ol>
 * A redelivered change whose saving succeeded before a crash finds its entry and puts the entry's
 * messages in the outbox again (the sender sends each business key at most once).
 *
 * <p>A chase firing ({@link #fire}) reads one dispute: if the step it was armed for is still part of the
 * dispute's chase, the step's message goes (and, if the sweep ran late, only the latest due step of
 * each deadline); otherwise the dispute moved on and the firing is ignored.
 */
public final class DisputeRecorder {

    /** What recording a change or an action came to. */
    public sealed interface Result {
        record Recorded(Dispute dispute) implements Result {}

        record Unchanged(Dispute dispute) implements Result {}

        record Refused(RejectReason code, String reason) implements Result {
            public Refused(String reason) {
                this(RejectReason.INVALID_TRANSITION, reason);
            }
        }

        record NotFound(String disputeId) implements Result {}
    }

    /** What a chase firing did. */
    public enum Firing { CHASED, STALE }

    private static final OptimisticRetry RETRY = OptimisticRetry.standard();
    /** A change re-sends the due steps of this window, which the sweep (every minute) may not have delivered yet. */
    static final Duration CATCH_UP = Duration.ofMinutes(10);

    private final DisputeRecords records;
    private final DisputeHistory history;
    private final ChasePlanner planner;
    private final DisputeMessages messages;
    private final MessageOutbox outbox;
    private final Timers timers;
    private final Clock clock;

    public DisputeRecorder(DisputeRecords records, DisputeHistory history, ChasePlanner planner,
                           DisputeMessages messages, MessageOutbox outbox, Timers timers, Clock clock) {
        this.records = records;
        this.history = history;
        this.planner = planner;
        this.messages = messages;
        this.outbox = outbox;
        this.timers = timers;
        this.clock = clock;
    }

    /** Records a change reported by the channel (a canonical event). */
    public Result record(DisputeChange change) {
        return record(change, Optional.empty(), null);
    }

    /**
     * Takes an agent's action on a dispute as it stands now. A request repeated with the same
     * idempotency key is recorded once and answers with the dispute as it is.
     */
    public Result act(String disputeId, AgentAction action, String idempotencyKey, String actor) {
        Optional<HistoryEntry> done = history.byIdempotencyKey(disputeId, idempotencyKey);
        Optional<Revisioned<Dispute>> stored = records.find(disputeId, true);
        if (stored.isEmpty()) {
            return new Result.NotFound(disputeId);
        }
        if (done.isPresent()) {
            return done.get().outcome() == HistoryEntry.Outcome.refused
                    ? new Result.Refused(done.get().effect()) : new Result.Unchanged(stored.get().value());
        }
        Stamp stamp = new Stamp(clock.instant(), "action-" + idempotencyKey);
        return switch (AgentAction.decide(stored.get().value(), action, stamp, actor)) {
            case AgentAction.Decision.Refuse refuse -> {
                history.append(entry(refusedChange(disputeId, stamp, action, actor), HistoryEntry.Outcome.refused,
                        refuse.reason(), List.of()), Optional.of(idempotencyKey));
                yield new Result.Refused(refuse.reason());
            }
            case AgentAction.Decision.Take take -> record(take.change(), Optional.of(idempotencyKey), stored.get());
        };
    }

    private Result record(DisputeChange change, Optional<String> idempotencyKey, Revisioned<Dispute> known) {
        return RETRY.run("dispute " + change.disputeId(), attempt -> recordOnce(change, idempotencyKey,
                attempt == 1 && known != null ? Optional.of(known) : records.find(change.disputeId(), attempt > 1)));
    }

    /** One try at recording the change on the dispute as read; a concurrent writer makes {@link #record} read again. */
    private Result recordOnce(DisputeChange change, Optional<String> idempotencyKey,
                              Optional<Revisioned<Dispute>> stored) {
        Outcome outcome = DisputeLifecycle.apply(stored.map(Revisioned::value), change);
        switch (outcome) {
            case Outcome.Refused refused -> {
                history.append(entry(change, HistoryEntry.Outcome.refused, refused.reason(), List.of()),
                        idempotencyKey);
                return new Result.Refused(refused.code(), refused.reason());
            }
            case Outcome.Unchanged unchanged -> {
                Optional<HistoryEntry> recorded = history.find(change.disputeId(), change.stamp());
                if (recorded.isPresent() && recorded.get().outcome() == HistoryEntry.Outcome.applied) {
                    replay(recorded.get(), unchanged.dispute());
                } else if (recorded.isEmpty()) {
                    history.append(entry(change, HistoryEntry.Outcome.unchanged, unchanged.why(), List.of()),
                            idempotencyKey);
                }
                return new Result.Unchanged(unchanged.dispute());
            }
            case Outcome.Applied applied -> {
                Instant now = clock.instant();
                List<MessageRequest> requests = messages.forChange(applied, change, now);
                HistoryEntry entry = entry(change, HistoryEntry.Outcome.applied, effect(applied), requests);
                OptionalLong revision = stored.map(r -> OptionalLong.of(r.revision())).orElse(OptionalLong.empty());
                if (!records.save(applied.after(), planner.nearest(applied.after()), revision, entry, idempotencyKey)) {
                    history.find(change.disputeId(), change.stamp()).ifPresent(e -> replay(e, applied.after()));
                    return new Result.Unchanged(applied.before());
                }
                outbox.enqueueAll(requests);
                arm(applied.after(), now, catchUp(applied.before(), applied.after(), now));
                return new Result.Recorded(applied.after());
            }
        }
    }

    /** Handles a chase timer that fell due. */
    public Firing fire(ChaseFiring firing) {
        Optional<Revisioned<Dispute>> stored = records.find(firing.disputeId(), true);
        if (stored.isEmpty()) {
            return Firing.STALE;
        }
        Dispute dispute = stored.get().value();
        List<ChaseStep> steps = planner.steps(dispute);
        Optional<ChaseStep> fired = steps.stream()
                .filter(s -> s.matches(firing.deadline(), firing.due(), firing.step())).findFirst();
        if (fired.isEmpty()) {
            return Firing.STALE;
        }
        Instant now = clock.instant();
        List<ChaseStep> due = steps.stream()
                .filter(s -> !s.at().isBefore(fired.get().at()) && !s.at().isAfter(now)).toList();
        for (ChaseStep step : latestPerDeadline(due)) {
            MessageRequest request = messages.forStep(dispute, step, now);
            outbox.enqueue(request);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("deadline", step.deadline().name());
            details.put("due", step.deadline().due().toString());
            details.put("step", step.name());
            // A redelivered firing finds its entry already there: the message went to the outbox again,
            // where its business key keeps it to one e-mail.
            history.append(new HistoryEntry(dispute.disputeId(), new Stamp(step.at(), "chase-"
                    + step.deadline().key() + "-" + step.name()), step.isBreach() ? "escalation" : "reminder",
                    HistoryEntry.Outcome.sent, Optional.empty(), details, request.templateId() + " to "
                    + recipientRole(step), List.of(request)), Optional.empty());
        }
        arm(dispute, now, Optional.empty());
        return Firing.CHASED;
    }

    /** Puts a recorded change's messages in the outbox again and re-arms the chase (after a crash cut them short). */
    private void replay(HistoryEntry entry, Dispute dispute) {
        outbox.enqueueAll(entry.requests());
        arm(dispute, clock.instant(), Optional.empty());
    }

    /**
     * The earliest chase step a change leaves due but not yet done: for a deadline the change
     * created, its steps already due (a deadline reported late still gets its latest reminder, or its
     * escalation); for a deadline that continues, those of the last minutes that the sweep may not
     * have delivered yet. They are not sent here but by the timer, armed for that step, which fires
     * within a minute and checks the dispute again then: a backlog of events drained in the
     * meantime (the seller did answer in time) makes the firing stale instead of a false escalation.
     */
    private Optional<ChaseStep> catchUp(Dispute before, Dispute after, Instant now) {
        List<Deadline> known = planner.deadlines(before);
        return planner.steps(after).stream()
                .filter(step -> !step.at().isAfter(now))
                .filter(step -> known.stream().noneMatch(d -> d.sameAs(step.deadline()))
                        || step.at().isAfter(now.minus(CATCH_UP)))
                .min(ChaseStep.ORDER);
    }

    private static List<ChaseStep> latestPerDeadline(List<ChaseStep> steps) {
        return steps.stream().collect(groupingBy(s -> s.deadline().key(), LinkedHashMap::new,
                        java.util.stream.Collectors.maxBy(ChaseStep.ORDER))).values().stream()
                .flatMap(Optional::stream).sorted(ChaseStep.ORDER).toList();
    }

    /** One timer per dispute, armed for a step already due, or else its next step; none when the chase is over. */
    private void arm(Dispute dispute, Instant now, Optional<ChaseStep> due) {
        Optional<ChaseStep> next = due.or(() -> planner.steps(dispute).stream().filter(s -> s.at().isAfter(now))
                .min(ChaseStep.ORDER));
        String timerId = ChaseFiring.timerId(dispute.disputeId());
        if (next.isPresent()) {
            timers.schedule(new Timers.Timer(timerId, ChaseFiring.TARGET,
                    ChaseFiring.of(dispute.disputeId(), next.get()).toJson(), next.get().at()));
        } else {
            timers.cancel(timerId);
        }
    }

    private static String recipientRole(ChaseStep step) {
        if (step.isBreach()) {
            return "escalation";
        }
        return step.deadline().rule().responsible() == DeadlineRule.Responsible.customer ? "customer" : "agents";
    }

    private static String effect(Outcome.Applied applied) {
        Optional<DisputeStatus> from = applied.before().currentStatus();
        Optional<DisputeStatus> to = applied.after().currentStatus();
        if (applied.statusMoved()) {
            return "status " + from.map(Enum::name).orElse("new") + " -> " + to.map(Enum::name).orElse("unknown");
        }
        if (applied.before().opening().isEmpty() && applied.after().opening().isPresent()) {
            return "opening recorded";
        }
        return "recorded; status " + to.map(Enum::name).orElse("unknown");
    }

    private static HistoryEntry entry(DisputeChange change, HistoryEntry.Outcome outcome, String effect,
                                      List<MessageRequest> requests) {
        Map<String, String> details = new LinkedHashMap<>();
        change.opening().ifPresent(o -> {
            details.put("orderId", o.orderId());
            details.put("customerId", o.customerId());
            details.put("channel", o.channel());
            details.put("reason", o.reason().name());
            details.put("amount", o.amount().toString());
        });
        change.status().ifPresent(s -> details.put("status", s.name()));
        change.resolution().ifPresent(r -> details.put("resolution", r.name()));
        change.proposal().ifPresent(p -> putProposal(details, p));
        change.evidenceDueBy().ifPresent(e -> details.put("evidenceDueBy", e.toString()));
        change.returnTracking().ifPresent(t -> details.put("returnTrackingNumber", t));
        change.note().ifPresent(n -> details.put("note", n));
        return new HistoryEntry(change.disputeId(), change.stamp(), change.origin().name(), outcome, change.actor(),
                details, effect, requests);
    }

    private static void putProposal(Map<String, String> details, Proposal proposal) {
        details.put("proposal.party", proposal.party().name());
        details.put("proposal.refund", proposal.refund().toString());
        details.put("proposal.returnGoods", Boolean.toString(proposal.returnGoods()));
        proposal.text().ifPresent(t -> details.put("proposal.text", t));
    }

    /** The change a refused action would have been, for the history. */
    private static DisputeChange refusedChange(String disputeId, Stamp stamp, AgentAction action, String actor) {
        DisputeChange.Origin origin = switch (action) {
            case AgentAction.Accept a -> DisputeChange.Origin.accept;
            case AgentAction.Reject r -> DisputeChange.Origin.reject;
            case AgentAction.ConfirmReceipt c -> DisputeChange.Origin.confirm_receipt;
            case AgentAction.AddNote n -> DisputeChange.Origin.note;
        };
        Optional<Proposal> proposal = action instanceof AgentAction.Reject reject
                ? Optional.of(reject.counterProposal()) : Optional.empty();
        return new DisputeChange(disputeId, stamp, origin, Optional.empty(), Optional.empty(), Optional.empty(),
                proposal, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(actor));
    }
}
