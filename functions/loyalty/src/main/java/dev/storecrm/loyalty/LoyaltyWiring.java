package dev.storecrm.loyalty;

import dev.storecrm.domain.coupon.CouponBook;
import dev.storecrm.domain.coupon.CouponCodes;
import dev.storecrm.domain.loyalty.LoyaltyPolicy;
import dev.storecrm.domain.loyalty.PointsLedger;
import dev.storecrm.domain.referral.CouponReferralRewards;
import dev.storecrm.domain.referral.LedgerReferralRewards;
import dev.storecrm.domain.referral.ReferralPolicy;
import dev.storecrm.domain.referral.ReferralProgram;
import dev.storecrm.domain.referral.ReferralRewards;
import dev.storecrm.platform.Lazily;
import dev.storecrm.platform.LoyaltySettings;
import dev.storecrm.platform.ReferralSettings;
import dev.storecrm.platform.Secrets;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.dynamodb.DynamoDbCouponBook;
import dev.storecrm.platform.dynamodb.DynamoDbPointsBook;
import dev.storecrm.platform.dynamodb.DynamoDbReferralBook;
import dev.storecrm.platform.dynamodb.DynamoDbReferralParties;
import dev.storecrm.platform.messaging.KeyedTimer;
import dev.storecrm.platform.metrics.MetricsFactory;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

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
        ReferralPolicy policy = ReferralSettings.from(shared.env());
        ReferralProgram referrals = new ReferralProgram(
                new DynamoDbReferralBook(shared.dynamoDb(), shared.env().required("REFERRALS_TABLE")),
                new DynamoDbReferralParties(shared.dynamoDb(), shared.env().required("MEMBERS_TABLE")),
                KeyedTimer.referrals(shared.timers()), rewards(shared, ledger, policy), policy,
                shared.clock());
        return new LoyaltyService(ledger, referrals);
    }

    /**
     * Points in the ledger, or coupons for referrals that recorded a coupon reward. The coupon book (and the read
     * of the coupon code key's secret) is built on the first coupon reward, not at every cold start.
     */
    private static Function<String, ReferralRewards> rewards(SharedAdapters shared, PointsLedger ledger,
                                                             ReferralPolicy policy) {
        Supplier<CouponBook> coupons = Lazily.memoized(() -> new DynamoDbCouponBook(shared.dynamoDb(),
                shared.env().required("COUPONS_TABLE"), new CouponCodes(Secrets.read(shared.aws().secretsManager(),
                shared.env().required("COUPON_CODE_KEY_SECRET"))), shared.couponOutcomes()));
        return ReferralRewards.byKind(new LedgerReferralRewards(ledger, shared.clock()),
                value -> new CouponReferralRewards(coupons.get(), shared.outbox(), value, policy.couponValidity(),
                        ledger.policy().storeZone(), shared.clock()));
    }

    private static PointsLedger ledger(SharedAdapters shared, LoyaltyPolicy policy) {
        DynamoDbPointsBook book = new DynamoDbPointsBook(shared.dynamoDb(),
                shared.env().required("POINTS_LEDGER_TABLE"), policy.entryRetention());
        return new PointsLedger(book, KeyedTimer.points(shared.timers()), shared.outbox(), policy,
                shared.clock());
    }
}
