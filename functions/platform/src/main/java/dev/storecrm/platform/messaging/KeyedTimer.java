package dev.storecrm.platform.messaging;

import dev.storecrm.domain.loyalty.PointsDue;
import dev.storecrm.domain.loyalty.PointsTimer;
import dev.storecrm.domain.messaging.Timers;
import dev.storecrm.domain.messaging.Timers.Timer;
import dev.storecrm.domain.referral.ReferralDue;
import dev.storecrm.domain.referral.ReferralTimer;
import java.time.Instant;
import java.util.function.Function;

/**
 * One timer per key over the {@link Timers} port, for the loyalty functions: a member's points timer
 * ({@code points#<customerId>}) or a referral's ({@code referral#<refereeId>}), both with target
 * {@code loyalty}. Built by {@link #points} or {@link #referrals}.
 */
public final class KeyedTimer implements PointsTimer, ReferralTimer {

    private final Timers timers;
    private final Function<String, String> timerId;
    private final String target;
    private final Function<String, String> payload;

    private KeyedTimer(Timers timers, Function<String, String> timerId, String target,
                       Function<String, String> payload) {
        this.timers = timers;
        this.timerId = timerId;
        this.target = target;
        this.payload = payload;
    }

    public static PointsTimer points(Timers timers) {
        return new KeyedTimer(timers, PointsDue::timerId, PointsDue.TARGET, id -> new PointsDue(id).toJson());
    }

    public static ReferralTimer referrals(Timers timers) {
        return new KeyedTimer(timers, ReferralDue::timerId, ReferralDue.TARGET,
                id -> new ReferralDue(id).toJson());
    }

    @Override
    public void bringForward(String key, Instant due) {
        timers.scheduleNoLaterThan(timer(key, due));
    }

    @Override
    public void rearm(String key, Instant due) {
        timers.schedule(timer(key, due));
    }

    @Override
    public void cancel(String key) {
        timers.cancel(timerId.apply(key));
    }

    private Timer timer(String key, Instant due) {
        return new Timer(timerId.apply(key), target, payload.apply(key), due);
    }
}
