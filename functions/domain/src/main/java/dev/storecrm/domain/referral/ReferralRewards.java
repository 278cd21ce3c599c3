package dev.storecrm.domain.referral;

import dev.storecrm.domain.coupon.CouponValue;
import java.util.function.Function;

/** How rewards reach a member: given once per request key, taken back once per request key. */
public interface ReferralRewards {

    /**
     * The rewards of a referral by the reward it recorded when it opened ({@link Referral#reward()}): points for
     * referrals recorded with {@code points}; for those recorded with a coupon, the coupons of the value they
     * recorded (a store that changes its reward changes it for referrals opened after).
     */
    static Function<String, ReferralRewards> byKind(ReferralRewards points,
                                                    Function<CouponValue, ReferralRewards> coupons) {
        return reward -> ReferralPolicy.couponOf(reward).map(coupons).orElse(points);
    }

    /** Gives {@code points} to the member, once per {@code requestKey}; true if this call gave them. */
    boolean give(String customerId, long points, String requestKey, String reason);

    /**
     * Takes up to {@code points} back, once per {@code requestKey}: what the member can still spend of
     * them (points already spent or expired stay with the member). The points taken by this call.
     */
    long takeBack(String customerId, long points, String requestKey, String reason);
}
