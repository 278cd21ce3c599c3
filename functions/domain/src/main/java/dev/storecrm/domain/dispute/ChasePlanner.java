package dev.storecrm.domain.dispute;

import dev.storecrm.domain.golive.GoLivePolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The deadlines a dispute has now and the chase they make: for each deadline of its channel's rule
 * pack that applies in the dispute's status, reminders before it (72 h, 24 h and 4 h by default,
 * none at or before the deadline's anchor) and the escalation of its breach. A resolved, closed or
 * not yet opened dispute has no deadlines, so a resolving update ends its chase. A step that fell due
 * before go-live (a dispute of the history imported before the store went live on this stack) is
 * not part of the chase: no reminder, no escalation for it.
 */
public final class ChasePlanner {

    private final RulePacks packs;
    private final ZoneId storeZone;
    private final GoLivePolicy goLive;

    public ChasePlanner(RulePacks packs, ZoneId storeZone) {
        this(packs, storeZone, GoLivePolicy.none());
    }

    public ChasePlanner(RulePacks packs, ZoneId storeZone, GoLivePolicy goLive) {
        this.packs = packs;
        this.storeZone = storeZone;
        this.goLive = goLive;
    }

    public RulePack packOf(Dispute dispute) {
        return packs.forChannel(dispute.opening().map(Opening::channel).orElse(RulePacks.DEFAULT));
    }

    public List<Deadline> deadlines(Dispute dispute) {
        if (dispute.opening().isEmpty() || dispute.status().isEmpty() || !dispute.isOpen()) {
            return List.of();
        }
        RulePack pack = packOf(dispute);
        ZoneId zone = pack.timeZone().orElse(storeZone);
        DisputeStatus status = dispute.status().get().value();
        List<Deadline> deadlines = new ArrayList<>();
        for (DeadlineRule rule : pack.deadlines()) {
            if (!rule.whileIn().contains(status)) {
                continue;
            }
            Optional<Instant> anchor = switch (rule.from()) {
                case status -> Optional.of(dispute.status().get().stamp().at());
                case opened -> Optional.of(dispute.opening().get().stamp().at());
                case evidenceDueBy -> dispute.evidenceDueBy().map(f -> f.stamp().at());
            };
            if (anchor.isEmpty()) {
                continue;
            }
            Instant due = switch (rule.from()) {
                case evidenceDueBy -> dispute.evidenceDueBy().get().value();
                case status, opened -> rule.within().isPresent()
                        ? anchor.get().plus(rule.within().get())
                        : startOfDay(anchor.get(), rule.onDay().getAsInt(), zone);
            };
            deadlines.add(new Deadline(rule, anchor.get(), due, rule.reminders().orElse(pack.reminders())));
        }
        deadlines.sort(Comparator.comparing(Deadline::due).thenComparing(Deadline::name));
        return List.copyOf(deadlines);
    }

    /** Every step of the dispute's chase, in time order, past ones included (since go-live). */
    public List<ChaseStep> steps(Dispute dispute) {
        List<ChaseStep> steps = new ArrayList<>();
        for (Deadline deadline : deadlines(dispute)) {
            steps(deadline).stream().filter(step -> !goLive.isHistory(step.at())).forEach(steps::add);
        }
        steps.sort(ChaseStep.ORDER);
        return List.copyOf(steps);
    }

    static List<ChaseStep> steps(Deadline deadline) {
        List<ChaseStep> steps = new ArrayList<>();
        for (Duration before : deadline.reminders()) {
            Instant at = deadline.due().minus(before);
            if (at.isAfter(deadline.anchor())) {
                steps.add(new ChaseStep(deadline, Optional.of(before), at));
            }
        }
        if (deadline.rule().escalate()) {
            steps.add(new ChaseStep(deadline, Optional.empty(), deadline.due()));
        }
        return steps;
    }

    /** The nearest deadline, for the agents' queue. */
    public Optional<Deadline> nearest(Dispute dispute) {
        return deadlines(dispute).stream().findFirst();
    }

    /** The start of day {@code day} counting the anchor's own local date as day 1. */
    static Instant startOfDay(Instant anchor, int day, ZoneId zone) {
        LocalDate first = anchor.atZone(zone).toLocalDate();
        return first.plusDays(day - 1L).atStartOfDay(zone).toInstant();
    }
}
