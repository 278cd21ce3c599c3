package dev.storecrm.memberarchive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.coupon.Coupon;
import dev.storecrm.domain.coupon.CouponBook;
import dev.storecrm.domain.coupon.CouponCodes;
import dev.storecrm.domain.coupon.CouponOutcomes;
import dev.storecrm.domain.coupon.CouponValue;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.localcloud.LocalStore;
import dev.storecrm.platform.dynamodb.DynamoDbCouponBook;
import dev.storecrm.platform.dynamodb.DynamoDbCouponOutcomes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Coupons the product issued, redeemed by the orders that carry them, once, while valid. */
class CouponRedemptionIT {

    private static final Instant ISSUED = Instant.parse("2026-11-20T04:00:00Z");

    private DynamoDbCouponBook coupons;
    private DynamoDbCouponOutcomes outcomes;

    @RegisterExtension
    final LocalStore local = LocalStore.at(Instant.parse("2026-11-23T04:00:00Z"));

    @BeforeEach
    void setUp() {
        this.outcomes = new DynamoDbCouponOutcomes(local.cloud().dynamoDb(), local.cloud().tableName("ReputationTable"),
                ZoneId.of("Asia/Shanghai"));
        this.coupons = new DynamoDbCouponBook(local.cloud().dynamoDb(), local.cloud().tableName("CouponsTable"),
                new CouponCodes("a-test-key-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8)), outcomes);
    }

    private Coupon issue(String businessKey, String customerId, Duration validity) {
        return coupons.issue(new CouponBook.Issue(businessKey, "cart", customerId, CouponValue.parse("CNY:2000"),
                ISSUED,
                ISSUED.plus(validity)));
    }

    private void orderPlaced(String eventId, String orderId, String customerId, String at, String code) {
        local.cloud().eventBus().publish(Events.orderPlaced(customerId, orderId).id(eventId).at(at).total(15_000)
                .couponCodes(code).json(), "test", ISSUED);
        local.functions().drainAll();
    }

    @Test
    void issuingTwiceForOneBusinessKeyGivesOneCoupon() {
        Coupon first = issue("CART#cart-1#coupon", "c-1", Duration.ofHours(48));
        Coupon again = issue("CART#cart-1#coupon", "c-1", Duration.ofHours(48));
        assertEquals(first, again);
        assertEquals(1, local.cloud().dynamoDb().scan(s -> s.tableName(local.cloud().tableName("CouponsTable")))
                .count(),
                "one item in the CouponsTable");
        assertTrue(first.code().startsWith("CART-"));
        assertEquals(List.of(new CouponOutcomes.Count(LocalDate.parse("2026-11-20"), "cart", 1, 0, 0)),
                outcomes.between(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")), "issued once");
    }

    @Test
    void theFirstOrderCarryingAValidCodeRedeemsItAndNoOtherCan() {
        Coupon coupon = issue("CART#cart-2#coupon", "c-2", Duration.ofHours(48));
        orderPlaced("evt-1", "o-1", "c-2", "2026-11-21T10:00:00+08:00", coupon.code());
        Coupon redeemed = coupons.find(coupon.code()).orElseThrow();
        assertEquals("o-1", redeemed.redemption().orElseThrow().orderId());
        assertEquals(2_000, redeemed.redemption().orElseThrow().discountMinor());
        assertEquals(15_000, redeemed.redemption().orElseThrow().orderTotalMinor());

        orderPlaced("evt-1", "o-1", "c-2", "2026-11-21T10:00:00+08:00", coupon.code());
        orderPlaced("evt-2", "o-2", "c-2", "2026-11-21T11:00:00+08:00", coupon.code());
        assertEquals("o-1", coupons.find(coupon.code()).orElseThrow().redemption().orElseThrow().orderId(),
                "single use: the second order does not take it over");
        assertEquals(List.of(new CouponOutcomes.Count(LocalDate.parse("2026-11-20"), "cart", 1, 0, 0),
                new CouponOutcomes.Count(LocalDate.parse("2026-11-21"), "cart", 0, 1, 2_000)),
                outcomes.between(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")),
                "redeemed once, whichever of the archive and cart recovery came first, and not by the repeats");
    }

    @Test
    void anExpiredCouponOrAStoresOwnCodeRedeemsNothing() {
        Coupon coupon = issue("CART#cart-3#coupon", "c-3", Duration.ofHours(48));
        orderPlaced("evt-3", "o-3", "c-3", "2026-11-23T10:00:00+08:00", coupon.code());
        assertFalse(coupons.find(coupon.code()).orElseThrow().isRedeemed(), "placed after the 48 hours");
        orderPlaced("evt-4", "o-4", "c-3", "2026-11-21T10:00:00+08:00", "WELCOME-20");
        assertEquals(0, local.cloud().queueDepth("MemberArchiveDeadLetterQueue"));
    }
}
