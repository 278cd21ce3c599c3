package dev.storecrm.domain.occasion;

import dev.storecrm.domain.coupon.CouponValue;
import dev.storecrm.domain.time.LeapDayRule;
import java.time.Duration;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the store greets, as data.
 *
 * @param kinds          the occasions greeted: {@code birthday}, {@code membership}, and anniversary kinds of the
 *                       profile such as {@code wedding}
 * @param greetAt        the local time of day greetings go (09:00), in the member's time zone
 * @param leapDayRule    where a 29 February date falls in common years
 * @param giftByTier     the gift coupon's value by tier name ({@code *} for any other tier); empty: no gift
 * @param giftValidity   how long a gift coupon can be used
 * @param minimumNotice  no gift if the date was given (or changed) less than this before the day (anti-gaming)
 */
public record OccasionPolicy(List<String> kinds, LocalTime greetAt, LeapDayRule leapDayRule,
                             Map<String, CouponValue> giftByTier, Duration giftValidity, Duration minimumNotice) {

    public OccasionPolicy {
        kinds = List.copyOf(kinds);
        Objects.requireNonNull(greetAt, "greetAt");
        Objects.requireNonNull(leapDayRule, "leapDayRule");
        giftByTier = Map.copyOf(giftByTier);
        Objects.requireNonNull(giftValidity, "giftValidity");
        Objects.requireNonNull(minimumNotice, "minimumNotice");
    }

    /** The gift for a tier: its own value, else the {@code *} value, else none. */
    public Optional<CouponValue> giftFor(String tier) {
        return Optional.ofNullable(giftByTier.getOrDefault(tier, giftByTier.get("*")));
    }

    /** Parses {@code MEMBER=CNY:2000,VIP1=CNY:5000,VIP2=10%,*=CNY:2000}. */
    public static Map<String, CouponValue> parseGifts(String spec) {
        Map<String, CouponValue> gifts = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return gifts;
        }
        for (String entry : spec.split(",")) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("gifts look like MEMBER=CNY:2000,VIP2=10%");
            }
            gifts.put(entry.substring(0, eq).trim(), CouponValue.parse(entry.substring(eq + 1)));
        }
        return gifts;
    }
}
