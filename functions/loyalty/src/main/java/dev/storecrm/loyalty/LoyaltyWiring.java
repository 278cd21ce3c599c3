package dev.storecrm.loyalty;

import dev.storecrm.domain.loyalty.LoyaltyPolicy;
import dev.storecrm.domain.loyalty.PointsLedger;
import dev.storecrm.domain.referral.LedgerReferralRewards;
import dev.storecrm.domain.referral.ReferralProgram;
import dev.storecrm.platform.LoyaltySettings;
import dev.storecrm.platform.ReferralSettings;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.dynamodb.DynamoDbPointsBook;
import dev.storecrm.platform.dynamodb.DynamoDbKeyedTimer;
import dev.storecrm.platform.dynamodb.DynamoDbReferralBook;
import dev.storecrm.platform.dynamodb.DynamoDbReferralParties;
import java.time.Clock;
import java.util.Map;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/** The composition root of LoyaltyFunction: settings, clients, adapters, the ledger, the referrals, the service. */
record LoyaltyWiring(LoyaltyService service, SqsBatchProcessor batch) {

    static final String CONSUMER = "loyalty";

    LoyaltyWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private LoyaltyWiring(SharedAdapters shared) {
        this(service(shared, ledger(shared, LoyaltySettings.from(shared.env()))),
                shared.batch(CONSUMER, MetricsFactory.getMetricsInstance()));
    }

    private static LoyaltyService service(SharedAdapters shared, PointsLedger ledger) {
        ReferralProgram referrals = new ReferralProgram(
                new DynamoDbReferralBook(shared.dynamoDb(), shared.env().required("REFERRALS_TABLE")),
                new DynamoDbReferralParties(shared.dynamoDb(), shared.env().required("MEMBERS_TABLE")),
                DynamoDbKeyedTimer.referrals(shared.timers()), new LedgerReferralRewards(ledger, shared.clock()),
                ReferralSettings.from(shared.env()), shared.clock());
        return new LoyaltyService(ledger, referrals);
    }

    private static PointsLedger ledger(SharedAdapters shared, LoyaltyPolicy policy) {
        DynamoDbPointsBook book = new DynamoDbPointsBook(shared.dynamoDb(),
                shared.env().required("POINTS_LEDGER_TABLE"), policy.entryRetention());
        return new PointsLedger(book, DynamoDbKeyedTimer.points(shared.timers()), shared.outbox(), policy,
                shared.clock());
    }
}
