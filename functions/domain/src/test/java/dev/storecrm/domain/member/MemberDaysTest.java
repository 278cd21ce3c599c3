package dev.storecrm.domain.member;

import static dev.storecrm.domain.TestEvents.paid;
import static dev.storecrm.domain.TestEvents.refunded;
import static dev.storecrm.domain.TestEvents.registered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.event.StoreEvent;
import dev.storecrm.domain.member.MemberPolicy.Enrolment;
import dev.storecrm.domain.time.LeapDayRule;
import dev.storecrm.domain.time.RecurringDate;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Member days (会员日): the rule, and the points multiplier of the member's tier on orders paid that day. */
class MemberDaysTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final TierLadder TIERS = TierLadder.parse("MEMBER", "VIP1=50000,VIP2=200000,VIP3=1000000");
    private static final MemberPolicy POLICY = new MemberPolicy(Currency.getInstance("CNY"),
            Enrolment.FIRST_PAID_ORDER, 0, BigDecimal.ONE, TIERS,
            new BirthdayBonus(2, 0, 0, Duration.ofDays(30), LeapDayRule.FEBRUARY_28, SHANGHAI))
            .withMemberDays(MemberDays.parse("day=date:*-18;VIP1=1.5;VIP2=2;VIP3=3", TIERS, SHANGHAI));

    private final OrdersInMemory book = new OrdersInMemory();

    @Test
    void theRulesOfTheCalendarWithEveryMonthAsStar() {
        MemberDays firstFriday = MemberDays.parse("day=weekday:*:1:friday;VIP1=2", TIERS, SHANGHAI);
        assertEquals(List.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 5), LocalDate.of(2027, 3, 5)),
                firstFriday.between(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31)));
        MemberDays monthEnd = MemberDays.parse("day=date:*-31;VIP1=2", TIERS, SHANGHAI);
        assertEquals(List.of(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31),
                LocalDate.of(2027, 4, 30)), monthEnd.between(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 4, 30)),
                "a day past a shorter month's end falls on its last day");
        MemberDays dayAfter = MemberDays.parse("day=weekday:*:last:friday +1d;day=date:09-18;VIP1=2", TIERS, SHANGHAI);
        assertTrue(dayAfter.isMemberDay(LocalDate.of(2027, 1, 30)), "the last Friday of January 2027 is the 29th");
        assertTrue(dayAfter.isMemberDay(LocalDate.of(2027, 9, 18)), "and a yearly day");
        assertFalse(dayAfter.isMemberDay(LocalDate.of(2027, 1, 29)));
        assertFalse(MemberDays.parse("", TIERS, SHANGHAI).active());
    }

    @Test
    void aMalformedEntryIsRefusedWithTheEntryNamed() {
        assertRefused("day=date:*-32;VIP1=2", "MemberDays entry day=date:*-32: a day of the month is 1 to 31");
        assertRefused("day=date:*-18;GOLD=2", "MemberDays entry GOLD=2: GOLD is not a tier of the store (MEMBER, "
                + "VIP1, VIP2, VIP3)");
        assertRefused("day=date:*-18;VIP1=0.5", "MemberDays entry VIP1=0.5: a multiplier is a number from 1 to 10 "
                + "with at most two decimals, e.g. 1.5");
        assertRefused("day=date:*-18;VIP1=1.255", "MemberDays entry VIP1=1.255: a multiplier is a number from 1 to "
                + "10 with at most two decimals, e.g. 1.5");
        assertRefused("day=lunar:*-1;VIP1=2", "MemberDays entry day=lunar:*-1: every month (*) is date:*-DD or "
                + "weekday:*:N:DAY");
        assertRefused("day=weekday:*:5:friday", "MemberDays entry day=weekday:*:5:friday: the rule is lunar:M-D, "
                + "date:MM-DD or weekday:M:N:DAY, with an optional offset such as \" -1d\"");
        assertRefused("VIP1=2", "MemberDays names multipliers but no day=RULE");
        assertRefused("day=date:*-18;VIP1=2;VIP1=3", "MemberDays entry VIP1=3: VIP1 is given twice");
    }

    @Test
    void ordersPaidOnTheMemberDayInTheStoresZoneEarnTheTiersMultiplier() {
        MemberRecord record = replay(
                paid("e1", "2027-02-10T04:00:00Z", "c-1", "o-vip", 60_000),
                paid("e2", "2027-03-17T15:59:59Z", "c-1", "o-before", 10_099),
                paid("e3", "2027-03-17T16:00:00Z", "c-1", "o-first", 10_099),
                paid("e4", "2027-03-18T15:59:59Z", "c-1", "o-last", 10_099),
                paid("e5", "2027-03-18T16:00:00Z", "c-1", "o-after", 10_099));
        assertEquals(100, credit("o-before").points(), "23:59:59 on the 17th in Shanghai: plain points");
        assertEquals(new Credit(new BigDecimal("1.5"), 150, true), credit("o-first"), "00:00 on the 18th: VIP1 x1.5");
        assertEquals(150, credit("o-last").points(), "23:59:59 on the 18th");
        assertEquals(100, credit("o-after").points(), "00:00 on the 19th: plain again");
        assertEquals(600 + 100 + 150 + 150 + 100, summary(record).points());
    }

    @Test
    void theTierIsTheOneHeldAtTheStartOfTheMonthNotOneTheMonthsOrdersReach() {
        replay(paid("e1", "2027-03-18T04:00:00Z", "c-1", "o-upgrade", 60_000),
                paid("e2", "2027-04-18T04:00:00Z", "c-1", "o-april", 10_000),
                paid("e3", "2027-05-18T04:00:00Z", "c-1", "o-may", 200_000));
        assertEquals(600, credit("o-upgrade").points(), "a MEMBER at the start of March: 600 yuan earn x1");
        assertEquals(150, credit("o-april").points(), "VIP1 from the March order on: April's member day pays x1.5");
        assertEquals(3_000, credit("o-may").points(), "VIP1 at the start of May (the upgrade to VIP2 comes later)");
    }

    @Test
    void aBirthdayOnAMemberDayPaysTheLargerMultiplierNotBoth() {
        StoreEvent birthday = registered("e0", "2026-01-01T00:00:00Z", "c-1", Profile.EMPTY
                .with(ProfileField.BIRTHDAY, RecurringDate.parse("1990-05-18"))
                .with(ProfileField.TIME_ZONE, SHANGHAI), Set.of(ProfileField.BIRTHDAY, ProfileField.TIME_ZONE));
        MemberRecord record = replay(birthday, paid("e1", "2027-01-05T04:00:00Z", "c-1", "o-vip", 60_000),
                paid("e2", "2027-05-18T04:00:00Z", "c-1", "o-birthday", 10_000));
        assertEquals(new Credit(BigDecimal.valueOf(2), 200, false), credit("o-birthday"),
                "VIP1's x1.5 against the birthday's x2: the birthday's, booked as the birthday bonus");
        replay(record, paid("e3", "2027-05-20T04:00:00Z", "c-1", "o-vip3", 1_000_000),
                paid("e4", "2028-05-18T04:00:00Z", "c-1", "o-vip3-birthday", 10_000));
        assertEquals(new Credit(BigDecimal.valueOf(3), 300, true), credit("o-vip3-birthday"),
                "VIP3's x3 against the birthday's x2: the member day's");
    }

    @Test
    void aRefundTakesBackTheBonusWithThePointsAsTheBirthdayBonusIs() {
        MemberRecord record = replay(paid("e1", "2027-02-10T04:00:00Z", "c-1", "o-vip", 60_000),
                paid("e2", "2027-03-18T04:00:00Z", "c-1", "o-1", 10_000),
                refunded("e3", "2027-03-20T04:00:00Z", "c-1", "o-1", "r-1", 5_000));
        assertEquals(new Credit(new BigDecimal("1.5"), 75, true), credit("o-1"), "half refunded: half the points");
        replay(record, refunded("e4", "2027-03-21T04:00:00Z", "c-1", "o-1", "r-2", 5_000));
        assertEquals(0, credit("o-1").points());
    }

    @Test
    void aPaymentThatArrivesLateRepricesTheMemberDayOrdersItsSpendQualified() {
        StoreEvent joined = registered("e0", "2026-01-01T00:00:00Z", "c-1", Profile.EMPTY, Set.of());
        List<StoreEvent> events = List.of(joined, paid("e1", "2027-02-10T04:00:00Z", "c-1", "o-vip", 60_000),
                paid("e2", "2027-03-18T04:00:00Z", "c-1", "o-1", 10_000),
                paid("e3", "2027-04-18T04:00:00Z", "c-1", "o-2", 10_000));
        MemberRecord inOrder = replay(events.toArray(StoreEvent[]::new));
        List<ArchivedOrder> ordersInOrder = new ArrayList<>(book.all());
        OrdersInMemory late = new OrdersInMemory();
        MemberRecord reordered = new MemberLedger(POLICY).replay(MemberRecord.newCustomer("c-1"),
                List.of(events.get(0), events.get(3), events.get(2), events.get(1)), late);
        assertEquals(summary(inOrder), summary(reordered));
        assertEquals(Set.copyOf(ordersInOrder), Set.copyOf(late.all()));
        assertEquals(150, late.find("c-1", "o-1").orElseThrow().credit().orElseThrow().points());
    }

    private MemberRecord replay(StoreEvent... events) {
        return replay(MemberRecord.newCustomer("c-1"), events);
    }

    private MemberRecord replay(MemberRecord record, StoreEvent... events) {
        return new MemberLedger(POLICY).replay(record, List.of(events), book);
    }

    private Credit credit(String orderId) {
        return book.find("c-1", orderId).orElseThrow().credit().orElseThrow();
    }

    private static MemberSummary summary(MemberRecord record) {
        return MemberSummary.of(record, POLICY, Instant.parse("2028-12-01T00:00:00Z"));
    }

    private static void assertRefused(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> MemberDays.parse(text, TIERS, SHANGHAI)).getMessage());
    }
}
