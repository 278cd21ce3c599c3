package dev.storecrm.domain.member;

import dev.storecrm.domain.event.Stamp;
import java.time.Instant;
import java.util.Objects;

/**
 * An operator's tier override on the member's timeline: from its stamp the member holds {@code tier}
 * until {@code until}; then the spend rule governs again. A newer override replaces an older one.
 *
 * @param actor who made it (an IAM principal or {@code console:<user>}), {@code null} if not named
 */
public record TierOverride(Stamp stamp, String tier, Instant until, String reason, String actor) {

    public TierOverride {
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(until, "until");
    }

    /** Whether this override holds the tier at {@code moment}: made by then and not yet ended. */
    public boolean holdsAt(Instant moment) {
        return !stamp.at().isAfter(moment) && until.isAfter(moment);
    }
}
