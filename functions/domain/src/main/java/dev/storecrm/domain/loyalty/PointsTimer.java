package dev.storecrm.domain.loyalty;

import java.time.Instant;

/** A member's points timer ({@link PointsDue}): delivered to the ledger when it falls due. */
public interface PointsTimer {

    /** Arms the timer for {@code due} unless it is armed for an earlier moment already. */
    void bringForward(String customerId, Instant due);

    /** Arms the timer for {@code due}, whatever it was armed for (the firing re-arms itself). */
    void rearm(String customerId, Instant due);

    void cancel(String customerId);
}
