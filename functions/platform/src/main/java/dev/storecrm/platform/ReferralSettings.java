package dev.storecrm.platform;

import dev.storecrm.domain.referral.ReferralPolicy;
import java.time.Duration;

/**
 * The referral rules from the function's settings: {@code REFERRAL_REFUND_WINDOW_DAYS} (30),
 * {@code REFERRAL_REFERRER_POINTS} (500), {@code REFERRAL_REFEREE_POINTS} (0: none),
 * {@code REFERRAL_LOOP_DEPTH} (3), and the store's go-live ({@code GO_LIVE_AT}).
 */
public final class ReferralSettings {

    private ReferralSettings() {}

    public static ReferralPolicy from(Settings settings) {
        try {
            return new ReferralPolicy(Duration.ofDays(settings.longValue("REFERRAL_REFUND_WINDOW_DAYS", 30)),
                    settings.longValue("REFERRAL_REFERRER_POINTS", 500),
                    settings.longValue("REFERRAL_REFEREE_POINTS", 0),
                    (int) settings.longValue("REFERRAL_LOOP_DEPTH", ReferralPolicy.DEFAULT_LOOP_DEPTH),
                    GoLiveSettings.from(settings));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("referral settings are invalid: " + e.getMessage(), e);
        }
    }
}
