package dev.storecrm.carelists;

import dev.storecrm.domain.campaign.LiftPricing;
import dev.storecrm.platform.Lazily;
import dev.storecrm.platform.OccasionSettings;
import dev.storecrm.platform.ReputationSettings;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.WinBackSettings;
import dev.storecrm.platform.dynamodb.DynamoDbCartStats;
import dev.storecrm.platform.dynamodb.DynamoDbEngagementCounts;
import dev.storecrm.platform.dynamodb.DynamoDbFeedbackAnswers;
import dev.storecrm.platform.dynamodb.DynamoDbMailOutcomes;
import dev.storecrm.platform.dynamodb.DynamoDbLiftBook;
import dev.storecrm.platform.dynamodb.DynamoDbReferralBook;
import dev.storecrm.platform.dynamodb.DynamoDbRfmBook;
import dev.storecrm.platform.http.HttpAnswer;
import dev.storecrm.platform.http.StaffRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The composition root of CareListsFunction: settings, clients, adapters, the lists, the export jobs, the service,
 * and the reputation guard's routes beside it.
 */
record CareListsWiring(CareListsService service, ReputationRoutes reputation, OrderFeedbackList feedback) {

    CareListsWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private CareListsWiring(SharedAdapters shared) {
        this(service(shared, MemberLists.from(shared), OccasionSettings.storeZone(shared.env())),
                new ReputationRoutes(ReputationSettings.guard(shared),
                        new DynamoDbEngagementCounts(shared.dynamoDb(), shared.env().required("REPUTATION_TABLE")),
                        "on".equals(shared.env().optional("ENGAGEMENT_TRACKING", "off")), shared.clock()),
                new OrderFeedbackList(new DynamoDbFeedbackAnswers(shared.dynamoDb(),
                        shared.env().required("FEEDBACK_ANSWERS_TABLE")),
                        OccasionSettings.storeZone(shared.env()), shared.clock()));
    }

    /** Every route of the function: the reputation guard's, the follow-up answers', and the lists'. */
    HttpAnswer route(StaffRequest request) {
        if (feedback.serves(request.path())) {
            return feedback.handle(request);
        }
        return reputation.serves(request.path()) ? reputation.handle(request) : service.handle(request);
    }

    private static CareListsService service(SharedAdapters shared, MemberLists lists, ZoneId storeZone) {
        Settings settings = shared.env();
        Clock clock = shared.clock();
        String queueUrl = settings.required("LIST_EXPORT_QUEUE_URL");
        Supplier<SqsClient> exportQueue = Lazily.memoized(shared.aws()::sqs);
        return new CareListsService(lists.birthdays(), lists.dormant(),
                new WakeUpReport(lists.journal(), shared.sendLedger(), lists.coupons(), lists.orders(),
                        WinBackSettings.from(settings).wakeUpWindow(), storeZone, clock),
                new FollowUps(lists.followUpBook(), clock),
                new CartReport(new DynamoDbCartStats(shared.dynamoDb(), settings.required("CART_STATS_TABLE"))),
                new MailReport(new DynamoDbMailOutcomes(shared.dynamoDb(), settings.required("REPUTATION_TABLE")),
                        shared.couponOutcomes()),
                new ReferralList(new DynamoDbReferralBook(shared.dynamoDb(), settings.required("REFERRALS_TABLE"))),
                new SegmentList(new DynamoDbRfmBook(shared.dynamoDb(), settings.required("RFM_TABLE"),
                        (int) settings.longValue("RFM_SHARDS", 4)), clock),
                new ExportJobs(new LazyExportStore(() -> MemberLists.exportStore(shared)),
                        body -> exportQueue.get().sendMessage(m -> m.queueUrl(queueUrl).messageBody(body)),
                        Duration.ofMinutes(settings.longValue("EXPORT_LINK_MINUTES", 15)),
                        Duration.ofMinutes(settings.longValue("EXPORT_GIVE_UP_MINUTES", 40)), clock),
                new LiftReport(new DynamoDbLiftBook(shared.dynamoDb(), settings.required("LIFT_TABLE")),
                        new LiftPricing(new BigDecimal(settings.required("LIFT_MARGIN")),
                                new BigDecimal(settings.required("COST_PER_EMAIL_MINOR")),
                                new BigDecimal(settings.required("COST_PER_SMS_SEGMENT_MINOR")))),
                storeZone, clock);
    }
}
