package dev.storecrm.cartrecovery;

import dev.storecrm.domain.cart.CartPolicy;
import dev.storecrm.domain.cart.CartSequence;
import dev.storecrm.domain.cart.TierCouponValues;
import dev.storecrm.domain.messaging.QuietHours;
import dev.storecrm.domain.money.Money;
import dev.storecrm.platform.GoLiveSettings;
import dev.storecrm.platform.HoldoutSettings;
import dev.storecrm.platform.Settings;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;

/**
 * Reads the store's {@link CartPolicy} from CartRecoveryFunction's environment (template
 * parameters): {@code CART_SEQUENCE}, {@code CART_MINIMUM_VALUE}, {@code CART_COUPON_VALUES},
 * {@code CART_COUPON_VALIDITY}, {@code CART_COUPONS_PER_MEMBER}, {@code CART_ATTRIBUTION_WINDOW},
 * {@code STORE_CURRENCY}, {@code STORE_TIME_ZONE}, {@code QUIET_HOURS}, and the go-live guard's
 * {@code GO_LIVE_AT} and {@code GO_LIVE_RAMP_DAYS} ({@link GoLiveSettings}). A bad value stops the
 * function at start-up with the variable's name.
 */
final class CartPolicySettings {

    private CartPolicySettings() {}

    static CartPolicy from(Settings env) {
        try {
            Currency currency = Currency.getInstance(env.required("STORE_CURRENCY"));
            return new CartPolicy(
                    CartSequence.parse(env.optional("CART_SEQUENCE", CartSequence.DEFAULT)),
                    new Money(env.longValue("CART_MINIMUM_VALUE", 0), currency),
                    TierCouponValues.parse(env.optional("CART_COUPON_VALUES", TierCouponValues.DEFAULT), currency),
                    Duration.parse(env.optional("CART_COUPON_VALIDITY", "PT48H")),
                    (int) env.longValue("CART_COUPONS_PER_MEMBER", 1),
                    CartPolicy.COUPON_CAP_WINDOW,
                    Duration.parse(env.optional("CART_ATTRIBUTION_WINDOW", "P7D")),
                    ZoneId.of(env.required("STORE_TIME_ZONE")),
                    QuietHours.parse(env.optional("QUIET_HOURS", "21:00-09:00")),
                    GoLiveSettings.from(env),
                    HoldoutSettings.from(env));
        } catch (IllegalStateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalStateException("cart recovery settings are invalid: " + e.getMessage(), e);
        }
    }
}
