package dev.storecrm.carelists;

import dev.storecrm.domain.coupon.CouponCodes;
import dev.storecrm.domain.member.MemberArchive;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.occasion.GreetingCalendar;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.OccasionSettings;
import dev.storecrm.platform.Secrets;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.WinBackSettings;
import dev.storecrm.platform.dynamodb.DynamoDbCartStats;
import dev.storecrm.platform.dynamodb.DynamoDbCouponBook;
import dev.storecrm.platform.dynamodb.DynamoDbFollowUpBook;
import dev.storecrm.platform.dynamodb.DynamoDbMemberArchive;
import dev.storecrm.platform.dynamodb.DynamoDbOccasionDiary;
import dev.storecrm.platform.dynamodb.DynamoDbOrderHistory;
import dev.storecrm.platform.dynamodb.DynamoDbReferralBook;
import dev.storecrm.platform.dynamodb.DynamoDbWinBackJournal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The composition root of CareListsFunction: settings, clients, adapters, the three lists, the service. */
record CareListsWiring(CareListsService service) {

    CareListsWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private CareListsWiring(SharedAdapters shared) {
        this(lists(shared, shared.env(), shared.dynamoDb(), shared.clock(), OccasionSettings.storeZone(shared.env())));
    }

    private static CareListsService lists(SharedAdapters shared, Settings settings, DynamoDbClient dynamoDb,
                                          Clock clock, ZoneId storeZone) {
        MemberPolicy memberPolicy = MemberPolicySettings.from(settings);
        MemberArchive members = new DynamoDbMemberArchive(dynamoDb, settings.required("MEMBERS_TABLE"), clock);
        var ledger = shared.sendLedger();
        CouponCodes codes = new CouponCodes(Secrets.read(shared.aws().secretsManager(),
                settings.required("COUPON_CODE_KEY_SECRET")));
        var coupons = new DynamoDbCouponBook(dynamoDb, settings.required("COUPONS_TABLE"), codes);
        var journal = new DynamoDbWinBackJournal(dynamoDb, settings.required("WINBACK_TABLE"));
        var orders = new DynamoDbOrderHistory(dynamoDb, settings.required("ORDERS_TABLE"));
        GreetingCalendar calendar = new GreetingCalendar(OccasionSettings.from(settings));
        var diary = new DynamoDbOccasionDiary(dynamoDb, settings.required("OCCASIONS_TABLE"), calendar,
                (int) settings.longValue("GREETING_SHARDS", 4));
        var followUpBook = new DynamoDbFollowUpBook(dynamoDb, settings.required("FOLLOW_UPS_TABLE"));
        var followUps = new FollowUpColumns(followUpBook, storeZone);
        return new CareListsService(
                new BirthdayList(diary, calendar, members, memberPolicy, ledger, coupons, codes, followUps, clock),
                new DormantList(journal, members, memberPolicy, ledger, coupons, orders, storeZone, followUps, clock),
                new WakeUpReport(journal, ledger, coupons, orders, WinBackSettings.from(settings).wakeUpWindow(),
                        storeZone, clock),
                new FollowUps(followUpBook, clock),
                new CartReport(new DynamoDbCartStats(dynamoDb, settings.required("CART_STATS_TABLE"))),
                new ReferralList(new DynamoDbReferralBook(dynamoDb, settings.required("REFERRALS_TABLE"))),
                new ListExport(new S3ExportStore(shared.aws().configure(S3Client.builder()).build(),
                        settings.required("EXPORTS_BUCKET"), S3ExportStore.MIN_PART_BYTES),
                        Duration.ofMinutes(settings.longValue("EXPORT_LINK_MINUTES", 15)), clock),
                storeZone, clock);
    }
}
