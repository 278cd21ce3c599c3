package dev.storecrm.cartrecovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.localcloud.FreshLocalCloud;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.platform.dynamodb.DynamoDbCouponAllowance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The per-member coupon cap in the local cloud's CouponAllowancesTable: claims racing on several
 * threads for one member never take more places than the cap, a repeated claim keeps its place, and
 * places older than the window are free again.
 */
@ExtendWith(FreshLocalCloud.class)
class CouponAllowanceIT {

    private static final Duration WINDOW = Duration.ofDays(30);
    private static final Instant NOW = Instant.parse("2026-11-24T02:00:20Z");

    private LocalCloud cloud;
    private DynamoDbCouponAllowance allowance;

    @BeforeEach
    void reset(LocalCloud cloud) {
        this.cloud = cloud;
        this.allowance = new DynamoDbCouponAllowance(cloud.dynamoDb(), cloud.tableName("CouponAllowancesTable"));
    }

    @Test
    void claimsRacingForOneMemberNeverTakeMorePlacesThanTheCap() throws Exception {
        int carts = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(carts);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < carts; i++) {
            String key = "CART#cart-" + i + "#coupon";
            claims.add(pool.submit(() -> {
                start.await();
                return allowance.claim("c-1", "cart", key, 2, WINDOW, NOW);
            }));
        }
        start.countDown();
        int granted = 0;
        for (Future<Boolean> claim : claims) {
            granted += claim.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(2, granted, "two of eight carts get a coupon place");
        assertEquals(2, stored("cart#c-1").get("grants").m().size(), "and the item holds those two");
    }

    @Test
    void aRepeatedClaimKeepsItsPlaceAndAFullCapRefusesOthers() {
        assertTrue(allowance.claim("c-1", "cart", "CART#a#coupon", 1, WINDOW, NOW));
        assertTrue(allowance.claim("c-1", "cart", "CART#a#coupon", 1, WINDOW, NOW.plusSeconds(60)), "a redelivery");
        assertFalse(allowance.claim("c-1", "cart", "CART#b#coupon", 1, WINDOW, NOW.plusSeconds(60)));
        assertTrue(allowance.claim("c-2", "cart", "CART#c#coupon", 1, WINDOW, NOW),
                "another member has a cap of their own");
        assertTrue(allowance.claim("c-1", "winback", "WB#c-1#1", 1, WINDOW, NOW), "and so has another campaign");
        assertEquals(NOW.plus(WINDOW).getEpochSecond(), Long.parseLong(stored("cart#c-1").get("expiresAt").n()),
                "the item expires a window after its latest grant");
    }

    @Test
    void aPlaceOlderThanTheWindowOrGivenBackIsFreeAgain() {
        assertTrue(allowance.claim("c-1", "cart", "CART#old#coupon", 1, WINDOW, NOW.minus(Duration.ofDays(31))));
        assertTrue(allowance.claim("c-1", "cart", "CART#new#coupon", 1, WINDOW, NOW), "the old grant no longer counts");
        assertEquals(List.of("CART#new#coupon"), List.copyOf(stored("cart#c-1").get("grants").m().keySet()),
                "and is dropped from the item");
        allowance.release("c-1", "cart", "CART#new#coupon");
        assertTrue(allowance.claim("c-1", "cart", "CART#next#coupon", 1, WINDOW, NOW.plusSeconds(1)));
        assertFalse(allowance.claim("c-1", "cart", "CART#new#coupon", 1, WINDOW, NOW.plusSeconds(2)),
                "a place given back is lost to its key");
    }

    private Map<String, AttributeValue> stored(String holder) {
        return cloud.dynamoDb().getItem(g -> g.tableName(cloud.tableName("CouponAllowancesTable"))
                .key(Map.of("holder", AttributeValue.fromS(holder))).consistentRead(true)).item();
    }
}
