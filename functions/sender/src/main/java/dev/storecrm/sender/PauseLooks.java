package dev.storecrm.sender;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a marketing e-mail put off by the paused reputation guard is looked at again. Each look costs a sender
 * invocation, a few reads, a timer's write and delete and its queue messages, for every waiting message: at a fixed
 * 15 minutes, a weekend's pause with 10,000 messages waiting cost some 10 USD (docs/benchmarks.md, "What a store
 * pays"). So the wait grows with the pause: a quarter of how long it has lasted, from {@code first} (15 minutes) to
 * {@code longest} (an hour). A short pause is judged as often as before, and after a resume the waiting mail goes
 * within a quarter of the pause's length, at most {@code longest}. A message whose deadline comes before the longer
 * look keeps the short one, so it is given up no sooner than before.
 */
record PauseLooks(Duration first, Duration longest) {

    PauseLooks {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalStateException("REPUTATION_RECHECK_MINUTES must be positive and "
                    + "REPUTATION_RECHECK_MAX_MINUTES at least as long");
        }
    }

    /**
     * The next look at a message put off at {@code now}, marketing having been paused since {@code pausedAt}; empty
     * if even the first wait ends after the message's {@code notAfter}: it expired while paused.
     */
    Optional<Instant> next(Instant pausedAt, Instant now, Optional<Instant> notAfter) {
        Duration quarter = Duration.between(pausedAt, now).dividedBy(4);
        Duration wait = quarter.compareTo(first) < 0 ? first : quarter.compareTo(longest) > 0 ? longest : quarter;
        Instant look = now.plus(wait);
        if (notAfter.isEmpty() || !look.isAfter(notAfter.get())) {
            return Optional.of(look);
        }
        Instant soon = now.plus(first);
        return soon.isAfter(notAfter.get()) ? Optional.empty() : Optional.of(soon);
    }
}
