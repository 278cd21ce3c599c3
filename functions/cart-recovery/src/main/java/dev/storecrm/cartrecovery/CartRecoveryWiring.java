package dev.storecrm.cartrecovery;

import dev.storecrm.domain.coupon.CouponCodes;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.Secrets;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.dynamodb.DynamoDbCarts;
import dev.storecrm.platform.dynamodb.DynamoDbCouponAllowance;
import dev.storecrm.platform.dynamodb.DynamoDbCouponBook;
import dev.storecrm.platform.dynamodb.DynamoDbMemberArchive;
import dev.storecrm.platform.dynamodb.DynamoDbPrivacyRequests;
import dev.storecrm.platform.metrics.MetricsFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** The composition root of CartRecoveryFunction: settings, clients, adapters, the service. */
record CartRecoveryWiring(CartRecoveryService service, SqsBatchProcessor batch) {

    static final String CONSUMER = "cart-recovery";

    CartRecoveryWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private CartRecoveryWiring(SharedAdapters shared) {
        this(service(shared, shared.env()), shared.batch(CONSUMER, MetricsFactory.getMetricsInstance()));
    }

    private static CartRecoveryService service(SharedAdapters shared, Settings env) {
        return new CartRecoveryService(
                new DynamoDbCarts(shared.dynamoDb(), env.required("CARTS_TABLE"), env.required("CART_STATS_TABLE"),
                        Duration.ofDays(env.longValue("CART_RETENTION_DAYS", 90)), shared.clock()),
                shared.timers(),
                new DynamoDbMemberArchive(shared.dynamoDb(), env.required("MEMBERS_TABLE"), shared.clock()),
                MemberPolicySettings.from(env),
                new DynamoDbCouponBook(shared.dynamoDb(), env.required("COUPONS_TABLE"), new CouponCodes(
                        Secrets.read(shared.aws().secretsManager(), env.required("COUPON_CODE_KEY_SECRET"))),
                        shared.couponOutcomes()),
                new DynamoDbCouponAllowance(shared.dynamoDb(), env.required("COUPON_ALLOWANCES_TABLE")),
                shared.sendLedger(),
                shared.outbox(),
                new CartMessages(env.required("STORE_URL")),
                CartPolicySettings.from(env),
                new DynamoDbPrivacyRequests(shared.dynamoDb(), env.required("PRIVACY_REQUESTS_TABLE")),
                shared.clock());
    }
}
