package dev.storecrm.cartrecovery;

import dev.storecrm.domain.coupon.CouponCodes;
import dev.storecrm.platform.AwsClients;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.Secrets;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.dynamodb.DynamoDbCarts;
import dev.storecrm.platform.dynamodb.DynamoDbCouponAllowance;
import dev.storecrm.platform.dynamodb.DynamoDbCouponBook;
import dev.storecrm.platform.dynamodb.DynamoDbMemberArchive;
import dev.storecrm.platform.dynamodb.DynamoDbRejectStore;
import dev.storecrm.platform.dynamodb.DynamoDbSendLedger;
import dev.storecrm.platform.dynamodb.DynamoDbTimers;
import dev.storecrm.platform.sqs.SqsMessageOutbox;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/** The composition root of CartRecoveryFunction: settings, clients, adapters, the service. */
record CartRecoveryWiring(CartRecoveryService service, SqsBatchProcessor batch, Metrics metrics) {

    static final String CONSUMER = "cart-recovery";

    CartRecoveryWiring(Map<String, String> environment, Clock clock) {
        this(new Settings(environment), clock, new AwsClients(new Settings(environment)));
    }

    private CartRecoveryWiring(Settings env, Clock clock, AwsClients aws) {
        this(env, clock, aws, aws.dynamoDb(), MetricsFactory.getMetricsInstance());
    }

    private CartRecoveryWiring(Settings env, Clock clock, AwsClients aws, DynamoDbClient dynamoDb, Metrics metrics) {
        this(new CartRecoveryService(
                        new DynamoDbCarts(dynamoDb, env.required("CARTS_TABLE"), env.required("CART_STATS_TABLE"),
                                Duration.ofDays(env.longValue("CART_RETENTION_DAYS", 90)), clock),
                        new DynamoDbTimers(dynamoDb, env.required("TIMERS_TABLE"), (int) env.longValue("TIMER_SHARDS", 2),
                                clock),
                        new DynamoDbMemberArchive(dynamoDb, env.required("MEMBERS_TABLE"), clock),
                        MemberPolicySettings.from(env),
                        new DynamoDbCouponBook(dynamoDb, env.required("COUPONS_TABLE"),
                                new CouponCodes(Secrets.read(aws.secretsManager(), env.required("COUPON_CODE_KEY_SECRET")))),
                        new DynamoDbCouponAllowance(dynamoDb, env.required("COUPON_ALLOWANCES_TABLE")),
                        new DynamoDbSendLedger(dynamoDb, env.required("SEND_LEDGER_TABLE"),
                                Duration.ofDays(env.longValue("LEDGER_RETENTION_DAYS", 400))),
                        new SqsMessageOutbox(aws.sqs(), env.required("OUTBOX_QUEUE_URL"),
                                env.required("OUTBOX_PRIORITY_QUEUE_URL")),
                        new CartMessages(env.required("STORE_URL")),
                        CartPolicySettings.from(env),
                        clock),
                new SqsBatchProcessor(CONSUMER,
                        new DynamoDbRejectStore(dynamoDb, env.required("REJECTS_TABLE"),
                                Duration.ofDays(env.longValue("REJECT_RETENTION_DAYS", 90))),
                        metrics, clock),
                metrics);
    }
}
