package dev.storecrm.platform;

import dev.storecrm.domain.occasion.OccasionPolicy;
import dev.storecrm.domain.time.LeapDayRule;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * The greeting policy from the function's settings: {@code GREETING_OCCASIONS} (birthday, wedding,
 * membership), {@code GREETING_LOCAL_TIME} (09:00), {@code LEAP_DAY_RULE} (FEBRUARY_28 or MARCH_1),
 * {@code GREETING_GIFTS} (value by tier), {@code GREETING_GIFT_VALID_DAYS} (30),
 * {@code GIFT_MINIMUM_NOTICE_DAYS} (30).
 */
public final class OccasionSettings {

    private OccasionSettings() {}

    public static OccasionPolicy from(Settings settings) {
        try {
            return new OccasionPolicy(
                    Arrays.stream(settings.optional("GREETING_OCCASIONS", "birthday,wedding,membership").split(","))
                            .map(String::trim).filter(k -> !k.isEmpty()).toList(),
                    LocalTime.parse(settings.optional("GREETING_LOCAL_TIME", "09:00")),
                    settings.enumValue("LEAP_DAY_RULE", LeapDayRule.class, LeapDayRule.FEBRUARY_28),
                    OccasionPolicy.parseGifts(settings.optional("GREETING_GIFTS", "*=CNY:2000")),
                    Duration.ofDays(settings.longValue("GREETING_GIFT_VALID_DAYS", 30)),
                    Duration.ofDays(settings.longValue("GIFT_MINIMUM_NOTICE_DAYS", 30)));
        } catch (RuntimeException e) {
            if (e instanceof IllegalStateException) {
                throw e;
            }
            throw new IllegalStateException("greeting settings are invalid: " + e.getMessage(), e);
        }
    }

    public static ZoneId storeZone(Settings settings) {
        return ZoneId.of(settings.required("STORE_TIME_ZONE"));
    }
}
