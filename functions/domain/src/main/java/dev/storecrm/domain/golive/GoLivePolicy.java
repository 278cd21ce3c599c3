package dev.storecrm.domain.golive;

import dev.storecrm.domain.StableHash;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * When the store went live on this stack, and what that means for the journeys (template parameters
 * {@code GoLiveAt} and {@code GoLiveRampDays}). Journeys act on what happens after go-live; what
 * happened before (an imported history) fills the archive and the lists but fires no step that was
 * already due:
 *
 * <ul>
 *   <li><b>Win-back</b> ({@link #stepDue}): a step that fell due before go-live, or before the event
 *       that armed it arrived, is moved to a moment of the ramp after go-live, spread evenly over
 *       {@code ramp} by a hash of the member id. The win-back function sends then the one step the
 *       member's silence has reached, never the steps before it.</li>
 *   <li><b>Carts</b> ({@link #startsSequence}): a cart whose first step fell due before go-live, or
 *       whose last step fell due before its event arrived, starts no sequence.</li>
 *   <li><b>Greetings</b> ({@link #greets}): no greeting, and no gift, for an occasion whose greeting
 *       time came before go-live.</li>
 *   <li><b>Disputes</b> ({@link #isHistory}): no customer message for a change that happened before
 *       go-live, no reminder or escalation that fell due before it.</li>
 * </ul>
 * Without a go-live moment the stack counts as live from its start: only the arrival rules (win-back,
 * carts) apply, and they already keep a history published late from firing at once.
 *
 * @param at   the go-live moment, if the store set one
 * @param ramp the time after go-live over which the win-back steps that history made due are spread
 */
public record GoLivePolicy(Optional<Instant> at, Duration ramp) {

    public static final Duration DEFAULT_RAMP = Duration.ofDays(14);

    public GoLivePolicy {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(ramp, "ramp");
        if (ramp.isNegative()) {
            throw new IllegalArgumentException("the go-live ramp cannot be negative");
        }
    }

    /** No go-live moment: the arrival rules only, with the default ramp. */
    public static GoLivePolicy none() {
        return new GoLivePolicy(Optional.empty(), DEFAULT_RAMP);
    }

    /**
     * Reads {@code GoLiveAt}: empty (none), an instant with its offset ({@code 2027-01-04T08:00:00+08:00},
     * {@code 2027-01-04T00:00:00Z}), a local date-time or a date (its start), both in the store's time zone.
     */
    public static GoLivePolicy parse(String at, long rampDays, ZoneId storeZone) {
        if (rampDays < 0) {
            throw new IllegalArgumentException("GoLiveRampDays must be 0 or more, not " + rampDays);
        }
        Duration ramp = Duration.ofDays(rampDays);
        if (at == null || at.isBlank()) {
            return new GoLivePolicy(Optional.empty(), ramp);
        }
        String text = at.trim();
        try {
            if (!text.contains("T")) {
                return new GoLivePolicy(Optional.of(LocalDate.parse(text).atStartOfDay(storeZone).toInstant()), ramp);
            }
            Instant instant;
            try {
                instant = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException withoutOffset) {
                instant = LocalDateTime.parse(text).atZone(storeZone).toInstant();
            }
            return new GoLivePolicy(Optional.of(instant), ramp);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("GoLiveAt must be empty, a date (2027-01-04) or a date and time "
                    + "(2027-01-04T08:00:00+08:00), not '" + text + "'", e);
        }
    }

    /** Whether something that happened (or fell due) at {@code instant} belongs to the history before go-live. */
    public boolean isHistory(Instant instant) {
        return at.isPresent() && instant.isBefore(at.get());
    }

    /** The moment journeys act from, seen at {@code now}: go-live while it is ahead, else now. */
    public Instant liveFrom(Instant now) {
        return at.filter(moment -> moment.isAfter(now)).orElse(now);
    }

    /**
     * When a journey step planned for {@code due} is taken, for {@code subject} (a member id): at
     * {@code due} if that is still to come after go-live; otherwise its place in the ramp, the same
     * for the same subject, spread evenly over the ramp from {@link #liveFrom}.
     */
    public Instant stepDue(String subject, Instant due, Instant now) {
        Instant from = liveFrom(now);
        return due.isBefore(from) ? from.plus(placeInRamp(subject)) : due;
    }

    /**
     * Whether a sequence of steps at {@code firstStep} and {@code lastStep} after {@code activity}
     * starts: not if its first step fell due before go-live (history's), nor if its last step fell due
     * before {@code now}, when its event arrived (the sequence would be over).
     */
    public boolean startsSequence(Instant activity, Duration firstStep, Duration lastStep, Instant now) {
        return !isHistory(activity.plus(firstStep)) && !activity.plus(lastStep).isBefore(now);
    }

    /** Whether a greeting planned for {@code greetAt} (the occasion's local date at the greeting time) goes. */
    public boolean greets(Instant greetAt) {
        return !isHistory(greetAt);
    }

    /** How far into the ramp a subject's steps are taken: a hash of it, evenly spread, to the second. */
    Duration placeInRamp(String subject) {
        long seconds = ramp.toSeconds();
        if (seconds == 0) {
            return Duration.ZERO;
        }
        return Duration.ofSeconds(StableHash.bucket(subject, seconds));
    }
}
