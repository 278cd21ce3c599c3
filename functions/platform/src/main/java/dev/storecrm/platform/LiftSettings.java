package dev.storecrm.platform;

import dev.storecrm.domain.campaign.LiftAttribution;
import dev.storecrm.domain.campaign.LiftRecorder;
import dev.storecrm.platform.dynamodb.DynamoDbLiftBook;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The lift report's bookkeeping from the function's settings (docs/campaigns.md, "The lift report"): the
 * {@code LIFT_TABLE}, the attribution window {@code CART_ATTRIBUTION_WINDOW} (template parameter
 * {@code CartAttributionWindow}, 7 days by default: the one window of the store's journeys), the
 * {@code LIFT_REFUND_GRACE_DAYS} an assignment is kept after its window for late refunds (60), and the store's
 * time zone (the week of a line). A bad value stops the function at start-up.
 */
public final class LiftSettings {

    private LiftSettings() {}

    public static LiftRecorder recorder(SharedAdapters shared, Settings env) {
        try {
            return new LiftRecorder(new DynamoDbLiftBook(shared.dynamoDb(), env.required("LIFT_TABLE")),
                    new LiftAttribution(Duration.parse(env.optional("CART_ATTRIBUTION_WINDOW", "P7D"))),
                    ZoneId.of(env.required("STORE_TIME_ZONE")),
                    Duration.ofDays(env.longValue("LIFT_REFUND_GRACE_DAYS", 60)));
        } catch (RuntimeException bad) {
            throw new IllegalStateException("the lift report's settings are invalid: " + bad.getMessage(), bad);
        }
    }
}
