package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.coupon.Coupon;
import dev.storecrm.domain.coupon.CouponBook;
import dev.storecrm.domain.coupon.CouponCodes;
import dev.storecrm.domain.coupon.CouponOutcomes;
import dev.storecrm.domain.coupon.CouponValue;
import dev.storecrm.domain.money.Money;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Coupons in the CouponsTable: partition key {@code code}. Issuing is a conditional put of the code
 * derived from the business key; redeeming a conditional update that only the first order of a
 * valid coupon passes. The write that passes counts the coupon in {@link CouponOutcomes} (issued, or
 * redeemed with its discount), so a retried issue or a second consumer redeeming the same order counts
 * nothing; a crash between the two writes loses that one count, as the sender's outcome counter can.
 */
public final class DynamoDbCouponBook implements CouponBook {

    private static final DateTimeFormatter FIXED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final CouponCodes codes;
    private final CouponOutcomes outcomes;

    public DynamoDbCouponBook(DynamoDbClient dynamoDb, String tableName, CouponCodes codes, CouponOutcomes outcomes) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.codes = codes;
        this.outcomes = outcomes;
    }

    /**
     * A coupon book that finds coupons and derives their codes (the staff's lists), but neither issues nor redeems
     * them: it counts nothing, so it needs no statistics table.
     */
    public static DynamoDbCouponBook forReading(DynamoDbClient dynamoDb, String tableName, CouponCodes codes) {
        return new DynamoDbCouponBook(dynamoDb, tableName, codes, null);
    }

    /**
     * A coupon book that only finds coupons by code (the lift report's coupon cost): it neither derives codes nor
     * issues, redeems or revokes, so it needs only GetItem on the CouponsTable.
     */
    public static DynamoDbCouponBook forLookup(DynamoDbClient dynamoDb, String tableName) {
        return new DynamoDbCouponBook(dynamoDb, tableName, null, null);
    }

    /** A coupon book that finds and redeems coupons but cannot issue them (it holds no code key). */
    public static DynamoDbCouponBook forRedemption(DynamoDbClient dynamoDb, String tableName,
                                                   CouponOutcomes outcomes) {
        return new DynamoDbCouponBook(dynamoDb, tableName, null, outcomes);
    }

    @Override
    public Coupon issue(Issue issue) {
        if (codes == null || outcomes == null) {
            throw new IllegalStateException("this function " + (codes == null ? "redeems" : "reads")
                    + " coupons; issuing needs the coupon code key and the coupons' counters");
        }
        String code = codes.codeFor(issue.campaign(), issue.businessKey());
        Coupon coupon = new Coupon(code, issue.campaign(), issue.businessKey(), issue.customerId(), issue.value(),
                issue.issuedAt(), issue.expiresAt(), Optional.empty());
        try {
            dynamoDb.putItem(p -> p.tableName(tableName).item(toItem(coupon))
                    .conditionExpression("attribute_not_exists(code)"));
            outcomes.issued(coupon.campaign(), coupon.issuedAt());
            return coupon;
        } catch (ConditionalCheckFailedException exists) {
            Coupon stored = find(code).orElseThrow(() -> new IllegalStateException("coupon " + code + " vanished"));
            if (!stored.businessKey().equals(issue.businessKey())) {
                throw new IllegalStateException("coupon code collision between two business keys: " + code);
            }
            return stored;
        }
    }

    @Override
    public Optional<Coupon> find(String code) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(Attributes.key("code", code)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public Optional<Coupon> redeem(String code, String orderId, String customerId, Money orderTotal, Instant at) {
        if (outcomes == null) {
            throw new IllegalStateException("this function reads coupons; redeeming needs the coupons' counters");
        }
        Optional<Coupon> known = find(code);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        Coupon coupon = known.get();
        if (coupon.redemption().map(r -> r.orderId().equals(orderId)).orElse(false)) {
            return known;
        }
        long discount = coupon.value().discountOn(orderTotal);
        try {
            dynamoDb.updateItem(new Update()
                    .set("redeemedOrderId", s(orderId))
                    .set("redeemedBy", s(customerId))
                    .set("redeemedAt", s(at.toString()))
                    .set("orderTotal", n(orderTotal.minor()))
                    .set("discount", n(discount))
                    .name("code", "code")
                    .name("expiresAt", "expiresAt")
                    .value("at", s(FIXED.format(at)))
                    .condition("attribute_exists(#code) AND attribute_not_exists(#redeemedOrderId)"
                            + " AND #expiresAt > :at")
                    .toRequest(tableName, Attributes.key("code", code)));
        } catch (ConditionalCheckFailedException usedOrExpired) {
            return Optional.empty();
        }
        outcomes.redeemed(coupon.campaign(), discount, at);
        return Optional.of(new Coupon(coupon.code(), coupon.campaign(), coupon.businessKey(), coupon.customerId(),
                coupon.value(), coupon.issuedAt(), coupon.expiresAt(),
                Optional.of(new Coupon.Redemption(orderId, at, orderTotal.minor(), discount))));
    }

    @Override
    public Optional<Coupon> revoke(String campaign, String businessKey, String reason, Instant at) {
        if (codes == null) {
            throw new IllegalStateException("this function redeems coupons; revoking needs the coupon code key");
        }
        String code = codes.codeFor(campaign, businessKey);
        try {
            dynamoDb.updateItem(new Update()
                    .set("expiresAt", s(FIXED.format(at)))
                    .set("revokedAt", s(at.toString()))
                    .set("revokedBecause", s(reason))
                    .name("code", "code")
                    .name("redeemedOrderId", "redeemedOrderId")
                    .name("businessKey", "businessKey")
                    .value("at", s(FIXED.format(at)))
                    .value("businessKey", s(businessKey))
                    .condition("attribute_exists(#code) AND attribute_not_exists(#redeemedOrderId)"
                            + " AND #expiresAt > :at AND #businessKey = :businessKey")
                    .toRequest(tableName, Attributes.key("code", code)));
        } catch (ConditionalCheckFailedException redeemedExpiredOrUnknown) {
            return Optional.empty();
        }
        return find(code);
    }

    private static Map<String, AttributeValue> toItem(Coupon coupon) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("code", s(coupon.code()));
        item.put("campaign", s(coupon.campaign()));
        item.put("businessKey", s(coupon.businessKey()));
        item.put("customerId", s(coupon.customerId()));
        item.put("value", s(coupon.value().wire()));
        item.put("issuedAt", s(FIXED.format(coupon.issuedAt())));
        item.put("expiresAt", s(FIXED.format(coupon.expiresAt())));
        return item;
    }

    private static Coupon fromItem(Map<String, AttributeValue> item) {
        Optional<Coupon.Redemption> redemption = Attributes.string(item, "redeemedOrderId").map(order ->
                new Coupon.Redemption(order, Instant.parse(item.get("redeemedAt").s()),
                        Attributes.number(item, "orderTotal", 0), Attributes.number(item, "discount", 0)));
        return new Coupon(item.get("code").s(), item.get("campaign").s(), item.get("businessKey").s(),
                item.get("customerId").s(), CouponValue.parse(item.get("value").s()),
                Instant.parse(item.get("issuedAt").s()), Instant.parse(item.get("expiresAt").s()), redemption);
    }
}
