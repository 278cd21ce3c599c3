package dev.storecrm.domain.member;

import static dev.storecrm.domain.TestEvents.paid;
import static dev.storecrm.domain.TestEvents.refunded;
import static dev.storecrm.domain.TestEvents.registered;
import static dev.storecrm.domain.TestEvents.status;
import static dev.storecrm.domain.TestEvents.updated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.event.EventMeta;
import dev.storecrm.domain.event.EventType;
import dev.storecrm.domain.event.MemberEvent;
import dev.storecrm.domain.event.MemberEvent.MemberUpdated;
import dev.storecrm.domain.event.MemberEvent.StatusChange;
import dev.storecrm.domain.event.StoreEvent;
import dev.storecrm.domain.time.LunarDate;
import dev.storecrm.domain.time.RecurringDate;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemberRecordTest {

    private static final MemberPolicy POLICY = new MemberPolicy(Currency.getInstance("CNY"),
            MemberPolicy.Enrolment.FIRST_PAID_ORDER, 0, BigDecimal.ONE, TierLadder.parse("MEMBER", "VIP1=50000"));

    private final OrdersInMemory orders = new OrdersInMemory();

    private MemberRecord apply(StoreEvent... events) {
        return apply(MemberRecord.newCustomer("c-1"), events);
    }

    private MemberRecord apply(MemberRecord record, StoreEvent... events) {
        return new MemberLedger(POLICY).replay(record, List.of(events), orders);
    }

    private static Profile email(String email) {
        return Profile.EMPTY.with(ProfileField.EMAIL, email);
    }

    @Test
    void theNewestProfileValueWinsWhateverTheArrivalOrder() {
        StoreEvent older = updated("e1", "2026-01-01T00:00:00Z", "c-1", email("old@example.com"),
                Set.of(ProfileField.EMAIL));
        StoreEvent newer = updated("e2", "2026-02-01T00:00:00Z", "c-1", email("new@example.com"),
                Set.of(ProfileField.EMAIL));
        assertEquals("new@example.com", apply(older, newer).profile().email());
        assertEquals("new@example.com", apply(newer, older).profile().email());
    }

    @Test
    void anUpdateChangesOnlyTheFieldsItNamesAndNullClears() {
        Profile full = Profile.EMPTY.with(ProfileField.EMAIL, "a@example.com").with(ProfileField.PHONE,
                "+8613800000000")
                .with(ProfileField.TIME_ZONE, ZoneId.of("Asia/Shanghai"));
        MemberRecord record = apply(
                registered("e1", "2026-01-01T00:00:00Z", "c-1", full,
                        Set.of(ProfileField.EMAIL, ProfileField.PHONE, ProfileField.TIME_ZONE)),
                updated("e2", "2026-02-01T00:00:00Z", "c-1", Profile.EMPTY, Set.of(ProfileField.PHONE)));
        assertEquals("a@example.com", record.profile().email());
        assertNull(record.profile().phone(), "phone named with null: cleared");
        assertEquals(ZoneId.of("Asia/Shanghai"), record.profile().timeZone());
    }

    @Test
    void aDuplicateEventLeavesTheRecordUnchanged() {
        StoreEvent paid = paid("e1", "2026-01-01T00:00:00Z", "c-1", "o-1", 100);
        MemberRecord once = apply(paid);
        MemberLedger.Result again = new MemberLedger(POLICY).apply(once, paid, orders);
        assertSame(once, again.record());
        assertEquals(Map.of(), again.orderWrites(), "nothing to write");
        StoreEvent reg = registered("e2", "2026-01-01T00:00:00Z", "c-1", email("a@example.com"),
                Set.of(ProfileField.EMAIL));
        MemberRecord registered = once.apply((MemberEvent) reg);
        assertSame(registered, registered.apply((MemberEvent) reg));
    }

    @Test
    void theEarliestRegistrationIsKept() {
        MemberRecord record = apply(
                registered("e2", "2026-03-01T00:00:00Z", "c-1", Profile.EMPTY, Set.of()),
                registered("e1", "2026-01-01T00:00:00Z", "c-1", Profile.EMPTY, Set.of()));
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), record.registered().at());
    }

    @Test
    void aRefundBeforeItsPaymentIsKeptAndCountsOnceThePaymentArrives() {
        MemberRecord record = apply(
                refunded("e2", "2026-01-02T00:00:00Z", "c-1", "o-1", "r-1", 300),
                paid("e1", "2026-01-01T00:00:00Z", "c-1", "o-1", 1_000));
        assertEquals(700, orders.find("c-1", "o-1").orElseThrow().facts().netMinor());
        assertEquals(700, record.purchases().lifetimeSpendMinor());
    }

    @Test
    void statusChangesAreKeptInTimeOrder() {
        MemberRecord record = apply(
                status("e2", "2026-03-01T00:00:00Z", "c-1", MembershipStatus.ACTIVE),
                status("e1", "2026-02-01T00:00:00Z", "c-1", MembershipStatus.FROZEN));
        assertEquals(MembershipStatus.FROZEN, record.statusLog().get(0).status());
        assertEquals(MembershipStatus.ACTIVE, record.statusLog().get(1).status());
    }

    @Test
    void birthdaySetAtIsWhenTheCurrentValueWasFirstGiven() {
        Profile may20 = Profile.EMPTY.with(ProfileField.BIRTHDAY, RecurringDate.parse("1990-05-20"));
        Profile june1 = Profile.EMPTY.with(ProfileField.BIRTHDAY, RecurringDate.parse("1990-06-01"));
        Set<ProfileField> birthday = Set.of(ProfileField.BIRTHDAY);
        MemberRecord record = apply(
                updated("e1", "2026-01-01T00:00:00Z", "c-1", may20, birthday),
                updated("e3", "2026-03-01T00:00:00Z", "c-1", may20, birthday),
                updated("e2", "2026-02-01T00:00:00Z", "c-1", june1, birthday));
        assertEquals(Optional.of(Instant.parse("2026-03-01T00:00:00Z")), record.birthdaySetAt(),
                "changed away in February and back in March: set in March");
        MemberRecord repeated = apply(
                updated("e1", "2026-01-01T00:00:00Z", "c-1", may20, birthday),
                updated("e2", "2026-02-01T00:00:00Z", "c-1", may20, birthday));
        assertEquals(Optional.of(Instant.parse("2026-01-01T00:00:00Z")), repeated.birthdaySetAt(),
                "repeating the same birthday does not reset the clock");
    }

    @Test
    void aLunarBirthdayWinsWhileItIsGivenWhateverTheArrivalOrder() {
        LunarDate spring = new LunarDate(1, 1, false);
        Profile both = Profile.EMPTY.with(ProfileField.BIRTHDAY, RecurringDate.parse("1990-05-20"))
                .with(ProfileField.BIRTHDAY_LUNAR, spring);
        Set<ProfileField> lunar = Set.of(ProfileField.BIRTHDAY_LUNAR);
        StoreEvent[] events = {
            updated("e1", "2026-01-01T00:00:00Z", "c-1", both, Set.of(ProfileField.BIRTHDAY,
                    ProfileField.BIRTHDAY_LUNAR)),
            updated("e2", "2026-04-01T00:00:00Z", "c-1", Profile.EMPTY, lunar)};
        MemberRecord record = apply(events);
        assertEquals(record, apply(events[1], events[0]), "the same record in any order");
        assertEquals(3, record.birthdayLog().size(), "one event set both birthdays (two settings), one cleared");
        assertEquals(new MemberRecord.BirthdayInEffect(spring, Instant.parse("2026-01-01T00:00:00Z")),
                record.birthdayAt(Instant.parse("2026-03-01T00:00:00Z")).orElseThrow(), "the lunar birthday in March");
        assertEquals(new MemberRecord.BirthdayInEffect(RecurringDate.parse("1990-05-20"),
                Instant.parse("2026-01-01T00:00:00Z")), record.birthdayAt(Instant.MAX).orElseThrow(),
                "cleared in April: the Gregorian birthday, given in January, again");
    }

    @Test
    void aPaymentSentAgainLaterIsTheSamePurchase() {
        MemberRecord record = apply(
                paid("e1", "2026-01-01T00:00:00Z", "c-1", "o-1", 1_000),
                paid("e2", "2026-01-11T00:00:00Z", "c-1", "o-1", 1_000));
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), record.purchases().lastOrderAt(),
                "the re-sent payment neither moves the last order nor counts twice");
        assertEquals(1, record.purchases().orderCount());
        MemberRecord reversed = new MemberLedger(POLICY).replay(MemberRecord.newCustomer("c-1"), List.of(
                paid("e2", "2026-01-11T00:00:00Z", "c-1", "o-1", 1_000),
                paid("e1", "2026-01-01T00:00:00Z", "c-1", "o-1", 1_000)), new OrdersInMemory());
        assertEquals(record, reversed, "the first payment is the purchase, whichever copy arrives first");
    }

    @Test
    void theStatusLogKeepsTheNewestChangesAndCutsLongReasons() {
        List<StoreEvent> changes = new ArrayList<>();
        for (int i = 0; i < ArchiveLimits.STATUS_CHANGES + 5; i++) {
            String at = Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofDays(i)).toString();
            changes.add(new MemberUpdated(new EventMeta("s" + i, EventType.MemberUpdated, 1,
                    OffsetDateTime.parse(at).withOffsetSameInstant(ZoneOffset.UTC)), "c-1", ProfileChanges.NONE,
                    Optional.of(new StatusChange(i % 2 == 0 ? MembershipStatus.FROZEN : MembershipStatus.ACTIVE,
                            "x".repeat(500)))));
        }
        MemberRecord record = apply(changes.toArray(StoreEvent[]::new));
        assertEquals(ArchiveLimits.STATUS_CHANGES, record.statusLog().size());
        assertEquals("s5", record.statusLog().getFirst().stamp().eventId(), "the oldest five are dropped");
        assertEquals(ArchiveLimits.STATUS_REASON_CHARACTERS, record.statusLog().getFirst().reason().length());
        assertSame(record, apply(record, changes.getFirst()), "a change older than every kept one changes nothing");
    }

    @Test
    void theBirthdayAndTimeZoneLogsKeepTheNewestSettings() {
        List<StoreEvent> settings = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            Profile profile = Profile.EMPTY.with(ProfileField.BIRTHDAY, RecurringDate.parse("--05-" + (10 + i)))
                    .with(ProfileField.TIME_ZONE, ZoneId.of(i % 2 == 0 ? "Asia/Shanghai" : "Europe/Berlin"));
            settings.add(updated("b" + (10 + i), "2026-02-" + (10 + i) + "T00:00:00Z", "c-1", profile,
                    Set.of(ProfileField.BIRTHDAY, ProfileField.TIME_ZONE)));
        }
        MemberRecord record = apply(settings.toArray(StoreEvent[]::new));
        assertEquals(ArchiveLimits.BIRTHDAY_SETTINGS, record.birthdayLog().size());
        assertEquals(ArchiveLimits.TIME_ZONE_SETTINGS, record.zoneLog().size());
        assertEquals(RecurringDate.parse("--05-24"), record.profile().birthday());
        assertEquals(Optional.of(ZoneId.of("Europe/Berlin")), record.zoneAt(Instant.parse("2026-02-23T12:00:00Z")),
                "the zone in effect at a moment");
    }

    @Test
    void moreAnniversaryKindsThanAProfileHoldsAreRefusedWithAReason() {
        Map<String, RecurringDate> kinds = new HashMap<>();
        for (int i = 0; i <= ArchiveLimits.ANNIVERSARY_KINDS; i++) {
            kinds.put("kind-" + i, RecurringDate.parse("--06-01"));
        }
        StoreEvent tooMany = updated("a1", "2026-01-01T00:00:00Z", "c-1",
                Profile.EMPTY.with(ProfileField.ANNIVERSARIES, kinds), Set.of(ProfileField.ANNIVERSARIES));
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> apply(tooMany));
        assertEquals(RejectReason.LIMIT_EXCEEDED, refused.reason());
        assertTrue(refused.detail().contains("anniversaries"), refused.detail());
    }

    @Test
    void moreRefundsOfOneOrderThanTheLimitAreRefusedWithAReason() {
        MemberRecord record = apply(paid("p", "2026-01-01T00:00:00Z", "c-1", "o-1", 100_000));
        for (int i = 0; i < ArchiveLimits.REFUNDS_PER_ORDER; i++) {
            record = apply(record, refunded("r" + i, "2026-01-02T00:00:00Z", "c-1", "o-1", "refund-" + i, 10));
        }
        MemberRecord full = record;
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> apply(full, refunded("rx", "2026-01-03T00:00:00Z", "c-1", "o-1", "refund-x", 10)));
        assertEquals(RejectReason.LIMIT_EXCEEDED, refused.reason());
        assertEquals(ArchiveLimits.REFUNDS_PER_ORDER, record.purchases().refundCount());
    }

    @Test
    void totalsThatWouldOverflowAreRefusedWithAReason() {
        MemberRecord record = apply(paid("p1", "2026-01-01T00:00:00Z", "c-1", "o-1", Long.MAX_VALUE - 10));
        MemberRecord big = record;
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> apply(big, paid("p2", "2026-01-02T00:00:00Z", "c-1", "o-2", 100)));
        assertEquals(RejectReason.TOTAL_OVERFLOW, refused.reason());
    }
}
