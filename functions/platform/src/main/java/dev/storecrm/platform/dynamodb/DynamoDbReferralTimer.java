package dev.storecrm.platform.dynamodb;

import dev.storecrm.domain.messaging.Timers;
import dev.storecrm.domain.referral.ReferralDue;
import dev.storecrm.domain.referral.ReferralTimer;
import java.time.Instant;

/** A referral's timer ({@code referral#<refereeId>}, target {@code loyalty}) in the TimersTable. */
public final class DynamoDbReferralTimer implements ReferralTimer {

    private final DynamoDbTimers timers;

    public DynamoDbReferralTimer(DynamoDbTimers timers) {
        this.timers = timers;
    }

    @Override
    public void bringForward(String refereeId, Instant due) {
        timers.scheduleNoLaterThan(timer(refereeId, due));
    }

    @Override
    public void rearm(String refereeId, Instant due) {
        timers.schedule(timer(refereeId, due));
    }

    @Override
    public void cancel(String refereeId) {
        timers.cancel(ReferralDue.timerId(refereeId));
    }

    private static Timers.Timer timer(String refereeId, Instant due) {
        return new Timers.Timer(ReferralDue.timerId(refereeId), ReferralDue.TARGET,
                new ReferralDue(refereeId).toJson(), due);
    }
}
