package dev.storecrm.domain.dispute;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One deadline of a channel's rule pack: while the dispute is in one of {@code whileIn}, something
 * is due, counted from an anchor, and someone is responsible for it.
 *
 * @param name      stable id, part of business keys ({@code seller-response})
 * @param label     what agents read, by locale ({@code en}, {@code zh-CN})
 * @param from      what the deadline counts from
 * @param within    due this long after the anchor; or
 * @param onDay     due at the start of this calendar day, counting the anchor's own day as day 1
 *                  (the platform steps in at day 7), in the pack's time zone
 * @param reminders how long before the deadline to remind (empty: the pack's reminders)
 * @param escalate  whether a breach is escalated to the escalation address
 */
public record DeadlineRule(String name, Map<String, String> label, Set<DisputeStatus> whileIn, Anchor from,
                           Optional<Duration> within, OptionalInt onDay, Responsible responsible,
                           Optional<List<Duration>> reminders, boolean escalate) {

    /** What a deadline counts from. */
    public enum Anchor {
        /** when the dispute entered its current status */
        status,
        /** when the dispute was opened */
        opened,
        /** the payment platform's stated evidence deadline (Shopify evidence_due_by, Stripe evidence_details.due_by) */
        evidenceDueBy
    }

    /** Who must act before the deadline, and so who is reminded. */
    public enum Responsible { agent, customer }

    public DeadlineRule {
        Objects.requireNonNull(name, "name");
        label = Map.copyOf(label);
        whileIn = Set.copyOf(whileIn);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(within, "within");
        Objects.requireNonNull(onDay, "onDay");
        Objects.requireNonNull(responsible, "responsible");
        Objects.requireNonNull(reminders, "reminders");
        if (!name.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("deadline name " + name + " must be lower-case letters, digits and -");
        }
        boolean computed = from != Anchor.evidenceDueBy;
        if (computed && within.isPresent() == onDay.isPresent()) {
            throw new IllegalArgumentException("deadline " + name + " needs exactly one of within and onDay");
        }
        if (!computed && (within.isPresent() || onDay.isPresent())) {
            throw new IllegalArgumentException("deadline " + name + " is the platform's own time: no within or onDay");
        }
        if (onDay.isPresent() && onDay.getAsInt() < 1) {
            throw new IllegalArgumentException("deadline " + name + ": onDay counts from 1 (the anchor's own day)");
        }
        if (whileIn.stream().anyMatch(s -> !s.isOpen())) {
            throw new IllegalArgumentException("deadline " + name + " can only apply to open statuses");
        }
    }

    /** The label in a locale: that locale's, else English, else the name. */
    public String labelIn(String locale) {
        return label.getOrDefault(locale, label.getOrDefault("en", name));
    }
}
