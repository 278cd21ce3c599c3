package dev.storecrm.platform;

import dev.storecrm.domain.coupon.CouponValue;
import dev.storecrm.domain.referral.ReferralPolicy;
import java.time.Duration;
import java.util.Optional;

/**
 * The referral rules from the function's settings: {@code REFERRAL_REFUND_WINDOW_DAYS} (30),
 * {@code REFERRAL_REFERRER_POINTS} (500), {@code REFERRAL_REFEREE_POINTS} (0: none),
 * {@code REFERRAL_LOOP_DEPTH} (3), the store's go-live ({@code GO_LIVE_AT}), and the reward's kind:
 * {@code REFERRAL_REWARD} {@code points} (the default) or {@code coupon}, with {@code REFERRAL_COUPON_VALUE}
 * ({@code 10%}, or an amount such as {@code CNY:2000}) and {@code REFERRAL_COUPON_DAYS} (90).
 */
public final class ReferralSettings {

    private ReferralSettings() {}

    private static Optional<CouponValue> coupon(Settings settings) {
        String reward = settings.optional("REFERRAL_REWARD", "points");
        return switch (reward) {
            case "points" -> Optional.empty();
            case "coupon" -> Optional.of(CouponValue.parse(settings.optional("REFERRAL_COUPON_VALUE", "10%")));
            default -> throw new IllegalArgumentException("REFERRAL_REWARD is points or coupon, not " + reward);
        };
    }

    public static ReferralPolicy from(Settings settings) {
        try {
            return new ReferralPolicy(Duration.ofDays(settings.longValue("REFERRAL_REFUND_WINDOW_DAYS", 30)),
                    settings.longValue("REFERRAL_REFERRER_POINTS", 500),
                    settings.longValue("REFERRAL_REFEREE_POINTS", 0),
                    (int) settings.longValue("REFERRAL_LOOP_DEPTH", ReferralPolicy.DEFAULT_LOOP_DEPTH),
                    GoLiveSettings.from(settings), coupon(settings),
                    Duration.ofDays(settings.longValue("REFERRAL_COUPON_DAYS", 90)));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("referral settings are invalid: " + e.getMessage(), e);
        }
    }
}
