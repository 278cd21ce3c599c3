package dev.storecrm.domain.member;

import static dev.storecrm.domain.TestEvents.cancelled;
import static dev.storecrm.domain.TestEvents.paid;
import static dev.storecrm.domain.TestEvents.refunded;
import static dev.storecrm.domain.TestEvents.registered;
import static dev.storecrm.domain.TestEvents.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.event.StoreEvent;
import dev.storecrm.domain.member.MemberPolicy.Enrolment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemberSummaryTest {

    private static final TierLadder TIERS = TierLadder.parse("MEMBER", "VIP1=50000,VIP2=200000,VIP3=1000000");
    private static final MemberPolicy POLICY = new MemberPolicy(Currency.getInstance("CNY"),
            Enrolment.FIRST_PAID_ORDER, 0, BigDecimal.ONE, TIERS);

    private static MemberSummary at(String now, MemberPolicy policy, StoreEvent... events) {
        MemberRecord record = new MemberLedger(policy).replay(MemberRecord.newCustomer("c-1"), List.of(events),
                new OrdersInMemory());
        return MemberSummary.of(record, policy, Instant.parse(now));
    }

    @Test
    void aCustomerWithoutRegistrationOrPaymentIsNotAMemberAndHasNoTier() {
        MemberSummary summary = at("2026-06-01T00:00:00Z", POLICY,
                cancelled("e1", "2026-05-01T00:00:00Z", "c-1", "o-1"));
        assertEquals(MembershipStatus.NONE, summary.status());
        assertEquals(Optional.empty(), summary.tier());
        assertEquals(0, summary.points());
    }

    @Test
    void theFirstPaidOrderMakesAMemberWhoEarnsPointsOnIt() {
        MemberSummary summary = at("2026-06-01T00:00:00Z", POLICY,
                paid("e1", "2026-05-01T10:00:00Z", "c-1", "o-1", 39_950));
        assertEquals(MembershipStatus.ACTIVE, summary.status());
        assertEquals(Optional.of(Instant.parse("2026-05-01T10:00:00Z")), summary.memberSince());
        assertEquals(399, summary.points(), "1 point per whole yuan, rounded down");
        assertEquals(Optional.of("MEMBER"), summary.tier());
        assertEquals(1, summary.orderCount());
    }

    @Test
    void registrationOnlyPolicyDoesNotEnrolBuyers() {
        MemberPolicy registrationOnly = new MemberPolicy(Currency.getInstance("CNY"), Enrolment.REGISTRATION_ONLY,
                0, BigDecimal.ONE, TIERS);
        MemberSummary summary = at("2026-06-01T00:00:00Z", registrationOnly,
                paid("e1", "2026-05-01T10:00:00Z", "c-1", "o-1", 39_900));
        assertEquals(MembershipStatus.NONE, summary.status());
        assertEquals(0, summary.points(), "non-members earn no points");
        assertEquals(39_900, summary.lifetimeSpendMinor(), "the archive still records the purchase");
    }

    @Test
    void spendThresholdPolicyEnrolsAtThePaymentThatCrossesIt() {
        MemberPolicy threshold = new MemberPolicy(Currency.getInstance("CNY"), Enrolment.SPEND_THRESHOLD,
                50_000, BigDecimal.ONE, TIERS);
        MemberSummary summary = at("2026-06-01T00:00:00Z", threshold,
                paid("e1", "2026-03-01T10:00:00Z", "c-1", "o-1", 30_000),
                paid("e2", "2026-04-01T10:00:00Z", "c-1", "o-2", 30_000));
        assertEquals(Optional.of(Instant.parse("2026-04-01T10:00:00Z")), summary.memberSince());
        assertEquals(300, summary.points(), "only the order paid as a member earns points");
    }

    @Test
    void refundsAndCancellationsTakePointsAndSpendBack() {
        MemberSummary summary = at("2026-06-01T00:00:00Z", POLICY,
                paid("e1", "2026-05-01T10:00:00Z", "c-1", "o-1", 100_000),
                refunded("e2", "2026-05-03T10:00:00Z", "c-1", "o-1", "r-1", 30_000),
                paid("e3", "2026-05-02T10:00:00Z", "c-1", "o-2", 50_000),
                cancelled("e4", "2026-05-02T11:00:00Z", "c-1", "o-2"));
        assertEquals(700, summary.points());
        assertEquals(70_000, summary.lifetimeSpendMinor());
        assertEquals(1, summary.orderCount(), "a cancelled order is not a purchase");
        assertEquals(1, summary.refundCount());
        assertEquals(30_000, summary.refundedMinor());
    }

    @Test
    void aFullyRefundedOrderDoesNotCountAsAPurchase() {
        MemberSummary summary = at("2026-06-01T00:00:00Z", POLICY,
                paid("e1", "2026-05-01T10:00:00Z", "c-1", "o-1", 10_000),
                refunded("e2", "2026-05-03T10:00:00Z", "c-1", "o-1", "r-1", 10_000));
        assertEquals(0, summary.orderCount());
        assertEquals(Optional.empty(), summary.lastOrderAt());
        assertEquals(MembershipStatus.ACTIVE, summary.status(), "membership, once gained, is not undone by a refund");
    }

    @Test
    void frozenAndCancelledMembersEarnNoPointsButPointsEarnedBeforeStay() {
        MemberSummary summary = at("2026-09-01T00:00:00Z", POLICY,
                registered("e0", "2026-01-01T00:00:00Z", "c-1", Profile.EMPTY, Set.of()),
                paid("e1", "2026-02-01T00:00:00Z", "c-1", "o-1", 10_000),
                status("e2", "2026-03-01T00:00:00Z", "c-1", MembershipStatus.FROZEN),
                paid("e3", "2026-04-01T00:00:00Z", "c-1", "o-2", 20_000),
                status("e4", "2026-05-01T00:00:00Z", "c-1", MembershipStatus.ACTIVE),
                paid("e5", "2026-06-01T00:00:00Z", "c-1", "o-3", 30_000),
                status("e6", "2026-07-01T00:00:00Z", "c-1", MembershipStatus.CANCELLED),
                paid("e7", "2026-08-01T00:00:00Z", "c-1", "o-4", 40_000));
        assertEquals(MembershipStatus.CANCELLED, summary.status());
        assertEquals(100 + 300, summary.points(), "orders paid while frozen or cancelled earn nothing");
        assertEquals(4, summary.orderCount(), "but they are purchases in the archive");
    }

    @Test
    void tierUpgradesAtOnceAndIsHeldForAYearAfterTheLastQualifyingPayment() {
        StoreEvent[] history = {
                paid("e1", "2026-01-10T00:00:00Z", "c-1", "o-1", 30_000),
                paid("e2", "2026-02-10T00:00:00Z", "c-1", "o-2", 30_000),
        };
        assertEquals(Optional.of("MEMBER"), at("2026-02-09T00:00:00Z", POLICY, history).tier(),
                "300.00 in the year: below VIP1");
        MemberSummary vip = at("2026-02-10T00:00:00Z", POLICY, history);
        assertEquals(Optional.of("VIP1"), vip.tier(), "600.00 in the year: VIP1 from the payment on");
        assertEquals(Optional.of(Instant.parse("2027-02-10T00:00:00Z")), vip.tierHeldUntil());
        assertEquals(Optional.of("VIP1"), at("2027-02-09T23:59:59Z", POLICY, history).tier());
        assertEquals(Optional.of("MEMBER"), at("2027-02-10T00:00:00Z", POLICY, history).tier(),
                "a year after the last qualifying payment the tier falls back");
        assertEquals(0, at("2027-02-10T00:00:00Z", POLICY, history).trailingYearSpendMinor());
    }

    @Test
    void aTierIsKeptByRequalifyingAndLostToRefunds() {
        MemberSummary requalified = at("2027-03-01T00:00:00Z", POLICY,
                paid("e1", "2026-01-10T00:00:00Z", "c-1", "o-1", 60_000),
                paid("e2", "2027-01-05T00:00:00Z", "c-1", "o-2", 10_000));
        assertEquals(Optional.of("VIP1"), requalified.tier(), "700.00 in the year ending 2027-01-05 still qualifies");
        assertEquals(Optional.of(Instant.parse("2028-01-05T00:00:00Z")), requalified.tierHeldUntil());

        MemberSummary refunded = at("2026-03-01T00:00:00Z", POLICY,
                paid("e1", "2026-01-10T00:00:00Z", "c-1", "o-1", 60_000),
                refunded("e2", "2026-01-20T00:00:00Z", "c-1", "o-1", "r-1", 20_000));
        assertEquals(Optional.of("MEMBER"), refunded.tier(), "net 400.00 never qualified for VIP1");
    }

    @Test
    void pointsFollowThePolicyRateAndCurrencyDigits() {
        MemberPolicy halfPointInYen = new MemberPolicy(Currency.getInstance("JPY"), Enrolment.FIRST_PAID_ORDER,
                0, new BigDecimal("0.5"), TIERS);
        assertEquals(499, halfPointInYen.pointsFor(999), "JPY has no minor unit; 0.5 point per yen rounds down");
        assertEquals(4, POLICY.pointsFor(499), "CNY 4.99 earns 4 points");
    }

    private static final MemberPolicy DOUBLE_ON_BIRTHDAY = new MemberPolicy(Currency.getInstance("CNY"),
            Enrolment.FIRST_PAID_ORDER, 0, BigDecimal.ONE, TIERS, new BirthdayBonus(2, 0, 0,
                    java.time.Duration.ofDays(30),
            dev.storecrm.domain.time.LeapDayRule.FEBRUARY_28, java.time.ZoneId.of("Asia/Shanghai")));

    private static StoreEvent birthday(String id, String at, String date, String zone) {
        return registered(id, at, "c-1", Profile.EMPTY
                        .with(ProfileField.BIRTHDAY, dev.storecrm.domain.time.RecurringDate.parse(date))
                        .with(ProfileField.TIME_ZONE, java.time.ZoneId.of(zone)),
                Set.of(ProfileField.BIRTHDAY, ProfileField.TIME_ZONE));
    }

    @Test
    void ordersPaidOnTheLocalBirthdayEarnDoublePoints() {
        MemberSummary summary = at("2026-12-01T00:00:00Z", DOUBLE_ON_BIRTHDAY,
                birthday("e0", "2026-01-01T00:00:00Z", "1990-05-20", "America/Los_Angeles"),
                paid("e1", "2026-05-20T15:00:00Z", "c-1", "o-1", 10_000),
                paid("e2", "2026-05-21T08:00:00Z", "c-1", "o-2", 10_000),
                paid("e3", "2026-05-21T06:00:00Z", "c-1", "o-3", 10_000));
        assertEquals(200 + 100 + 200, summary.points(),
                "08:00 on 20 May and 23:00 on 20 May in Los Angeles are the birthday; 01:00 on 21 May is not");
    }

    @Test
    void aBirthdayGivenAtTheLastMinuteEarnsNoDoublePoints() {
        MemberSummary summary = at("2026-12-01T00:00:00Z", DOUBLE_ON_BIRTHDAY,
                birthday("e0", "2026-05-10T00:00:00Z", "1990-05-20", "Asia/Shanghai"),
                paid("e1", "2026-05-20T04:00:00Z", "c-1", "o-1", 10_000));
        assertEquals(100, summary.points(), "given ten days before: under the 30-day notice");
    }

    @Test
    void aLeapDayBirthdayDoublesOnTheConfiguredDayOfACommonYear() {
        MemberSummary summary = at("2026-12-01T00:00:00Z", DOUBLE_ON_BIRTHDAY,
                birthday("e0", "2025-01-01T00:00:00Z", "--02-29", "Asia/Shanghai"),
                paid("e1", "2026-02-28T04:00:00Z", "c-1", "o-1", 10_000),
                paid("e2", "2026-03-01T04:00:00Z", "c-1", "o-2", 10_000));
        assertEquals(200 + 100, summary.points());
    }

    @Test
    void recencyIsCountedFromTheLastPurchase() {
        MemberSummary summary = at("2026-06-11T00:00:00Z", POLICY,
                paid("e1", "2026-06-01T00:00:00Z", "c-1", "o-1", 1_000));
        assertEquals(Optional.of(10L), summary.recencyDays(Instant.parse("2026-06-11T00:00:00Z")));
        assertTrue(summary.firstOrderAt().isPresent());
    }
}
