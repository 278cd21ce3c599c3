package dev.storecrm.domain.member;

import static dev.storecrm.domain.TestEvents.paid;
import static dev.storecrm.domain.TestEvents.refunded;
import static dev.storecrm.domain.TestEvents.registered;
import static dev.storecrm.domain.TestEvents.status;
import static dev.storecrm.domain.TestEvents.updated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.storecrm.domain.event.StoreEvent;
import dev.storecrm.domain.time.RecurringDate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemberRecordTest {

    private static MemberRecord apply(StoreEvent... events) {
        MemberRecord record = MemberRecord.newCustomer("c-1");
        for (StoreEvent event : events) {
            record = record.apply(event);
        }
        return record;
    }

    private static Profile email(String email) {
        return Profile.EMPTY.with(ProfileField.EMAIL, email);
    }

    @Test
    void theNewestProfileValueWinsWhateverTheArrivalOrder() {
        StoreEvent older = updated("e1", "2026-01-01T00:00:00Z", "c-1", email("old@example.com"), Set.of(ProfileField.EMAIL));
        StoreEvent newer = updated("e2", "2026-02-01T00:00:00Z", "c-1", email("new@example.com"), Set.of(ProfileField.EMAIL));
        assertEquals("new@example.com", apply(older, newer).profile().email());
        assertEquals("new@example.com", apply(newer, older).profile().email());
    }

    @Test
    void anUpdateChangesOnlyTheFieldsItNamesAndNullClears() {
        Profile full = Profile.EMPTY.with(ProfileField.EMAIL, "a@example.com").with(ProfileField.PHONE, "+8613800000000")
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
        assertSame(once, once.apply(paid));
        StoreEvent reg = registered("e2", "2026-01-01T00:00:00Z", "c-1", email("a@example.com"), Set.of(ProfileField.EMAIL));
        MemberRecord registered = once.apply(reg);
        assertSame(registered, registered.apply(reg));
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
        assertEquals(700, record.order("o-1").netMinor());
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
}
