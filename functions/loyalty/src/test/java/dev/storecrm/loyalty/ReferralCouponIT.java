package dev.storecrm.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.fixtures.events.Events;
import dev.storecrm.localcloud.LocalStore;
import dev.storecrm.localcloud.SentMail;
import dev.storecrm.platform.dynamodb.DynamoDbReferralBook;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Referral rewards as coupons ({@code ReferralReward: coupon}) through the real member archive, loyalty, timer
 * sweep and sender: when the referee's first order has stood through its refund window, the referrer and the
 * referee each get one single-use coupon of the configured value, mailed once with its code, and no points; a
 * refund of that order afterwards revokes the coupon still unused, so no order can redeem it.
 */
class ReferralCouponIT {

    private static final Instant START = Instant.parse("2026-02-01T02:00:00Z");
    private static final Pattern CODE = Pattern.compile("REFE-[0-9A-Z]{10}");

    @RegisterExtension
    final LocalStore local = LocalStore.at(START)
            .with(Map.of("REFERRAL_REWARD", "coupon", "REFERRAL_COUPON_VALUE", "CNY:2000", "REFERRAL_COUPON_DAYS",
                    "60", "REFERRAL_REFEREE_POINTS", "200"));

    @Test
    void bothPartiesGetOneCouponMailedOnceAndARefundRevokesTheUnusedOnes() {
        member("c-ref", "ref@example.com", null);
        member("c-new", "new@example.com", "c-ref");
        paid("evt-1", "c-new", "o-1", START.plus(Duration.ofDays(1)));
        local.advanceTo(START.plus(Duration.ofDays(31)).plusSeconds(60));

        SentMail toReferrer = only("ref@example.com");
        SentMail toReferee = only("new@example.com");
        assertEquals("Your referral reward: CNY 20.00 off at " + storeName(toReferrer), toReferrer.subject());
        String referrerCode = code(toReferrer);
        String refereeCode = code(toReferee);
        assertFalse(referrerCode.equals(refereeCode), "one coupon each");
        assertTrue(toReferrer.html().contains("valid until 2026-05-03"), "60 days from the reward, in the store's"
                + " zone: " + toReferrer.html());
        Map<String, AttributeValue> coupon = coupon(referrerCode);
        assertEquals("c-ref", coupon.get("customerId").s());
        assertEquals("CNY:2000", coupon.get("value").s());
        assertEquals("coupon CNY:2000", new DynamoDbReferralBook(local.cloud().dynamoDb(),
                local.cloud().tableName("ReferralsTable"))
                .find("c-new", true).orElseThrow().value().reward(), "the staff's list shows what was given");
        assertEquals(List.of(),
                local.cloud().dynamoDb().scan(s -> s.tableName(local.cloud().tableName("PointsLedgerTable"))).items()
                .stream().filter(item -> item.toString().contains("referral")).toList(), "no points given");

        local.advanceTo(START.plus(Duration.ofDays(33)));
        assertEquals(2, local.cloud().sentMail().stream().filter(m -> m.subject().startsWith("Your referral")).count(),
                "each coupon mailed once, whatever runs again");
        assertEquals(List.of(2L), new dev.storecrm.platform.dynamodb.DynamoDbCouponOutcomes(local.cloud().dynamoDb(),
                local.cloud().tableName("ReputationTable"), java.time.ZoneId.of("Asia/Shanghai")).between(
                java.time.LocalDate.parse("2026-01-01"), java.time.LocalDate.parse("2026-12-31")).stream()
                .filter(c -> c.campaign().equals("referral")).map(c -> c.issued()).toList(),
                "the console's results count the two referral coupons, once, on the day they were given");

        refunded("evt-2", "c-new", "o-1", START.plus(Duration.ofDays(40)));
        refunded("evt-2", "c-new", "o-1", START.plus(Duration.ofDays(40)));
        Map<String, AttributeValue> revoked = coupon(referrerCode);
        assertEquals("2026-03-13T02:00:00Z", revoked.get("revokedAt").s(), "revoked when the refund arrived");
        assertEquals("2026-03-13T02:00:00", revoked.get("expiresAt").s().substring(0, 19), "it ends then");
        assertTrue(revoked.get("revokedBecause").s().contains("refunded"), revoked.get("revokedBecause").s());
        assertTrue(coupon(refereeCode).containsKey("revokedAt"), "the referee's too");
        assertEquals(2, local.cloud().sentMail().stream().filter(m -> m.subject().startsWith("Your referral")).count(),
                "a revocation sends nothing");
    }

    private SentMail only(String address) {
        List<SentMail> mail = local.cloud().sentMailTo(address);
        assertEquals(1, mail.size(), "mail to " + address + ": " + mail);
        return mail.getFirst();
    }

    private static String code(SentMail mail) {
        Matcher code = CODE.matcher(mail.html());
        assertTrue(code.find(), "a REFE- code in " + mail.html());
        return code.group();
    }

    private static String storeName(SentMail mail) {
        return mail.subject().substring(mail.subject().indexOf(" at ") + 4);
    }

    private Map<String, AttributeValue> coupon(String code) {
        return local.cloud().dynamoDb().getItem(g -> g.tableName(local.cloud().tableName("CouponsTable"))
                .key(Map.of("code", AttributeValue.fromS(code)))).item();
    }

    private void member(String customerId, String email, String referrerId) {
        var registered = Events.memberRegistered(customerId).at("2026-01-01T00:00:00Z").name("Sample " + customerId)
                .email(email);
        publish((referrerId == null ? registered : registered.referrerId(referrerId)).json());
    }

    private void paid(String eventId, String customerId, String orderId, Instant at) {
        local.clock().set(at);
        publish(Events.orderPaid(customerId, orderId).id(eventId).at(at).amount(20_000).json());
    }

    private void refunded(String eventId, String customerId, String orderId, Instant at) {
        local.clock().set(at);
        publish(Events.orderRefunded(customerId, orderId, "r-" + eventId).id(eventId).at(at).amount(20_000).json());
    }

    private void publish(String event) {
        local.publish(event);
        local.functions().drainAll();
    }
}
