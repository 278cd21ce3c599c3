package dev.storecrm.pointsredemption;

import dev.storecrm.domain.loyalty.LoyaltyPolicy;
import dev.storecrm.domain.loyalty.PointsCheckout;
import dev.storecrm.domain.loyalty.PointsLedger;
import dev.storecrm.platform.LoyaltySettings;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.dynamodb.DynamoDbMemberArchive;
import dev.storecrm.platform.dynamodb.DynamoDbPointsBook;
import dev.storecrm.platform.messaging.KeyedTimer;
import dev.storecrm.platform.metrics.Metrics;
import dev.storecrm.platform.metrics.MetricsFactory;
import java.time.Clock;
import java.util.Map;

/** The composition root of PointsRedemptionFunction: settings, clients, the ledger, the checkout, the service. */
record PointsRedemptionWiring(PointsRedemptionService service, Metrics metrics) {

    PointsRedemptionWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private PointsRedemptionWiring(SharedAdapters shared) {
        this(new PointsRedemptionService(checkout(shared, LoyaltySettings.from(shared.env())), shared.clock()),
                MetricsFactory.getMetricsInstance());
    }

    private static PointsCheckout checkout(SharedAdapters shared, LoyaltyPolicy policy) {
        Settings env = shared.env();
        // A checkout's decisions send no mail: only a points timer's firing does, in LoyaltyFunction.
        DynamoDbPointsBook book = new DynamoDbPointsBook(shared.dynamoDb(), env.required("POINTS_LEDGER_TABLE"),
                policy.entryRetention());
        PointsLedger ledger = new PointsLedger(book, KeyedTimer.points(shared.timers()), request -> {
            throw new IllegalStateException("the checkout sends no mail");
        }, policy, shared.clock());
        return new PointsCheckout(ledger, new DynamoDbMemberArchive(shared.dynamoDb(), env.required("MEMBERS_TABLE"),
                shared.clock()), MemberPolicySettings.from(env), shared.clock());
    }
}
