package dev.storecrm.greetings;

import dev.storecrm.domain.coupon.CouponCodes;
import dev.storecrm.domain.occasion.GreetingCalendar;
import dev.storecrm.domain.occasion.OccasionPolicy;
import dev.storecrm.platform.GoLiveSettings;
import dev.storecrm.platform.HoldoutSettings;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.OccasionSettings;
import dev.storecrm.platform.Secrets;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.dynamodb.DynamoDbCouponBook;
import dev.storecrm.platform.dynamodb.DynamoDbMemberArchive;
import dev.storecrm.platform.dynamodb.DynamoDbOccasionDiary;
import dev.storecrm.platform.metrics.MetricsFactory;
import dev.storecrm.platform.schedule.ScheduledRun;
import java.time.Clock;
import java.util.Map;

/** The composition root of GreetingsFunction: settings, clients, adapters, the service. */
record GreetingsWiring(GreetingService service, ScheduledRun run) {

    GreetingsWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private GreetingsWiring(SharedAdapters shared) {
        this(service(shared, shared.env(), OccasionSettings.from(shared.env())),
                new ScheduledRun(MetricsFactory.getMetricsInstance()));
    }

    private static GreetingService service(SharedAdapters shared, Settings env, OccasionPolicy policy) {
        return new GreetingService(
                new DynamoDbOccasionDiary(shared.dynamoDb(), env.required("OCCASIONS_TABLE"),
                        new GreetingCalendar(policy), (int) env.longValue("GREETING_SHARDS", 4)),
                new DynamoDbMemberArchive(shared.dynamoDb(), env.required("MEMBERS_TABLE"), shared.clock()),
                MemberPolicySettings.from(env), policy, OccasionSettings.storeZone(env),
                new DynamoDbCouponBook(shared.dynamoDb(), env.required("COUPONS_TABLE"), new CouponCodes(
                        Secrets.read(shared.aws().secretsManager(), env.required("COUPON_CODE_KEY_SECRET"))),
                        shared.couponOutcomes()),
                shared.outbox(),
                GoLiveSettings.from(env),
                HoldoutSettings.from(env),
                shared.clock());
    }
}
