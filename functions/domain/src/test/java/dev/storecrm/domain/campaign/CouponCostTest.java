package dev.storecrm.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storecrm.domain.coupon.Coupon;
import dev.storecrm.domain.coupon.CouponValue;
import dev.storecrm.domain.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a journey's coupon costs the lift report when an order placed carries it. */
class CouponCostTest {

    private static final Instant ISSUED = Instant.parse("2026-12-01T02:00:00Z");
    private static final Instant PLACED = ISSUED.plus(Duration.ofDays(2));
    private static final Money TOTAL = Money.of(12_000, "CNY");

    private static Coupon coupon(String value, Optional<Coupon.Redemption> redemption) {
        return new Coupon("WB-CODE", "win-back", "WINBACK#c-1#2026-11-01#1", "c-1", CouponValue.parse(value), ISSUED,
                ISSUED.plus(Duration.ofDays(14)), redemption);
    }

    @Test
    void anUnusedValidCouponCostsWhatTheCouponBookWillRecordForTheOrder() {
        assertEquals(Optional.of(2_000L), CouponCost.of(coupon("CNY:2000", Optional.empty()), "o-1", TOTAL, PLACED));
        assertEquals(Optional.of(1_200L), CouponCost.of(coupon("10%", Optional.empty()), "o-1", TOTAL, PLACED),
                "10 % of the order's total");
        assertEquals(Optional.of(500L), CouponCost.of(coupon("CNY:2000", Optional.empty()), "o-1",
                Money.of(500, "CNY"), PLACED), "a fixed amount takes at most the total");
    }

    @Test
    void aRedeemedCouponCostsItsRecordedDiscountToTheOrderThatRedeemedItOnly() {
        Coupon redeemed = coupon("10%", Optional.of(new Coupon.Redemption("o-1", PLACED, 9_000, 900)));
        assertEquals(Optional.of(900L), CouponCost.of(redeemed, "o-1", TOTAL, PLACED),
                "the discount the coupon book recorded, whatever the total of a re-sent event");
        assertEquals(Optional.empty(), CouponCost.of(redeemed, "o-2", TOTAL, PLACED), "used by another order");
    }

    @Test
    void anExpiredOrRevokedCouponCostsNothing() {
        Coupon coupon = coupon("CNY:2000", Optional.empty());
        assertEquals(Optional.empty(), CouponCost.of(coupon, "o-1", TOTAL, coupon.expiresAt()),
                "the coupon book refuses it from its expiry on (a revoked coupon's expiry is the revocation)");
        assertEquals(Optional.of(2_000L), CouponCost.of(coupon, "o-1", TOTAL, coupon.expiresAt().minusMillis(1)));
        assertEquals(Optional.empty(), CouponCost.of(coupon("10%", Optional.empty()), "o-1", Money.of(5, "CNY"),
                PLACED), "10 % of 5 fen rounds to nothing");
    }
}
