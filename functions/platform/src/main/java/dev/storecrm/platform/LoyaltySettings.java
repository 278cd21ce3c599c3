package dev.storecrm.platform;

import dev.storecrm.domain.loyalty.ExpiryRule;
import dev.storecrm.domain.loyalty.LoyaltyPolicy;
import java.time.Duration;
import java.time.LocalTime;

/**
 * The points rules from the function's settings: {@code POINTS_EXPIRY} ({@code months:12}),
 * {@code POINTS_REMINDER_DAYS} (30), {@code POINTS_REMINDER_MINIMUM} (100), {@code POINTS_REMINDER_TIME}
 * (10:00), {@code POINTS_RESERVATION_MINUTES} (30), {@code POINTS_MAX_RESERVATIONS} (5),
 * {@code POINTS_LEDGER_RETENTION_DAYS} (1100), the store's time zone ({@code STORE_TIME_ZONE}) and its go-live
 * ({@code GO_LIVE_AT}, {@code GO_LIVE_RAMP_DAYS}) and the holdout ({@code HOLDOUT_PERCENT}).
 */
public final class LoyaltySettings {

    private LoyaltySettings() {}

    public static LoyaltyPolicy from(Settings settings) {
        try {
            return new LoyaltyPolicy(ExpiryRule.parse(settings.optional("POINTS_EXPIRY", "months:12")),
                    (int) settings.longValue("POINTS_REMINDER_DAYS", 30),
                    settings.longValue("POINTS_REMINDER_MINIMUM", 100),
                    LocalTime.parse(settings.optional("POINTS_REMINDER_TIME", "10:00")),
                    Duration.ofMinutes(settings.longValue("POINTS_RESERVATION_MINUTES", 30)),
                    (int) settings.longValue("POINTS_MAX_RESERVATIONS", 5),
                    Duration.ofDays(settings.longValue("POINTS_LEDGER_RETENTION_DAYS", 1_100)),
                    OccasionSettings.storeZone(settings), GoLiveSettings.from(settings),
                    HoldoutSettings.from(settings));
        } catch (RuntimeException e) {
            if (e instanceof IllegalStateException) {
                throw e;
            }
            throw new IllegalStateException("points settings are invalid: " + e.getMessage(), e);
        }
    }
}
