package dev.storecrm.platform;

import dev.storecrm.platform.adapter.AdapterRejects;
import dev.storecrm.platform.adapter.Amounts;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.dynamodb.DynamoDbCouponOutcomes;
import dev.storecrm.platform.dynamodb.DynamoDbOrderOwners;
import dev.storecrm.platform.dynamodb.DynamoDbRejectStore;
import dev.storecrm.platform.dynamodb.DynamoDbSendLedger;
import dev.storecrm.platform.dynamodb.DynamoDbTimers;
import dev.storecrm.platform.events.EventBridgeStoreBus;
import dev.storecrm.platform.metrics.Metrics;
import dev.storecrm.platform.sqs.SqsMessageOutbox;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The adapters several functions share, each built from the same environment variables with the
 * same defaults, in this one place: the timers ({@code TIMERS_TABLE}, {@code TIMER_SHARDS}, 2),
 * the send ledger ({@code SEND_LEDGER_TABLE}, {@code LEDGER_RETENTION_DAYS}, 400), the outbox
 * ({@code OUTBOX_QUEUE_URL}, {@code OUTBOX_PRIORITY_QUEUE_URL}) and the rejects
 * ({@code REJECTS_TABLE}, {@code REJECT_RETENTION_DAYS}, 90) behind an SQS batch processor; and what the
 * store-platform adapters share: the store bus ({@code STORE_EVENT_BUS}), the store currency
 * ({@code STORE_CURRENCY}), the order owners ({@code ORDER_OWNERS_TABLE}, {@code ORDER_OWNER_RETENTION_DAYS}, 400)
 * and whether test payments count ({@code ACCEPT_TEST_PAYMENTS}, false).
 */
public record SharedAdapters(Settings env, AwsClients aws, DynamoDbClient dynamoDb, Clock clock) {

    public static final int DEFAULT_TIMER_SHARDS = 2;
    public static final int DEFAULT_LEDGER_RETENTION_DAYS = 400;
    public static final int DEFAULT_REJECT_RETENTION_DAYS = 90;
    public static final int DEFAULT_ORDER_OWNER_RETENTION_DAYS = 400;

    /** Settings and clients from a function's environment. */
    public static SharedAdapters from(Settings env, Clock clock) {
        AwsClients aws = new AwsClients(env);
        return new SharedAdapters(env, aws, aws.dynamoDb(), clock);
    }

    public DynamoDbTimers timers() {
        return new DynamoDbTimers(dynamoDb, env.required("TIMERS_TABLE"), timerShards(env), clock);
    }

    /** The shards a minute's timers are spread over ({@code TIMER_SHARDS}, 2): what the sweep reads per minute. */
    public static int timerShards(Settings env) {
        return (int) env.longValue("TIMER_SHARDS", DEFAULT_TIMER_SHARDS);
    }

    /** The RejectsTable, where a function keeps what it refuses ({@code REJECT_RETENTION_DAYS}, 90). */
    public static DynamoDbRejectStore rejects(Settings env, DynamoDbClient dynamoDb) {
        return new DynamoDbRejectStore(dynamoDb, env.required("REJECTS_TABLE"),
                Duration.ofDays(env.longValue("REJECT_RETENTION_DAYS", DEFAULT_REJECT_RETENTION_DAYS)));
    }

    /** The coupons issued and redeemed per day (the store's) and campaign, in the REPUTATION_TABLE's statistics. */
    public DynamoDbCouponOutcomes couponOutcomes() {
        return new DynamoDbCouponOutcomes(dynamoDb, env.required("REPUTATION_TABLE"), OccasionSettings.storeZone(env));
    }

    public DynamoDbSendLedger sendLedger() {
        return new DynamoDbSendLedger(dynamoDb, env.required("SEND_LEDGER_TABLE"),
                Duration.ofDays(env.longValue("LEDGER_RETENTION_DAYS", DEFAULT_LEDGER_RETENTION_DAYS)));
    }

    public SqsMessageOutbox outbox() {
        return new SqsMessageOutbox(aws.sqs(), env.required("OUTBOX_QUEUE_URL"),
                env.required("OUTBOX_PRIORITY_QUEUE_URL"));
    }

    /** The batch processor of an SQS-triggered function, keeping what it rejects in the RejectsTable. */
    public SqsBatchProcessor batch(String consumer, Metrics metrics) {
        return new SqsBatchProcessor(consumer, rejects(env, dynamoDb), metrics, clock);
    }

    /** The store's event bus, where this function publishes canonical events under {@code source}. */
    public EventBridgeStoreBus storeBus(String source) {
        return new EventBridgeStoreBus(aws.eventBridge(), env.required("STORE_EVENT_BUS"), source);
    }

    /** Amounts in the store currency, the only one the consumers take. */
    public Amounts amounts() {
        return new Amounts(env.required("STORE_CURRENCY"));
    }

    /** Which member placed each order, for the payment platforms whose events name only the order. */
    public DynamoDbOrderOwners orderOwners() {
        return new DynamoDbOrderOwners(dynamoDb, env.required("ORDER_OWNERS_TABLE"), Duration.ofDays(
                env.longValue("ORDER_OWNER_RETENTION_DAYS", DEFAULT_ORDER_OWNER_RETENTION_DAYS)), clock);
    }

    /** Where an adapter keeps the deliveries it refuses, under its consumer name. */
    public AdapterRejects adapterRejects(String consumer) {
        return new AdapterRejects(consumer, rejects(env, dynamoDb), clock);
    }

    /** Whether a platform's test-mode payments count as paid ({@code ACCEPT_TEST_PAYMENTS}, false). */
    public boolean acceptTestPayments() {
        return Boolean.parseBoolean(env.optional("ACCEPT_TEST_PAYMENTS", "false"));
    }
}
