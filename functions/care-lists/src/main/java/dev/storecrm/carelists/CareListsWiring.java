package dev.storecrm.carelists;

import dev.storecrm.domain.coupon.CouponCodes;
import dev.storecrm.domain.member.MemberArchive;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.occasion.GreetingCalendar;
import dev.storecrm.platform.AwsClients;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.OccasionSettings;
import dev.storecrm.platform.Secrets;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.WinBackSettings;
import dev.storecrm.platform.dynamodb.DynamoDbCouponBook;
import dev.storecrm.platform.dynamodb.DynamoDbMemberArchive;
import dev.storecrm.platform.dynamodb.DynamoDbOccasionDiary;
import dev.storecrm.platform.dynamodb.DynamoDbOrderHistory;
import dev.storecrm.platform.dynamodb.DynamoDbSendLedger;
import dev.storecrm.platform.dynamodb.DynamoDbWinBackJournal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The composition root of CareListsFunction: settings, clients, adapters, the three lists, the service. */
record CareListsWiring(CareListsService service) {

    CareListsWiring(Map<String, String> environment, Clock clock) {
        this(new Settings(environment), clock, new AwsClients(new Settings(environment)));
    }

    private CareListsWiring(Settings settings, Clock clock, AwsClients aws) {
        this(lists(settings, clock, aws, aws.dynamoDb(), OccasionSettings.storeZone(settings)));
    }

    private static CareListsService lists(Settings settings, Clock clock, AwsClients aws, DynamoDbClient dynamoDb,
                                          ZoneId storeZone) {
        MemberPolicy memberPolicy = MemberPolicySettings.from(settings);
        MemberArchive members = new DynamoDbMemberArchive(dynamoDb, settings.required("MEMBERS_TABLE"), clock);
        var ledger = new DynamoDbSendLedger(dynamoDb, settings.required("SEND_LEDGER_TABLE"),
                Duration.ofDays(settings.longValue("LEDGER_RETENTION_DAYS", 400)));
        byte[] couponCodeKey = Secrets.read(aws.secretsManager(), settings.required("COUPON_CODE_KEY_SECRET"));
        CouponCodes codes = new CouponCodes(couponCodeKey);
        var coupons = new DynamoDbCouponBook(dynamoDb, settings.required("COUPONS_TABLE"), codes);
        var journal = new DynamoDbWinBackJournal(dynamoDb, settings.required("WINBACK_TABLE"));
        var orders = new DynamoDbOrderHistory(dynamoDb, settings.required("ORDERS_TABLE"));
        GreetingCalendar calendar = new GreetingCalendar(OccasionSettings.from(settings));
        var diary = new DynamoDbOccasionDiary(dynamoDb, settings.required("OCCASIONS_TABLE"), calendar,
                (int) settings.longValue("GREETING_SHARDS", 4));
        return new CareListsService(
                new BirthdayList(diary, calendar, members, memberPolicy, ledger, coupons, codes, clock),
                new DormantList(journal, members, memberPolicy, ledger, coupons, orders, storeZone, clock),
                new WakeUpReport(journal, ledger, coupons, orders, WinBackSettings.from(settings).wakeUpWindow(),
                        storeZone, clock),
                storeZone, clock);
    }
}
