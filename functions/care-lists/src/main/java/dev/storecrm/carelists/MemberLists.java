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
import dev.storecrm.platform.dynamodb.DynamoDbCouponBook;
import dev.storecrm.platform.dynamodb.DynamoDbFollowUpBook;
import dev.storecrm.platform.dynamodb.DynamoDbMemberArchive;
import dev.storecrm.platform.dynamodb.DynamoDbOccasionDiary;
import dev.storecrm.platform.dynamodb.DynamoDbOrderHistory;
import dev.storecrm.platform.dynamodb.DynamoDbWinBackJournal;
import java.time.ZoneId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The two member lists (birthdays, dormant members) with the adapters they read, as CareListsFunction (their
 * pages) and ListExportFunction (their whole files) build them from the same environment.
 */
record MemberLists(BirthdayList birthdays, DormantList dormant, DynamoDbWinBackJournal journal,
                   DynamoDbOrderHistory orders, DynamoDbCouponBook coupons, DynamoDbFollowUpBook followUpBook) {

    static MemberLists from(SharedAdapters shared) {
        Settings settings = shared.env();
        DynamoDbClient dynamoDb = shared.dynamoDb();
        ZoneId storeZone = OccasionSettings.storeZone(settings);
        MemberPolicy memberPolicy = MemberPolicySettings.from(settings);
        MemberArchive members = new DynamoDbMemberArchive(dynamoDb, settings.required("MEMBERS_TABLE"),
                shared.clock());
        var ledger = shared.sendLedger();
        CouponCodes codes = new CouponCodes(Secrets.read(shared.aws().secretsManager(),
                settings.required("COUPON_CODE_KEY_SECRET")));
        var coupons = DynamoDbCouponBook.forReading(dynamoDb, settings.required("COUPONS_TABLE"), codes);
        var journal = new DynamoDbWinBackJournal(dynamoDb, settings.required("WINBACK_TABLE"));
        var orders = new DynamoDbOrderHistory(dynamoDb, settings.required("ORDERS_TABLE"));
        GreetingCalendar calendar = new GreetingCalendar(OccasionSettings.from(settings));
        var diary = new DynamoDbOccasionDiary(dynamoDb, settings.required("OCCASIONS_TABLE"), calendar,
                (int) settings.longValue("GREETING_SHARDS", 4));
        var followUpBook = new DynamoDbFollowUpBook(dynamoDb, settings.required("FOLLOW_UPS_TABLE"));
        var followUps = new FollowUpColumns(followUpBook, storeZone);
        return new MemberLists(
                new BirthdayList(diary, calendar, members, memberPolicy, ledger, coupons, codes, followUps,
                        shared.clock()),
                new DormantList(journal, members, memberPolicy, ledger, coupons, orders, storeZone, followUps,
                        shared.clock()),
                journal, orders, coupons, followUpBook);
    }

    /** The exports' bucket ({@code EXPORTS_BUCKET}), written in parts of S3's minimum size. */
    static S3ExportStore exportStore(SharedAdapters shared) {
        return new S3ExportStore(shared.aws().configure(S3Client.builder()).build(),
                shared.env().required("EXPORTS_BUCKET"), S3ExportStore.MIN_PART_BYTES);
    }
}
