package dev.storecrm.domain.referral;

import dev.storecrm.domain.golive.GoLivePolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * The referral rules of a store, as data.
 *
 * @param refundWindow   how long after its payment the referee's first order must stand unrefunded
 *                       ({@code ReferralRefundWindowDays}) before the reward is given
 * @param referrerPoints the referrer's reward ({@code ReferralReferrerPoints})
 * @param refereePoints  the referee's own reward, 0 for none ({@code ReferralRefereePoints})
 * @param loopDepth      how many referrers up the chain a loop is looked for (each is one member read)
 * @param goLive         a first order paid before go-live (an imported history) earns no reward
 */
public record ReferralPolicy(Duration refundWindow, long referrerPoints, long refereePoints, int loopDepth,
                             GoLivePolicy goLive) {

    public static final int DEFAULT_LOOP_DEPTH = 3;

    public ReferralPolicy {
        Objects.requireNonNull(refundWindow, "refundWindow");
        Objects.requireNonNull(goLive, "goLive");
        if (refundWindow.isNegative() || refundWindow.compareTo(Duration.ofDays(365)) > 0) {
            throw new IllegalArgumentException("the referral refund window is 0 to 365 days");
        }
        if (referrerPoints < 1 || referrerPoints > 1_000_000 || refereePoints < 0 || refereePoints > 1_000_000) {
            throw new IllegalArgumentException("a referrer earns 1 to 1,000,000 points, a referee 0 to 1,000,000");
        }
        if (loopDepth < 1 || loopDepth > 10) {
            throw new IllegalArgumentException("a referral loop is looked for 1 to 10 referrers up");
        }
    }
}
