package dev.storecrm.domain.dispute;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing the chase does at a moment: remind the responsible party some time before a deadline,
 * or escalate its breach.
 *
 * @param before how long before the deadline (a reminder); empty for the breach
 */
public record ChaseStep(Deadline deadline, Optional<Duration> before, Instant at) {

    /** Steps in time order; at the same moment by deadline, then reminders before the breach. */
    public static final Comparator<ChaseStep> ORDER = Comparator.comparing(ChaseStep::at)
            .thenComparing(s -> s.deadline().name()).thenComparing(s -> s.before().map(b -> -b.toSeconds())
                    .orElse(Long.MAX_VALUE));

    public ChaseStep {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(at, "at");
    }

    public boolean isBreach() {
        return before.isEmpty();
    }

    /** {@code 72h}, {@code 30m} or {@code breach}: the step's name in business keys and timers. */
    public String name() {
        return before.map(ChaseStep::offset).orElse("breach");
    }

    /** Whether this step is the one a timer was armed for (same deadline, same due time, same step). */
    public boolean matches(String deadlineName, Instant due, String stepName) {
        return deadline.name().equals(deadlineName) && deadline.due().equals(due) && name().equals(stepName);
    }

    static String offset(Duration before) {
        return before.toMinutes() % 60 == 0 ? before.toHours() + "h" : before.toMinutes() + "m";
    }
}
