package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.concurrency.OptimisticRetry;
import dev.storecrm.domain.coupon.CouponAllowance;
import dev.storecrm.domain.coupon.CouponGrants;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Coupon grants in the CouponAllowancesTable: partition key {@code holder} =
 * {@code <campaign>#<customerId>}, {@code grants} (M: business key to the instant granted), {@code rev}
 * and {@code expiresAt} (TTL, epoch seconds: a window after the latest grant). A claim reads the item
 * consistently (1 RRU) and puts it back guarded by its revision (1 WRU: the item holds at most the
 * cap's number of keys); a writer that lost the race reads again. A full cap costs the read only.
 */
public final class DynamoDbCouponAllowance implements CouponAllowance {

    private static final OptimisticRetry RETRY = OptimisticRetry.standard();

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbCouponAllowance(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean claim(String customerId, String campaign, String businessKey, int limit, Duration window,
                         Instant now) {
        if (limit <= 0) {
            return false;
        }
        String holder = holder(campaign, customerId);
        return RETRY.run("the coupon grants of a " + campaign + " customer", attempt -> {
            Optional<Stored> stored = read(holder);
            CouponGrants grants = stored.map(Stored::grants).orElse(CouponGrants.NONE);
            Optional<CouponGrants> granted = grants.grant(businessKey, limit, window, now);
            if (granted.isEmpty()) {
                return false;
            }
            if (!granted.get().equals(grants)) {
                write(holder, granted.get(), stored, granted.get().latest().orElse(now).plus(window));
            }
            return true;
        });
    }

    @Override
    public void release(String customerId, String campaign, String businessKey) {
        String holder = holder(campaign, customerId);
        RETRY.run("the coupon grants of a " + campaign + " customer", attempt -> {
            Optional<Stored> stored = read(holder);
            boolean held = stored.isPresent() && stored.get().grants().granted().containsKey(businessKey);
            if (held) {
                write(holder, stored.get().grants().without(businessKey), stored, stored.get().expires());
            }
            return held;
        });
    }

    private record Stored(CouponGrants grants, long revision, Instant expires) {}

    private Optional<Stored> read(String holder) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(Attributes.key("holder", holder)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Instant> granted = new LinkedHashMap<>();
        Attributes.map(item, "grants").forEach((key, at) -> granted.put(key, Instant.parse(at.s())));
        return Optional.of(new Stored(new CouponGrants(granted), Attributes.number(item, "rev", 0),
                Instant.ofEpochSecond(Attributes.number(item, "expiresAt", 0))));
    }

    /** Puts the grants if the item is still as read; another writer's change meanwhile is a conflict. */
    private void write(String holder, CouponGrants grants, Optional<Stored> read, Instant expires) {
        Map<String, AttributeValue> granted = new HashMap<>();
        grants.granted().forEach((key, at) -> granted.put(key, s(at.toString())));
        long revision = read.map(Stored::revision).orElse(0L);
        Map<String, AttributeValue> item = Map.of("holder", s(holder), "grants", Attributes.m(granted),
                "rev", n(revision + 1), "expiresAt", n(expires.getEpochSecond()));
        try {
            dynamoDb.putItem(p -> p.tableName(tableName).item(item)
                    .conditionExpression(read.isPresent() ? "rev = :read" : "attribute_not_exists(holder)")
                    .expressionAttributeValues(read.isPresent() ? Map.of(":read", n(revision)) : null));
        } catch (ConditionalCheckFailedException changed) {
            throw new ConcurrentUpdateException("coupon grants changed since they were read");
        }
    }

    private static String holder(String campaign, String customerId) {
        return campaign + "#" + customerId;
    }
}
