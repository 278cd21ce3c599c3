package dev.storecrm.winback;

import dev.storecrm.domain.coupon.CouponCodes;
import dev.storecrm.platform.GoLiveSettings;
import dev.storecrm.platform.HoldoutSettings;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.OccasionSettings;
import dev.storecrm.platform.Secrets;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.WinBackSettings;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.dynamodb.DynamoDbCouponBook;
import dev.storecrm.platform.dynamodb.DynamoDbMemberArchive;
import dev.storecrm.platform.dynamodb.DynamoDbWinBackJournal;
import dev.storecrm.platform.metrics.MetricsFactory;
import java.time.Clock;
import java.util.Map;

/** The composition root of WinBackFunction: settings, clients, adapters, the service. */
record WinBackWiring(WinBackService service, SqsBatchProcessor batch) {

    static final String CONSUMER = "win-back";

    WinBackWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private WinBackWiring(SharedAdapters shared) {
        this(service(shared, shared.env()), shared.batch(CONSUMER, MetricsFactory.getMetricsInstance()));
    }

    private static WinBackService service(SharedAdapters shared, Settings env) {
        return new WinBackService(
                new DynamoDbMemberArchive(shared.dynamoDb(), env.required("MEMBERS_TABLE"), shared.clock()),
                MemberPolicySettings.from(env), WinBackSettings.from(env),
                new DynamoDbWinBackJournal(shared.dynamoDb(), env.required("WINBACK_TABLE")),
                new DynamoDbCouponBook(shared.dynamoDb(), env.required("COUPONS_TABLE"), new CouponCodes(
                        Secrets.read(shared.aws().secretsManager(), env.required("COUPON_CODE_KEY_SECRET"))),
                        shared.couponOutcomes()),
                shared.outbox(),
                shared.timers(),
                OccasionSettings.storeZone(env), GoLiveSettings.from(env), HoldoutSettings.from(env),
                shared.clock());
    }
}
