package dev.storecrm.domain.caremail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The chase of a conversation's answer deadline: a reminder to the care team at each offset before it
 * ({@code CARE_REMINDER_HOURS}, 4 and 1 by default; none before the conversation opened) and the escalation of
 * its breach. One timer per conversation, re-armed for its next step; cost follows what is due.
 */
public final class CareChase {

    private final List<Duration> reminders;

    public CareChase(List<Duration> reminders) {
        this.reminders = reminders.stream().sorted(java.util.Comparator.reverseOrder()).toList();
    }

    /** Every step of the conversation's chase, in time order. */
    public List<CareFiring> steps(Conversation conversation) {
        List<CareFiring> steps = new ArrayList<>();
        if (!conversation.isOpen()) {
            return steps;
        }
        for (Duration before : reminders) {
            Instant at = conversation.answerBy().minus(before);
            if (at.isAfter(conversation.openedAt())) {
                steps.add(new CareFiring(conversation.conversationId(), conversation.answerBy(), name(before), at));
            }
        }
        steps.add(new CareFiring(conversation.conversationId(), conversation.answerBy(), CareFiring.BREACH,
                conversation.answerBy()));
        return steps;
    }

    /** The step to arm at {@code now}: the first not yet past; the breach when every step is past. */
    public Optional<CareFiring> next(Conversation conversation, Instant now) {
        List<CareFiring> steps = steps(conversation);
        return steps.stream().filter(s -> !s.at().isBefore(now)).findFirst()
                .or(() -> steps.isEmpty() ? Optional.empty() : Optional.of(steps.getLast()));
    }

    /** The step after {@code fired}. */
    public Optional<CareFiring> after(Conversation conversation, CareFiring fired) {
        return steps(conversation).stream().filter(s -> s.at().isAfter(fired.at())).findFirst();
    }

    static String name(Duration before) {
        return before.toMinutesPart() == 0 ? before.toHours() + "h" : before.toMinutes() + "m";
    }
}
