package dev.storecrm.domain.dispute;

import dev.storecrm.domain.event.DisputeEvent.Reason;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The deadlines of one channel (a marketplace, a payment platform, the store's own site): policy as
 * data, read from {@code dispute-rules/<channel>.json}.
 *
 * @param timeZone     where calendar days are counted (empty: the store's time zone)
 * @param reminders    how long before each deadline its responsible party is reminded (72 h, 24 h, 4 h)
 * @param storeAtFault the reasons for which the store apologises when it accepts the dispute
 */
public record RulePack(String channel, Optional<ZoneId> timeZone, List<Duration> reminders, Set<Reason> storeAtFault,
                       List<DeadlineRule> deadlines) {

    public RulePack {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(timeZone, "timeZone");
        reminders = List.copyOf(reminders);
        storeAtFault = Set.copyOf(storeAtFault);
        deadlines = List.copyOf(deadlines);
        if (reminders.stream().anyMatch(r -> r.isNegative() || r.isZero())) {
            throw new IllegalArgumentException("rule pack " + channel + ": reminders are positive durations");
        }
        if (deadlines.stream().map(DeadlineRule::name).distinct().count() != deadlines.size()) {
            throw new IllegalArgumentException("rule pack " + channel + ": deadline names must be unique");
        }
    }

    /** The same pack with other default reminders (a store-wide setting). */
    public RulePack withReminders(List<Duration> newReminders) {
        return new RulePack(channel, timeZone, newReminders, storeAtFault, deadlines);
    }
}
