package dev.storecrm.platform;

import dev.storecrm.domain.winback.WinBackPolicy;
import java.time.Duration;

/**
 * The win-back policy from the function's settings: {@code WINBACK_STEP_DAYS} (60,90,180),
 * {@code WINBACK_STEP_COUPONS} (one coupon set per step, separated by {@code ;}),
 * {@code DORMANT_AFTER_DAYS} (360), {@code WINBACK_COUPON_VALID_DAYS} (14), {@code WAKE_UP_WINDOW_DAYS} (14).
 */
public final class WinBackSettings {

    private WinBackSettings() {}

    public static WinBackPolicy from(Settings settings) {
        try {
            return new WinBackPolicy(
                    WinBackPolicy.parseSteps(settings.optional("WINBACK_STEP_DAYS", "60,90,180"),
                            settings.optional("WINBACK_STEP_COUPONS", "*=5%;*=10%;*=15%")),
                    Duration.ofDays(settings.longValue("DORMANT_AFTER_DAYS", 360)),
                    Duration.ofDays(settings.longValue("WINBACK_COUPON_VALID_DAYS", 14)),
                    Duration.ofDays(settings.longValue("WAKE_UP_WINDOW_DAYS", 14)));
        } catch (RuntimeException e) {
            if (e instanceof IllegalStateException) {
                throw e;
            }
            throw new IllegalStateException("win-back settings are invalid: " + e.getMessage(), e);
        }
    }
}
