package dev.storecrm.domain.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a marketing message does when its recipient's frequency-cap slot is held by another:
 *
 * <ul>
 *   <li>it waits for the slot to free up, if it has no deadline, or if the slot frees up at least
 *       {@link #REDELIVERY} before its last chance (its {@code notAfter}, moved back to the start of the
 *       quiet hours it falls in);</li>
 *   <li>else, if the holder's priority is lower ({@link CapPriorities}), it takes the slot: a message with
 *       a deadline is never lost to a lower-priority one (the member then gets two marketing messages in
 *       one window; each take-over needs a strictly higher priority than the holder's, so a window holds
 *       at most as many messages as there are kinds);</li>
 *   <li>else it has really expired under the cap ({@code EXPIRED_UNDER_CAP}): the slot is held by a message
 *       of the same or a higher priority.</li>
 * </ul>
 */
public final class CapRule {

    /** What the message does. */
    public sealed interface Decision {
        /** Put off until the slot frees up. */
        record Wait(Instant until) implements Decision {}

        /** Take the slot from its holder. */
        record TakeOver() implements Decision {}

        /** Not sent: expired under the cap. */
        record Expire() implements Decision {}
    }

    /** A message put off comes back on a timer about a minute after its moment: waiting needs this much room. */
    public static final Duration REDELIVERY = Duration.ofMinutes(5);

    private CapRule() {}

    public static Decision whenTaken(FrequencyCap.Holder holder, int rank, Duration window,
                                     Optional<Instant> lastChance) {
        Instant free = holder.claimedAt().plus(window);
        if (lastChance.isEmpty() || !free.plus(REDELIVERY).isAfter(lastChance.get())) {
            return new Decision.Wait(free);
        }
        return rank < holder.rank() ? new Decision.TakeOver() : new Decision.Expire();
    }
}
