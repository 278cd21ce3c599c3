package dev.storecrm.rfm;

import dev.storecrm.domain.rfm.RfmRules;
import dev.storecrm.domain.rfm.SegmentRules;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.dynamodb.DynamoDbCouponUse;
import dev.storecrm.platform.dynamodb.DynamoDbMemberArchive;
import dev.storecrm.platform.dynamodb.DynamoDbRfmBook;
import dev.storecrm.platform.metrics.MetricsFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** The composition root of RfmFunction: settings, clients, adapters, the service. */
record RfmWiring(RfmService service, SqsBatchProcessor batch) {

    static final String CONSUMER = "rfm";

    RfmWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private RfmWiring(SharedAdapters shared) {
        this(service(shared, shared.env()), shared.batch(CONSUMER, MetricsFactory.getMetricsInstance()));
    }

    private static RfmService service(SharedAdapters shared, Settings env) {
        return new RfmService(
                new DynamoDbMemberArchive(shared.dynamoDb(), env.required("MEMBERS_TABLE"), shared.clock()),
                new DynamoDbRfmBook(shared.dynamoDb(), env.required("RFM_TABLE"), (int) env.longValue("RFM_SHARDS", 4)),
                new DynamoDbCouponUse(shared.dynamoDb(), env.required("ORDERS_TABLE")),
                shared.timers(), MemberPolicySettings.from(env), rules(env),
                Duration.ofSeconds(env.longValue("RFM_BOUNDARIES_SECONDS", 300)), shared.clock());
    }

    /** The segments and audiences: the parameters when given, else the defaults shipped in the domain module. */
    static RfmRules rules(Settings env) {
        String segments = env.optional("RFM_SEGMENTS", "");
        String audiences = env.optional("RFM_AUDIENCES", "");
        return new RfmRules(
                segments.isBlank() ? SegmentRules.defaultSegments()
                        : SegmentRules.parse(segments, "RFM_SEGMENTS", true),
                audiences.isBlank() ? SegmentRules.defaultAudiences()
                        : SegmentRules.parse(audiences, "RFM_AUDIENCES", false),
                Duration.ofDays(env.longValue("RFM_REFRESH_DAYS", RfmRules.DEFAULT_REFRESH.toDays())));
    }
}
