package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.rfm.CouponUse;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Coupon use from the OrdersTable: one eventually consistent GetItem per order, of its coupon codes only
 * (what the placement said), so the cost is that of the orders asked about, never of the history.
 */
public final class DynamoDbCouponUse implements CouponUse {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbCouponUse(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public int withCoupons(String customerId, List<String> orderIds) {
        int with = 0;
        for (String orderId : orderIds) {
            var item = dynamoDb.getItem(g -> g.tableName(tableName).projectionExpression("couponCodes")
                    .key(Map.of("customerId", s(customerId), "orderId", s(orderId)))).item();
            if (!Attributes.list(item, "couponCodes").isEmpty()) {
                with++;
            }
        }
        return with;
    }
}
