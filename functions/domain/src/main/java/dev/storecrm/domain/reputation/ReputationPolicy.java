package dev.storecrm.domain.reputation;

import dev.storecrm.domain.reputation.ReputationGuard.Reason;
import dev.storecrm.domain.reputation.SendingReputation.Counts;
import java.time.Duration;
import java.util.Optional;

/**
 * When the guard pauses marketing: a complaint rate at or over {@code complaintPercent} (default 0.08 %, under
 * SES's 0.1 % review point) or a hard-bounce rate at or over {@code bouncePercent} (4 %, under SES's 5 %) in the
 * last {@code window} (whole hours, default 168), judged only once the window holds {@code minSends} sends
 * (default 1000): below that, one complaint would be a rate of 0.1 % or more.
 */
public record ReputationPolicy(double complaintPercent, double bouncePercent, long minSends, Duration window) {

    public static final String DEFAULT_COMPLAINT_PERCENT = "0.08";
    public static final String DEFAULT_BOUNCE_PERCENT = "4";
    public static final long DEFAULT_MIN_SENDS = 1000;
    public static final long DEFAULT_WINDOW_HOURS = 168;

    public ReputationPolicy {
        if (!(complaintPercent > 0 && complaintPercent <= 100) || !(bouncePercent > 0 && bouncePercent <= 100)) {
            throw new IllegalArgumentException("pause thresholds are percentages above 0 and at most 100");
        }
        if (minSends < 1 || window.toHours() < 1) {
            throw new IllegalArgumentException("the window needs at least one hour and one send");
        }
    }

    /** The reason to pause, if the counts call for one (complaints first). */
    public Optional<Reason> breach(Counts counts) {
        if (counts.sends() < minSends) {
            return Optional.empty();
        }
        if (counts.complaintPercent() >= complaintPercent) {
            return Optional.of(Reason.COMPLAINT_RATE);
        }
        return counts.bouncePercent() >= bouncePercent ? Optional.of(Reason.BOUNCE_RATE) : Optional.empty();
    }
}
