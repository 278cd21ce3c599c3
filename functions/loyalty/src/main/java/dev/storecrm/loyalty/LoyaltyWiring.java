package dev.storecrm.loyalty;

import dev.storecrm.domain.loyalty.LoyaltyPolicy;
import dev.storecrm.domain.loyalty.PointsLedger;
import dev.storecrm.platform.LoyaltySettings;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.dynamodb.DynamoDbPointsBook;
import dev.storecrm.platform.dynamodb.DynamoDbPointsTimer;
import java.time.Clock;
import java.util.Map;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/** The composition root of LoyaltyFunction: settings, clients, adapters, the ledger, the service. */
record LoyaltyWiring(LoyaltyService service, SqsBatchProcessor batch) {

    static final String CONSUMER = "loyalty";

    LoyaltyWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private LoyaltyWiring(SharedAdapters shared) {
        this(new LoyaltyService(ledger(shared, LoyaltySettings.from(shared.env()))),
                shared.batch(CONSUMER, MetricsFactory.getMetricsInstance()));
    }

    private static PointsLedger ledger(SharedAdapters shared, LoyaltyPolicy policy) {
        DynamoDbPointsBook book = new DynamoDbPointsBook(shared.dynamoDb(),
                shared.env().required("POINTS_LEDGER_TABLE"), policy.entryRetention());
        return new PointsLedger(book, new DynamoDbPointsTimer(shared.timers()), shared.outbox(), policy,
                shared.clock());
    }
}
