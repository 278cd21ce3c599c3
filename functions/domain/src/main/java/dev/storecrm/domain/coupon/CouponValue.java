package dev.storecrm.domain.coupon;

import dev.storecrm.domain.money.Money;
import java.util.Objects;

/** What a coupon takes off: a fixed amount, or a percentage of the order. */
public sealed interface CouponValue {

    /** A fixed amount off, in the store currency. */
    record Fixed(Money amount) implements CouponValue {
        public Fixed {
            Objects.requireNonNull(amount, "amount");
            if (amount.minor() <= 0) {
                throw new IllegalArgumentException("a coupon must be worth something");
            }
        }
    }

    /** A percentage off, 1 to 100. */
    record Percent(int percent) implements CouponValue {
        public Percent {
            if (percent < 1 || percent > 100) {
                throw new IllegalArgumentException("a percentage coupon takes 1 to 100 percent off");
            }
        }
    }

    /**
     * The discount on an order of {@code orderTotal}: the fixed amount (at most the total), or the
     * percentage of it.
     */
    default long discountOn(Money orderTotal) {
        return switch (this) {
            case Fixed fixed -> Math.min(fixed.amount().minor(), orderTotal.minor());
            case Percent percent -> orderTotal.minor() * percent.percent() / 100;
        };
    }

    /** Written as {@code CNY:2000} (20.00 off) or {@code 10%}. */
    static CouponValue parse(String text) {
        String value = text.trim();
        if (value.endsWith("%")) {
            return new Percent(Integer.parseInt(value.substring(0, value.length() - 1)));
        }
        String[] parts = value.split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a coupon value looks like CNY:2000 or 10%");
        }
        return new Fixed(Money.of(Long.parseLong(parts[1]), parts[0]));
    }

    default String wire() {
        return switch (this) {
            case Fixed fixed -> fixed.amount().currency().getCurrencyCode() + ":" + fixed.amount().minor();
            case Percent percent -> percent.percent() + "%";
        };
    }

    /** As a message shows it: the amount in the store's way ({@code 20.00 CNY}, as {@link Money} prints it) or 10%. */
    default String describe() {
        return switch (this) {
            case Fixed fixed -> fixed.amount().toString();
            case Percent percent -> percent.percent() + "%";
        };
    }
}
