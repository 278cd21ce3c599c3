package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.coupon.CouponOutcomes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The coupons' outcomes in the ReputationTable (the store's statistics, beside the mail outcomes): partition
 * {@code coupon-outcomes}, sort key {@code <day>#<campaign>}, the counters {@code issued}, {@code redeemed} and
 * {@code discount} (minor units) added to atomically (one small write per coupon issued or redeemed), kept 400 days
 * ({@link DailyCounters}).
 * A period is one Query ({@code sk BETWEEN}), a page per 1 MB of counters.
 */
public final class DynamoDbCouponOutcomes implements CouponOutcomes {

    private static final String PARTITION = "coupon-outcomes";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final ZoneId storeZone;

    public DynamoDbCouponOutcomes(DynamoDbClient dynamoDb, String tableName, ZoneId storeZone) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.storeZone = storeZone;
    }

    @Override
    public void issued(String campaign, Instant at) {
        add(campaign, at, "ADD issued :one", Map.of(":one", n(1)));
    }

    @Override
    public void redeemed(String campaign, long discountMinor, Instant at) {
        add(campaign, at, "ADD redeemed :one, discount :discount",
                Map.of(":one", n(1), ":discount", n(discountMinor)));
    }

    private void add(String campaign, Instant at, String counters, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":campaign", s(campaign));
        DailyCounters.add(dynamoDb, tableName, PARTITION, LocalDate.ofInstant(at, storeZone), campaign,
                counters + " SET campaign = :campaign", all);
    }

    @Override
    public List<Count> between(LocalDate from, LocalDate to) {
        List<Count> counts = new ArrayList<>();
        for (Map<String, AttributeValue> item : DailyCounters.between(dynamoDb, tableName, PARTITION, from, to)) {
            counts.add(new Count(DailyCounters.dayOf(item),
                    Attributes.string(item, "campaign").orElse("?"), Attributes.number(item, "issued", 0),
                    Attributes.number(item, "redeemed", 0), Attributes.number(item, "discount", 0)));
        }
        return counts;
    }
}
