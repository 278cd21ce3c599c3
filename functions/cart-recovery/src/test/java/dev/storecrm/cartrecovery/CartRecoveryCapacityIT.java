package dev.storecrm.cartrecovery;

import static dev.storecrm.cartrecovery.CartScenario.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storecrm.fixtures.triggers.SqsBatch;
import dev.storecrm.localcloud.CapacityRecorder;
import dev.storecrm.localcloud.FreshLocalCloud;
import dev.storecrm.localcloud.LocalCloud;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Capacity units per message of CartRecoveryFunction, as DynamoDB reports them
 * ({@code ReturnConsumedCapacity}): each event and each step touches a fixed handful of items,
 * whatever the number of carts and members. Timings are in the benchmark, not here.
 */
@ExtendWith(FreshLocalCloud.class)
class CartRecoveryCapacityIT {

    private static final String CART_AT = "2026-11-23T10:00:00+08:00";
    private CartScenario store;

    @BeforeEach
    void reset(LocalCloud cloud) {
        store = new CartScenario(cloud, Instant.parse("2026-11-23T01:00:00Z"), Map.of());
        store.member("c-1001", "member.1001@example.com", "Sample Member Wang", "zh-CN", "Asia/Shanghai");
        store.functions.handler("CartRecoveryFunction");
    }

    /** Units CartRecoveryFunction used for one message, as "table read/write". */
    private Map<String, String> unitsFor(String body) {
        CapacityRecorder.reset();
        store.functions.invoke("CartRecoveryFunction", SqsBatch.single("m-" + body.hashCode(), body));
        return CapacityRecorder.unitsOf("CartRecoveryFunction");
    }

    /**
     * Takes the cart's timer away as the sweep does when it delivers it, and moves the clock to {@code at}: the
     * firing.
     */
    private String deliverTimerAt(String at) {
        Map<String, AttributeValue> key = Map.of("timerId", AttributeValue.fromS("cart#cart-3001"));
        String body = store.cloud.dynamoDb().getItem(g -> g.tableName(store.cloud.tableName("TimersTable")).key(key))
                .item().get("body").s();
        store.cloud.dynamoDb().deleteItem(d -> d.tableName(store.cloud.tableName("TimersTable")).key(key));
        store.clock.set(OffsetDateTime.parse(at).toInstant());
        return body;
    }

    @Test
    void eachEventAndStepCostsAFewItemsWhateverTheNumberOfCarts() {
        String cart = sample("cart-recovery/cart-updated.json", "evt-cart-1", CART_AT);
        // A member's cart also reads the member's erasure mark (PrivacyRequestsTable): an erased customer's is refused.
        assertEquals(Map.of("CartsTable", "0.5/1.0", "CartsTable/OpenByCustomer", "0.0/1.0", "CartsTable/ByCustomer",
                        "0.0/1.0", "TimersTable", "0.0/1.0", "TimersTable/DueByShard", "0.0/1.0",
                        "PrivacyRequestsTable", "0.5/0.0"), unitsFor(cart),
                "a new cart: the mark; read it, write it (and its open-cart and customer index entries), arm its timer"
                        + " (and its due-time entry)");
        assertEquals(Map.of("CartsTable", "0.5/0.0", "TimersTable", "0.0/1.0", "TimersTable/DueByShard", "0.0/1.0",
                        "PrivacyRequestsTable", "0.5/0.0"), unitsFor(cart),
                "a duplicate: the mark; nothing to save; the timer is armed again in case a crash lost it");
        assertEquals(Map.of(), unitsFor(sample("member-archive/04-order-placed.json", "evt-o-1", CART_AT)),
                "an order that names no cart and carries no coupon costs nothing");
        assertEquals(Map.of("CartsTable", "0.0/0.0", "CartsTable/OpenByCustomer", "0.0/0.0"),
                unitsFor(sample("member-archive/05-order-paid.json", "evt-p-1", CART_AT,
                        body -> body.put("customerId", "c-without-carts"))),
                "a payment: one query of the member's open carts (DynamoDB Local reports nothing for an empty "
                        + "result; AWS bills half a unit)");

        String firing = deliverTimerAt("2026-11-23T11:00:20+08:00");
        assertEquals(Map.of("CartsTable", "1.0/4.0", "CartStatsTable", "0.0/4.0", "MembersTable", "0.5/0.0",
                        "TimersTable", "0.0/1.0", "TimersTable/DueByShard", "0.0/1.0"), unitsFor(firing),
                "the reminder step: the cart (consistent read) and the member; the step and its report figures in one "
                        + "transaction (DynamoDB Local reports 4 units per transactional write of a small item, AWS "
                        + "documents 2); the coupon step's timer");

        String couponFiring = deliverTimerAt("2026-11-24T10:00:20+08:00");
        assertEquals(Map.of("CartsTable", "1.0/4.0", "CartStatsTable", "0.0/4.0", "MembersTable", "0.5/0.0",
                        "CouponAllowancesTable", "1.0/1.0", "CouponsTable", "0.0/1.0", "CouponsTable/ByCustomer",
                        "0.0/1.0", "ReputationTable", "0.0/1.0"),
                unitsFor(couponFiring), "the coupon step: as the reminder, plus the member's place under the coupon cap"
                        + " (a consistent read and a guarded put of one small item) and the coupon itself (and its"
                        + " customer index entry: a privacy request finds it) and the day's count of coupons issued"
                        + " (one small counter); no timer after the last step");
    }
}
