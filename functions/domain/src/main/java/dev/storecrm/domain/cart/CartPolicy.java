package dev.storecrm.domain.cart;

import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.domain.golive.GoLivePolicy;
import dev.storecrm.domain.messaging.QuietHours;
import dev.storecrm.domain.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The store's cart-recovery policy (template parameters, with the defaults the product ships):
 *
 * @param sequence          the steps and their delays after the last cart activity ({@code reminder=PT1H,coupon=PT24H})
 * @param minimumValue      carts worth less (store currency) are counted as abandoned but get no messages
 * @param couponValues      what the coupon is worth, by the member's tier
 * @param couponValidity    how long a coupon is valid after it is issued with its message (48 hours)
 * @param couponsPerMember  at most this many cart coupons per member within {@code couponCapWindow} (30 days)
 * @param attributionWindow an order this long after the first message sent for a cart counts as recovered
 * @param storeZone         the time zone of the daily report (and of members without one)
 * @param quietHours        the hours of the member's night in which no marketing goes (a coupon waits for their end)
 * @param goLive            which carts are history's: they start no sequence ({@link #startsSequence})
 * @param holdout           the carts held out of the sequence: recorded at each step, no message, no coupon
 */
public record CartPolicy(CartSequence sequence, Money minimumValue, TierCouponValues couponValues,
                         Duration couponValidity, int couponsPerMember, Duration couponCapWindow,
                         Duration attributionWindow, ZoneId storeZone, QuietHours quietHours, GoLivePolicy goLive,
                         Holdout holdout) {

    public static final Duration COUPON_CAP_WINDOW = Duration.ofDays(30);

    public CartPolicy {
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(minimumValue, "minimumValue");
        Objects.requireNonNull(couponValues, "couponValues");
        Objects.requireNonNull(storeZone, "storeZone");
        Objects.requireNonNull(quietHours, "quietHours");
        Objects.requireNonNull(goLive, "goLive");
        Objects.requireNonNull(holdout, "holdout");
        if (couponValidity.isNegative() || couponValidity.isZero()) {
            throw new IllegalArgumentException("coupon validity must be positive");
        }
        if (couponsPerMember < 0) {
            throw new IllegalArgumentException("the coupon cap per member cannot be negative");
        }
        if (attributionWindow.isNegative() || attributionWindow.isZero()) {
            throw new IllegalArgumentException("the attribution window must be positive");
        }
    }

    /**
     * A policy without a go-live moment (only carts whose sequence ended before they arrived are ignored) and
     * without a holdout.
     */
    public CartPolicy(CartSequence sequence, Money minimumValue, TierCouponValues couponValues, Duration couponValidity,
                      int couponsPerMember, Duration couponCapWindow, Duration attributionWindow, ZoneId storeZone,
                      QuietHours quietHours) {
        this(sequence, minimumValue, couponValues, couponValidity, couponsPerMember, couponCapWindow, attributionWindow,
                storeZone, quietHours, GoLivePolicy.none(), Holdout.NONE);
    }

    /** The same policy with another holdout. */
    public CartPolicy withHoldout(Holdout other) {
        return new CartPolicy(sequence, minimumValue, couponValues, couponValidity, couponsPerMember, couponCapWindow,
                attributionWindow, storeZone, quietHours, goLive, other);
    }

    /**
     * Whether a cart last changed at {@code activity}, heard of at {@code now}, starts its sequence:
     * not if its first step fell due before go-live, nor if its whole sequence would have ended before now.
     */
    public boolean startsSequence(Instant activity, Instant now) {
        return goLive.startsSequence(activity, sequence.first().delay(), sequence.steps().getLast().delay(), now);
    }

    /** The report day of a moment: its date in the store's time zone. */
    public LocalDate dayOf(Instant instant) {
        return instant.atZone(storeZone).toLocalDate();
    }
}
