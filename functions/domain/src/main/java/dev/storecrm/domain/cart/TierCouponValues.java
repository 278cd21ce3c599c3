package dev.storecrm.domain.cart;

import dev.storecrm.domain.coupon.CouponValue;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a cart coupon is worth, by the member's tier: {@code *=5%,VIP1=8%,VIP2=CNY:2000}. A fixed
 * value is in minor units of the store currency; {@code *} covers every tier not named. A tier
 * with no value (and no {@code *}) gets no coupon.
 */
public record TierCouponValues(Map<String, CouponValue> byTier) {

    public static final String DEFAULT = "*=5%,VIP1=8%,VIP2=10%,VIP3=12%";
    private static final String ANY_TIER = "*";

    public TierCouponValues {
        byTier = Map.copyOf(byTier);
    }

    /** Reads {@code *=5%,VIP1=CNY:2000}; fixed values must be in the store currency. */
    public static TierCouponValues parse(String spec, Currency storeCurrency) {
        Map<String, CouponValue> values = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException(
                        "coupon values look like VIP1=CNY:2000 or *=5%, not " + entry.trim());
            }
            String tier = entry.substring(0, eq).trim();
            CouponValue value = CouponValue.parse(entry.substring(eq + 1));
            if (value instanceof CouponValue.Fixed fixed && !fixed.amount().isIn(storeCurrency)) {
                throw new IllegalArgumentException("the coupon value of " + tier + " is in " + fixed.amount().currency()
                        + ", the store currency is " + storeCurrency);
            }
            if (values.put(tier, value) != null) {
                throw new IllegalArgumentException("coupon values name " + tier + " twice");
            }
        }
        return new TierCouponValues(values);
    }

    /** The value for a tier: its own, else the one for every tier, else none. */
    public Optional<CouponValue> forTier(String tier) {
        return Optional.ofNullable(byTier.get(tier)).or(() -> Optional.ofNullable(byTier.get(ANY_TIER)));
    }
}
