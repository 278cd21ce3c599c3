package dev.storecrm.domain.referral;

import dev.storecrm.domain.golive.GoLivePolicy;
import dev.storecrm.domain.coupon.CouponValue;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The referral rules of a store, as data.
 *
 * @param refundWindow   how long after its payment the referee's first order must stand unrefunded
 *                       ({@code ReferralRefundWindowDays}) before the reward is given
 * @param referrerPoints the referrer's reward ({@code ReferralReferrerPoints})
 * @param refereePoints  the referee's own reward, 0 for none ({@code ReferralRefereePoints})
 * @param loopDepth      how many referrers up the chain a loop is looked for (each is one member read)
 * @param goLive         a first order paid before go-live (an imported history) earns no reward
 * @param coupon         the reward as a coupon instead of points ({@code ReferralReward: coupon}): its value
 *                       ({@code ReferralCouponValue}); each party rewarded gets one coupon, the referee only
 *                       when {@code refereePoints} is above 0
 * @param couponValidity how long a reward coupon is valid ({@code ReferralCouponDays})
 */
public record ReferralPolicy(Duration refundWindow, long referrerPoints, long refereePoints, int loopDepth,
                             GoLivePolicy goLive, Optional<CouponValue> coupon, Duration couponValidity) {

    public static final int DEFAULT_LOOP_DEPTH = 3;
    /** The campaign of reward coupons: their codes start REFE-. */
    public static final String COUPON_CAMPAIGN = "referral";
    static final String POINTS = "points";
    private static final String COUPON_PREFIX = "coupon ";

    /** Rewards in points. */
    public ReferralPolicy(Duration refundWindow, long referrerPoints, long refereePoints, int loopDepth,
                          GoLivePolicy goLive) {
        this(refundWindow, referrerPoints, refereePoints, loopDepth, goLive, Optional.empty(), Duration.ofDays(90));
    }

    public ReferralPolicy {
        Objects.requireNonNull(refundWindow, "refundWindow");
        Objects.requireNonNull(goLive, "goLive");
        Objects.requireNonNull(coupon, "coupon");
        Objects.requireNonNull(couponValidity, "couponValidity");
        if (couponValidity.compareTo(Duration.ofDays(1)) < 0 || couponValidity.compareTo(Duration.ofDays(730)) > 0) {
            throw new IllegalArgumentException("a reward coupon is valid 1 to 730 days");
        }
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

    /**
     * What a rewarded party gets, as a referral records it and the staff's referral list shows it: {@code points},
     * or {@code coupon} and the coupon's value ({@code coupon 10%}, {@code coupon CNY:2000}).
     */
    public String rewardName() {
        return coupon.map(value -> COUPON_PREFIX + value.wire()).orElse(POINTS);
    }

    /** The coupon value a referral's recorded reward names; empty for points. */
    public static Optional<CouponValue> couponOf(String reward) {
        return reward.startsWith(COUPON_PREFIX)
                ? Optional.of(CouponValue.parse(reward.substring(COUPON_PREFIX.length()))) : Optional.empty();
    }
}
