package dev.storecrm.domain.referral;

import java.util.Arrays;
import java.util.Optional;

/** Where a referral stands. Only {@link #PENDING} changes by itself (its timer); the others are final. */
public enum ReferralStatus {
    /** The referee's first paid order is within its refund window. */
    PENDING,
    /** The reward was given (a later refund or cancellation of the first order reverses it). */
    REWARDED,
    /** No reward, ever: a self-referral, a loop, an unknown or inactive referrer, history before go-live. */
    REFUSED,
    /** The first order was refunded or cancelled: no reward, or the reward taken back. */
    REVERSED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<ReferralStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }
}
