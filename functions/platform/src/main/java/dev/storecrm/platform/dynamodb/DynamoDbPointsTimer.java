package dev.storecrm.platform.dynamodb;

import dev.storecrm.domain.loyalty.PointsDue;
import dev.storecrm.domain.loyalty.PointsTimer;
import dev.storecrm.domain.messaging.Timers;
import java.time.Instant;

/** A member's points timer ({@code points#<customerId>}, target {@code loyalty}) in the TimersTable. */
public final class DynamoDbPointsTimer implements PointsTimer {

    private final DynamoDbTimers timers;

    public DynamoDbPointsTimer(DynamoDbTimers timers) {
        this.timers = timers;
    }

    @Override
    public void bringForward(String customerId, Instant due) {
        timers.scheduleNoLaterThan(timer(customerId, due));
    }

    @Override
    public void rearm(String customerId, Instant due) {
        timers.schedule(timer(customerId, due));
    }

    @Override
    public void cancel(String customerId) {
        timers.cancel(PointsDue.timerId(customerId));
    }

    private static Timers.Timer timer(String customerId, Instant due) {
        return new Timers.Timer(PointsDue.timerId(customerId), PointsDue.TARGET, new PointsDue(customerId).toJson(),
                due);
    }
}
