package dev.storecrm.memberview;

import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.rfm.RfmState;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.Lazily;
import dev.storecrm.platform.OccasionSettings;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.dynamodb.DynamoDbMemberArchive;
import dev.storecrm.platform.dynamodb.DynamoDbMemberFile;
import dev.storecrm.platform.dynamodb.DynamoDbRfmBook;
import dev.storecrm.platform.events.EventBridgeStoreBus;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import dev.storecrm.platform.metrics.Metrics;
import dev.storecrm.platform.metrics.MetricsFactory;

/**
 * The composition root of MemberViewFunction: settings, the DynamoDB client, the read adapters, the store bus
 * (for operators' actions), the service.
 */
record MemberViewWiring(MemberViewService service, Metrics metrics) {

    MemberViewWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private MemberViewWiring(SharedAdapters shared) {
        this(shared, shared.env(), shared.clock());
    }

    private MemberViewWiring(SharedAdapters shared, Settings env, Clock clock) {
        this(shared, env, clock, new DynamoDbMemberArchive(shared.dynamoDb(), env.required("MEMBERS_TABLE"), clock),
                MemberPolicySettings.from(env));
    }

    private MemberViewWiring(SharedAdapters shared, Settings env, Clock clock, DynamoDbMemberArchive archive,
                             MemberPolicy policy) {
        this(shared, env, clock, archive, policy, new DynamoDbMemberFile(shared.dynamoDb(),
                new DynamoDbMemberFile.Tables(env.required("MEMBERS_TABLE"), env.required("ORDERS_TABLE"),
                        env.required("POINTS_LEDGER_TABLE"), env.required("WINBACK_TABLE"),
                        env.required("OCCASIONS_TABLE"), env.required("CARTS_TABLE"),
                        env.required("DISPUTES_TABLE"), env.required("SEND_LEDGER_TABLE"))));
    }

    private MemberViewWiring(SharedAdapters shared, Settings env, Clock clock, DynamoDbMemberArchive archive,
                             MemberPolicy policy, DynamoDbMemberFile file) {
        this(new MemberViewService(archive, file, rfmOf(shared, env),
                        new MemberViews(policy, OccasionSettings.storeZone(env)),
                        new MemberActions(archive, file, storeBus(shared), policy,
                                OccasionSettings.storeZone(env), clock), clock),
                MetricsFactory.getMetricsInstance());
    }

    /**
     * The store bus, where an operator's action goes as an event (source storecrm.member-actions): a
     * MemberUpdated to the member archive, a points adjustment to the loyalty queue. Its client is built on the
     * first action: most requests only read.
     */
    private static Consumer<String> storeBus(SharedAdapters shared) {
        Supplier<EventBridgeStoreBus> bus = Lazily.memoized(() -> shared.storeBus("storecrm.member-actions"));
        return event -> bus.get().publish(List.of(event));
    }

    /** A member's RFM as RfmFunction last evaluated it (one eventually consistent GetItem). */
    private static Function<String, Optional<RfmState>> rfmOf(SharedAdapters shared, Settings env) {
        DynamoDbRfmBook book = new DynamoDbRfmBook(shared.dynamoDb(), env.required("RFM_TABLE"),
                (int) env.longValue("RFM_SHARDS", 4));
        return customerId -> book.find(customerId, false);
    }
}
