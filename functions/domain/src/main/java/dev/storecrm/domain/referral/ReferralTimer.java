package dev.storecrm.domain.referral;

import java.time.Instant;

/** A referral's timer ({@link ReferralDue}): delivered when the first order's refund window ends. */
public interface ReferralTimer {

    /** Arms the timer for {@code due} unless it is armed for an earlier moment already. */
    void bringForward(String refereeId, Instant due);

    /** Arms the timer for {@code due}, whatever it was armed for (a firing that came early). */
    void rearm(String refereeId, Instant due);

    void cancel(String refereeId);
}
