package dev.storecrm.domain.loyalty;

import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.domain.golive.GoLivePolicy;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The points rules of a store, as data.
 *
 * @param expiry           when points expire ({@code PointsExpiry})
 * @param reminderDays     the "expiring soon" mail goes this many days before points expire (0: none)
 * @param reminderMinimum  ... and only when at least this many points expire in that window
 * @param reminderTime     the local time of day the reminder is planned for (the sender's quiet hours still apply)
 * @param reservationTtl   how long a checkout's reservation holds points before they are free again
 * @param maxReservations  reservations a member may hold at once (the account item stays bounded)
 * @param entryRetention   how long ledger entries are kept (DynamoDB TTL); longer than points can live
 * @param storeZone        the time zone of members whose own is unknown
 * @param goLive           when the store went live: a reminder whose window opened before it (an imported
 *                         history's points) is spread over the go-live ramp, not sent in one burst
 * @param holdout          the members held out of each expiry date's reminder (recorded, not sent)
 */
public record LoyaltyPolicy(ExpiryRule expiry, int reminderDays, long reminderMinimum, LocalTime reminderTime,
                            Duration reservationTtl, int maxReservations, Duration entryRetention, ZoneId storeZone,
                            GoLivePolicy goLive, Holdout holdout) {

    public LoyaltyPolicy {
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(reminderTime, "reminderTime");
        Objects.requireNonNull(holdout, "holdout");
        Objects.requireNonNull(reservationTtl, "reservationTtl");
        Objects.requireNonNull(entryRetention, "entryRetention");
        Objects.requireNonNull(storeZone, "storeZone");
        Objects.requireNonNull(goLive, "goLive");
        if (reminderDays < 0 || reminderDays > 365 || reminderMinimum < 1) {
            throw new IllegalArgumentException("the reminder goes 0 to 365 days ahead, for at least 1 point");
        }
        if (!reservationTtl.isPositive() || reservationTtl.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("a reservation lasts more than nothing and at most a day");
        }
        if (maxReservations < 1 || maxReservations > 20) {
            throw new IllegalArgumentException("a member holds 1 to 20 reservations at once");
        }
        if (expiry.expires() && entryRetention.compareTo(expiry.longest().plus(Duration.ofDays(90))) < 0) {
            throw new IllegalArgumentException("ledger entries must be kept at least 90 days longer than points live ("
                    + expiry.spec() + ")");
        }
    }
}
